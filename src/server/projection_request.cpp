#include "projection_request.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "seatsim/core/error.hpp"
#include "seatsim/io/covariance_file.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/io/house_effects_file.hpp"
#include "seatsim/io/party_mapping.hpp"
#include "seatsim/io/ropf_file.hpp"

namespace seatsim::server {
namespace {

const std::vector<std::string> names = {"polls",     "polls-format", "mapping",      "swing",       "draws",
                                        "coalition", "half-life",    "noise",        "no-sampling", "no-house-effects",
                                        "threads",   "covariance",   "house-effects"};

// A parameter that looks like it names a file (polls-file, mapping_path, file): the explorer takes
// texts, never paths (`covariance` and `house-effects` are the files' texts, as `polls` is).
bool names_a_file(const std::string& name) {
  const auto ends_with = [&](const std::string& suffix) {
    return name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return name == "file" || name == "path" || name == "output" || ends_with("-file") || ends_with("-path") ||
         ends_with("-dir");
}

[[noreturn]] void refuse_path(const std::string& raw) {
  throw Error(raw +
              ": the explorer reads no file a request names; send the poll's text as `polls`, a mapping's as "
              "`mapping`, a covariance's as `covariance` and house effects' as `house-effects` (the command line "
              "reads files)");
}

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

// A text beyond the fixed caps is refused (422) before it is parsed.
void check_text(const std::string& field, const std::string& text, std::size_t max_bytes, std::size_t max_lines) {
  const auto refuse = [&](const std::string& what) {
    throw RequestRefused(422, field + ": " + what + " (a limit of this explorer; seatsim project reads larger files)");
  };
  if (text.size() > max_bytes)
    refuse("the text has " + std::to_string(text.size()) + " bytes, more than the " + std::to_string(max_bytes) +
           " a request may send");
  if (const std::size_t lines = line_count(text); lines > max_lines)
    refuse("the text has " + std::to_string(lines) + " lines, more than the " + std::to_string(max_lines) +
           " a request may send");
}

std::uint64_t parse_whole(const std::string& name, const std::string& text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size())
    throw Error(name + ": '" + text + "' is not a whole number");
  return value;
}

double parse_days(const std::string& name, const std::string& text) {
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || !std::isfinite(value) || value <= 0)
    throw Error(name + ": '" + text + "' is not a number of days greater than 0");
  return value;
}

// The U+2022 bullet starts every ROPF field; a CSV poll has none.
bool looks_like_ropf(const std::string& text) { return text.find("\xE2\x80\xA2") != std::string::npos; }

PollSet parse_polls(const std::string& text, const std::string& format, std::vector<std::string>& warnings,
                    bool& ropf) {
  if (format != "csv" && format != "ropf" && format != "auto")
    throw Error("polls-format: '" + format + "' is not csv, ropf or auto");
  ropf = format == "ropf" || (format == "auto" && looks_like_ropf(text));
  if (ropf) return parse_ropf(text, poll_field, &warnings);
  return parse_poll_table(
      parse_csv(text, poll_field, {}, {"pollster", "fieldwork_end", "sample_size", "area", "party", "share"}));
}

}  // namespace

const std::vector<std::string>& projection_parameters() { return names; }

ProjectionRequest read_projection_request(Params& params, const WorkBudget& budget) {
  Params rule;
  std::map<std::string, std::string> given;
  ProjectionRequest request;
  for (auto& [raw, value] : params) {
    const std::string name = flag_name(raw);
    if (names_a_file(name)) refuse_path(raw);
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      rule.emplace_back(raw, std::move(value));
    } else if (name == "coalition") {
      request.options.coalitions.push_back(value);
    } else if (!given.emplace(name, value).second) {
      throw Error("parameter '" + raw + "' is given more than once");
    }
  }
  params = std::move(rule);
  const auto text = [&](const std::string& name) { return given.contains(name) ? given[name] : std::string(); };

  const std::string polls = text("polls");
  if (polls.empty())
    throw Error("send the poll's text as `polls` (CSV pollster,fieldwork_end,sample_size,area,party,share, or ROPF)");
  check_text(poll_field, polls, max_poll_bytes, max_poll_lines);
  const std::string mapping = text("mapping");
  if (!mapping.empty()) check_text(mapping_field, mapping, max_mapping_bytes, max_mapping_lines);
  const std::string covariance = text(covariance_field);
  if (!covariance.empty()) check_text(covariance_field, covariance, max_covariance_bytes, max_covariance_lines);
  const std::string house_effects = text(house_effects_field);
  if (!house_effects.empty())
    check_text(house_effects_field, house_effects, max_house_effects_bytes, max_house_effects_lines);

  ProjectionOptions& options = request.options;
  options.draws = given.contains("draws") ? parse_whole("draws", given["draws"]) : 0;
  budget.check_draws(options.draws);
  options.swing = SwingModel::parse(given.contains("swing") ? given["swing"] : "uniform");
  if (given.contains("half-life")) options.half_life_days = parse_days("half-life", given["half-life"]);
  if (given.contains("noise")) options.district_noise = NoiseModel::parse(given["noise"]);
  if (given.contains("no-sampling")) options.sampling_error = !parse_flag("no-sampling", given["no-sampling"]);
  if (given.contains("no-house-effects"))
    options.estimate_house_effects = !parse_flag("no-house-effects", given["no-house-effects"]);
  const std::uint64_t threads = given.contains("threads") ? parse_whole("threads", given["threads"]) : 0;
  options.threads = threads == 0 ? max_projection_threads
                                 : static_cast<unsigned>(std::min<std::uint64_t>(threads, max_projection_threads));

  request.polls = parse_polls(polls, given.contains("polls-format") ? given["polls-format"] : "auto", request.warnings,
                              request.ropf);
  if (!mapping.empty())
    options.mapping =
        parse_party_mapping(parse_csv(mapping, mapping_field, {}, {"poll_party", "base_party", "weight"}));
  // The command line's --covariance and --house-effects readers, on the texts: the same checks and messages.
  if (!covariance.empty()) options.national_error = parse_covariance_table(parse_csv(covariance, covariance_field));
  if (!house_effects.empty())
    options.house_effects =
        parse_house_effects(parse_csv(house_effects, house_effects_field, {}, {"pollster", "party", "points"}));
  return request;
}

}  // namespace seatsim::server
