#include "seatsim/io/party_styles.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "seatsim/core/error.hpp"
#include "seatsim/io/input.hpp"

namespace seatsim {

const PartyStyle* PartyStyles::find(const std::string& party) const {
  const auto it = styles.find(party);
  return it == styles.end() ? nullptr : &it->second;
}

bool is_valid_colour(std::string_view colour) noexcept {
  if (colour.empty()) return false;
  if (colour.front() == '#') {
    if (colour.size() != 4 && colour.size() != 7) return false;
    for (std::size_t i = 1; i < colour.size(); ++i)
      if (!std::isxdigit(static_cast<unsigned char>(colour[i]))) return false;
    return true;
  }
  if (colour.size() > 30) return false;
  return std::ranges::all_of(colour, [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
}

PartyStyles read_party_styles(const CsvTable& table) {
  const std::size_t party = table.require_column("party");
  const std::optional<std::size_t> colour = table.column("colour");
  const std::optional<std::size_t> short_name = table.column("short");
  PartyStyles result;
  for (const CsvRow& row : table.rows) {
    const std::string& name = row.fields[party];
    if (name.empty()) throw Error(table.source, row.line, "empty party name");
    PartyStyle style;
    if (colour) style.colour = row.fields[*colour];
    if (short_name) style.short_name = row.fields[*short_name];
    if (!style.colour.empty() && !is_valid_colour(style.colour))
      throw Error(table.source, row.line,
                  "colour '" + style.colour + "' of '" + name + "' is not #rgb, #rrggbb or a colour name");
    if (!result.styles.emplace(name, style).second)
      throw Error(table.source, row.line, "party '" + name + "' is listed twice");
    result.order.push_back(name);
  }
  return result;
}

std::optional<PartyStyles> load_party_styles(const std::string& folder) {
  if (folder.empty()) return std::nullopt;
  const std::filesystem::path path = std::filesystem::path(folder) / "parties.csv";
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::nullopt;
  std::vector<InputFile> ignored;
  return read_party_styles(read_csv_file(path.string(), ignored));
}

}  // namespace seatsim
