#include <algorithm>

#include "seatsim/core/election.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/json.hpp"
#include "seatsim/io/parliament.hpp"
#include "seatsim/io/party_styles.hpp"

namespace seatsim {
namespace {

std::size_t line_at(const std::string& text, std::size_t byte) {
  const std::size_t end = std::min(byte, text.size());
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\n'));
}

ParliamentParty read_party(const Json& entry, std::size_t index, const std::string& source) {
  const std::string where = "parties[" + std::to_string(index) + "]";
  if (!entry.is_object()) throw Error(source, 0, where + ": expected an object");
  ParliamentParty party;
  const auto name = entry.find("name");
  if (name == entry.end() || !name->is_string() || name->get<std::string>().empty())
    throw Error(source, 0, where + ": 'name' must be a non-empty text");
  party.name = name->get<std::string>();
  const auto seats = entry.find("nb_seats");
  if (seats == entry.end() || !seats->is_number_integer() || seats->get<std::int64_t>() < 0 ||
      seats->get<std::int64_t>() > max_seats)
    throw Error(
        source, 0,
        where + " ('" + party.name + "'): 'nb_seats' must be a whole number from 0 to " + std::to_string(max_seats));
  party.seats = seats->get<std::int64_t>();
  if (const auto colour = entry.find("color"); colour != entry.end() && !colour->is_null()) {
    if (!colour->is_string() || !is_valid_colour(colour->get<std::string>()))
      throw Error(source, 0, where + " ('" + party.name + "'): 'color' must be #rgb, #rrggbb or a colour name");
    party.colour = colour->get<std::string>();
  }
  if (const auto label = entry.find("short"); label != entry.end() && label->is_string())
    party.label = label->get<std::string>();
  return party;
}

}  // namespace

std::int64_t Parliament::total_seats() const noexcept {
  std::int64_t total = 0;
  for (const ParliamentParty& party : parties) total += party.seats;
  return total;
}

Parliament read_parliament_json(const std::string& text, const std::string& source) {
  Json json;
  try {
    json = Json::parse(text);
  } catch (const Json::parse_error& error) {
    std::string what = error.what();
    if (const auto colon = what.find("syntax error"); colon != std::string::npos) what = what.substr(colon);
    throw Error(source, line_at(text, error.byte == 0 ? 0 : error.byte - 1), "invalid JSON: " + what);
  }
  if (!json.is_object() || !json.contains("parties") || !json["parties"].is_array())
    throw Error(source, 0, "expected an object with an array 'parties' (parliament-diagram JSON)");
  Parliament parliament;
  if (const auto title = json.find("title"); title != json.end() && title->is_string())
    parliament.title = title->get<std::string>();
  std::size_t index = 0;
  for (const Json& entry : json["parties"]) parliament.parties.push_back(read_party(entry, index++, source));
  return parliament;
}

std::string write_parliament_json(const Parliament& parliament) {
  Json parties = Json::array();
  for (const ParliamentParty& party : parliament.parties) {
    Json entry;
    entry["name"] = party.name;
    entry["nb_seats"] = party.seats;
    entry["color"] = party.colour;
    if (!party.label.empty() && party.label != party.name) entry["short"] = party.label;
    parties.push_back(std::move(entry));
  }
  Json json;
  if (!parliament.title.empty()) json["title"] = parliament.title;
  json["parties"] = std::move(parties);
  return json.dump(2) + "\n";
}

}  // namespace seatsim
