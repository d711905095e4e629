#include "seatsim/io/rule_settings.hpp"

#include <algorithm>
#include <filesystem>

#include "seatsim/core/error.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/rule_keys.hpp"
#include "seatsim/kernel/leveling_placement.hpp"

namespace seatsim {
namespace {

// True for a known quota method; false for a divisor method or an unknown name (which `build`
// then reports).
bool names_quota_method(const std::string& name) {
  try {
    return !method_by_name(name).is_divisor();
  } catch (const Error&) {
    return false;
  }
}

std::vector<Rational> parse_divisor_list(const std::string& text) {
  std::vector<Rational> divisors;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = text.find(',', start);
    const std::string item = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const auto first = item.find_first_not_of(' ');
    if (first == std::string::npos) throw Error("an empty entry in the divisor list");
    divisors.push_back(parse_rational(item.substr(first, item.find_last_not_of(' ') - first + 1)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return divisors;
}

// Runs `parse` and prefixes any error with the key it came from.
template <typename F>
auto keyed(const char* key, F&& parse) {
  try {
    return parse();
  } catch (const Error& error) {
    if (!error.file().empty()) throw;
    std::string name(key);
    std::replace(name.begin(), name.end(), '-', '_');
    throw Error(std::string(key) + ": " + error.message()).with_key(name);
  }
}

std::map<std::string, std::optional<ThresholdValue>> read_party_thresholds(const std::string& path) {
  std::vector<InputFile> ignored;
  const CsvTable table = read_csv_file(path, ignored);
  const std::size_t party = table.require_column("party");
  const std::size_t value = table.require_column("threshold");
  std::map<std::string, std::optional<ThresholdValue>> thresholds;
  for (const CsvRow& row : table.rows) {
    const std::string& text = row.fields[value];
    try {
      thresholds[row.fields[party]] =
          text.empty() ? std::nullopt : std::optional<ThresholdValue>(ThresholdValue::parse(text));
    } catch (const Error& error) {
      throw Error(path, row.line, "threshold: " + error.message());
    }
  }
  return thresholds;
}

std::string resolve(const std::string& file, const std::string& base_folder) {
  std::filesystem::path path(file);
  if (path.is_relative() && !base_folder.empty()) path = std::filesystem::path(base_folder) / path;
  return path.string();
}

std::int64_t parse_seat_count(const std::string& text) {
  const Rational value = parse_rational(text);
  if (!value.is_integer() || value.is_negative() || value.num() > max_seats)
    throw Error("'" + text + "' is not a whole number of seats between 0 and " + std::to_string(max_seats));
  return value.num();
}

std::optional<std::int64_t> optional_seat_count(const CsvTable& table, const CsvRow& row,
                                                std::optional<std::size_t> column) {
  if (!column) return std::nullopt;
  const std::string& text = row.fields[*column];
  if (text.find_first_not_of(" \t") == std::string::npos) return std::nullopt;
  try {
    return parse_seat_count(
        text.substr(text.find_first_not_of(" \t"), text.find_last_not_of(" \t") - text.find_first_not_of(" \t") + 1));
  } catch (const Error& error) {
    throw Error(table.source, row.line, error.message());
  }
}

// `party,min,max` (either bound may be empty, or its column absent).
std::map<std::string, SeatBounds::Override> read_seat_bounds(const std::string& path) {
  std::vector<InputFile> ignored;
  const CsvTable table = read_csv_file(path, ignored);
  const std::size_t party = table.require_column("party");
  const std::optional<std::size_t> min = table.column("min"), max = table.column("max");
  if (!min && !max) throw Error(path, 1, "a seat bounds file needs a 'min' or a 'max' column (party,min,max)");
  std::map<std::string, SeatBounds::Override> bounds;
  for (const CsvRow& row : table.rows) {
    SeatBounds::Override bound{optional_seat_count(table, row, min), optional_seat_count(table, row, max)};
    if (bound.min && bound.max && *bound.min > *bound.max)
      throw Error(path, row.line,
                  "minimum " + std::to_string(*bound.min) + " above maximum " + std::to_string(*bound.max));
    if (!bounds.emplace(row.fields[party], bound).second)
      throw Error(path, row.line, "duplicate list '" + row.fields[party] + "'");
  }
  return bounds;
}

// `district,seats`: leveling seats each district can take.
std::map<std::string, std::int64_t> read_leveling_capacity(const std::string& path) {
  std::vector<InputFile> ignored;
  const CsvTable table = read_csv_file(path, ignored);
  const std::size_t district = table.require_column("district");
  const std::size_t seats = table.require_column("seats");
  std::map<std::string, std::int64_t> capacity;
  for (const CsvRow& row : table.rows) {
    const std::optional<std::int64_t> value = optional_seat_count(table, row, seats);
    if (!value) throw Error(path, row.line, "seats is empty");
    if (!capacity.emplace(row.fields[district], *value).second)
      throw Error(path, row.line, "duplicate district '" + row.fields[district] + "'");
  }
  return capacity;
}

std::string leveling_placement_by(const std::string& name) { return leveling_placement(name).name; }

bool is_count(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

void RuleSettings::resolve_files(const std::string& folder) {
  if (folder.empty()) return;
  if (party_thresholds) party_thresholds = resolve(*party_thresholds, folder);
  if (seat_bounds) seat_bounds = resolve(*seat_bounds, folder);
  if (leveling_per_district && !is_count(*leveling_per_district))
    leveling_per_district = resolve(*leveling_per_district, folder);
}

bool RuleSettings::empty() const {
  return std::none_of(rule_keys().begin(), rule_keys().end(), [&](const RuleKey& key) { return key.set_in(*this); });
}

void RuleSettings::override_with(const RuleSettings& other) {
  for (const RuleKey& key : rule_keys()) key.copy(other, *this);
  // A method named in a later layer replaces an earlier custom sequence and vice versa.
  if (other.method && !other.divisors) divisors.reset();
  if (other.divisors && !other.method) method.reset();
  // A first divisor belongs to divisor methods: a later layer that names a quota method sets
  // aside the first divisor of the layers below (a data set's first_divisor = "1" must not stop
  // `--method hare`), unless it gives one itself (an error then, as it should be).
  if (other.method && !other.first_divisor && names_quota_method(*other.method)) first_divisor.reset();
}

namespace {

void build_leveling(const RuleSettings& s, Rule& rule, const std::string& base_folder);
void build_biproportional(const RuleSettings& s, Rule& rule);
void build_quota_tier(const RuleSettings& s, Rule& rule);
void build_mixed_member(const RuleSettings& s, Rule& rule);

// The tier keys: seat bounds, leveling seats, biproportional apportionment.
void build_tiers(const RuleSettings& s, Rule& rule, const std::string& base_folder) {
  // Plain references, not a structured binding: clang 14 (the fuzz build) cannot capture bindings in lambdas.
  const auto& min_seats = s.min_seats;
  const auto& max_seats = s.max_seats;
  const auto& seat_bounds = s.seat_bounds;
  const auto& leveling_seats = s.leveling_seats;
  const auto& leveling_threshold = s.leveling_threshold;
  const auto& leveling_placement = s.leveling_placement;
  const auto& leveling_per_district = s.leveling_per_district;
  if (min_seats) rule.bounds.min_seats = keyed("min-seats", [&] { return parse_seat_count(*min_seats); });
  if (max_seats) rule.bounds.max_seats = keyed("max-seats", [&] { return parse_seat_count(*max_seats); });
  if (rule.bounds.min_seats && rule.bounds.max_seats && *rule.bounds.min_seats > *rule.bounds.max_seats)
    throw Error("min-seats: " + std::to_string(*rule.bounds.min_seats) + " is above max-seats " +
                std::to_string(*rule.bounds.max_seats));
  if (seat_bounds) rule.bounds.per_list = read_seat_bounds(resolve(*seat_bounds, base_folder));

  if (leveling_seats) rule.leveling.seats = keyed("leveling-seats", [&] { return parse_seat_count(*leveling_seats); });
  // Leveling keys without leveling seats are a mistake, said; with leveling seats set to 0 (a later
  // layer turning the tier off) they are moot.
  if (!leveling_seats && (leveling_threshold || leveling_placement || leveling_per_district))
    throw Error(std::string(leveling_threshold   ? "leveling-threshold"
                            : leveling_placement ? "leveling-placement"
                                                 : "leveling-per-district") +
                ": applies only with leveling-seats");
  if (!leveling_seats && (s.leveling_method || s.leveling_threshold_or || s.leveling_regions))
    throw Error(std::string(s.leveling_method         ? "leveling-method"
                            : s.leveling_threshold_or ? "leveling-threshold-or"
                                                      : "leveling-regions") +
                ": applies only with leveling-seats");
  if (rule.leveling.enabled()) build_leveling(s, rule, base_folder);
  build_biproportional(s, rule);
  build_quota_tier(s, rule);
  build_mixed_member(s, rule);
  rule.check();
}

// Denmark's parts of a leveling tier: its own national method, other routes in, and regions.
void build_leveling_components(const RuleSettings& s, Rule& rule) {
  const auto& leveling_method = s.leveling_method;
  if (leveling_method)
    rule.leveling.method = keyed("leveling-method", [&] { return method_by_name(*leveling_method); });
  for (const std::string& route : s.leveling_threshold_or.value_or(std::vector<std::string>{}))
    rule.leveling.threshold_or.push_back(
        keyed("leveling-threshold-or", [&] { return QualificationRoute::parse(route); }));
  for (const std::string& region : s.leveling_regions.value_or(std::vector<std::string>{}))
    rule.leveling.regions.push_back(keyed("leveling-regions", [&] { return LevelingRegion::parse(region); }));
}

void build_leveling(const RuleSettings& s, Rule& rule, const std::string& base_folder) {
  // Plain references, not a structured binding: clang 14 (the fuzz build) cannot capture bindings in lambdas.
  const auto& leveling_threshold = s.leveling_threshold;
  const auto& leveling_placement = s.leveling_placement;
  const auto& leveling_per_district = s.leveling_per_district;
  if (leveling_threshold)
    rule.leveling.threshold = keyed("leveling-threshold", [&] { return ThresholdValue::parse(*leveling_threshold); });
  if (leveling_placement)
    rule.leveling.placement = keyed("leveling-placement", [&] { return leveling_placement_by(*leveling_placement); });
  if (leveling_per_district && is_count(*leveling_per_district)) {
    rule.leveling.per_district =
        keyed("leveling-per-district", [&] { return parse_seat_count(*leveling_per_district); });
  } else if (leveling_per_district) {
    rule.leveling.per_district_of = read_leveling_capacity(resolve(*leveling_per_district, base_folder));
    rule.leveling.per_district = 0;  // districts the file does not name take none
  }
  build_leveling_components(s, rule);
}

void build_biproportional(const RuleSettings& s, Rule& rule) {
  const auto& biproportional = s.biproportional;
  const auto& quorum_any_district = s.quorum_any_district;
  const auto& quorum_total = s.quorum_total;
  const auto& list_votes = s.list_votes;
  const auto& winner_take_one = s.winner_take_one;
  rule.biproportional.enabled = biproportional.value_or(false);
  // As for leveling: said when biproportional is absent, moot when a layer sets it false.
  if (!biproportional &&
      (quorum_any_district || quorum_total || list_votes.value_or(false) || winner_take_one.value_or(false)))
    throw Error(std::string(quorum_any_district ? "quorum-any-district"
                            : quorum_total      ? "quorum-total"
                            : list_votes        ? "list-votes"
                                                : "winner-take-one") +
                ": applies only with biproportional");
  if (quorum_any_district)
    rule.biproportional.quorum_any_district =
        keyed("quorum-any-district", [&] { return ThresholdValue::parse(*quorum_any_district); });
  if (quorum_total)
    rule.biproportional.quorum_total = keyed("quorum-total", [&] { return ThresholdValue::parse(*quorum_total); });
  rule.biproportional.list_votes = list_votes.value_or(false);
  rule.biproportional.winner_take_one = winner_take_one.value_or(false);
}

// The quota tier (seatsim/kernel/quota_tier.hpp): its keys apply only with quota_tier.
void build_quota_tier(const RuleSettings& s, Rule& rule) {
  const auto& quota_tier = s.quota_tier;
  const auto& rounding = s.quota_tier_rounding;
  const auto& base = s.quota_tier_base;
  const auto& method = s.remainder_method;
  const auto& votes = s.remainder_votes;
  const auto& threshold = s.remainder_threshold;
  const auto& seats_by_votes = s.seats_by_votes;
  if (!quota_tier) {
    const char* stray = rounding         ? "quota-tier-rounding"
                        : base           ? "quota-tier-base"
                        : method         ? "remainder-method"
                        : votes          ? "remainder-votes"
                        : threshold      ? "remainder-threshold"
                        : seats_by_votes ? "seats-by-votes"
                                         : nullptr;
    if (stray) throw Error(std::string(stray) + ": applies only with quota-tier");
    return;
  }
  QuotaTierRule& tier = rule.quota_tier;
  tier.quota = keyed("quota-tier", [&] { return quota_kind_by_name(*quota_tier); });
  if (rounding) tier.rounding = keyed("quota-tier-rounding", [&] { return quota_rounding_by_name(*rounding); });
  if (base) tier.base = keyed("quota-tier-base", [&] { return quota_base_by_name(*base); });
  if (method) tier.upper_method = keyed("remainder-method", [&] { return method_by_name(*method); });
  if (votes) tier.upper_votes = keyed("remainder-votes", [&] { return upper_votes_by_name(*votes); });
  if (threshold) tier.upper_threshold = keyed("remainder-threshold", [&] { return ThresholdValue::parse(*threshold); });
  if (seats_by_votes) tier.seats_by_votes = keyed("seats-by-votes", [&] { return method_by_name(*seats_by_votes); });
}

// Mixed-member systems (seatsim/kernel/mixed_member.hpp): constituency_route applies only with one.
void build_mixed_member(const RuleSettings& s, Rule& rule) {
  const auto& kind = s.mixed_member;
  const auto& route = s.constituency_route;
  const auto& house = s.house_seats;
  if (!kind) {
    if (route || house)
      throw Error(std::string(route ? "constituency-route" : "house-seats") + ": applies only with mixed-member");
    return;
  }
  if (house) rule.mixed_member.house_seats = keyed("house-seats", [&] { return parse_seat_count(*house); });
  rule.mixed_member.kind = keyed("mixed-member", [&] { return mixed_member_kind_by_name(*kind); });
  if (route)
    rule.mixed_member.constituency_route = keyed("constituency-route", [&] { return parse_seat_count(*route); });
}

}  // namespace

Rule RuleSettings::build(const std::string& base_folder) const {
  Rule rule;
  if (divisors) {
    if (method && *method != "custom") throw Error("divisors: give a custom sequence or a method, not both");
    rule.method = keyed("divisors", [&] { return custom_divisor_method(parse_divisor_list(*divisors)); });
  } else if (method) {
    rule.method = keyed("method", [&] { return method_by_name(*method); });
  }
  if (first_divisor) {
    rule.method = keyed("first-divisor", [&] {
      const Rational first = parse_rational(*first_divisor);
      return with_first_divisor(rule.method, first);
    });
  }
  if (threshold) rule.threshold.value = keyed("threshold", [&] { return ThresholdValue::parse(*threshold); });
  if (threshold_scope)
    rule.threshold.scope = keyed("threshold-scope", [&] { return threshold_scope_by_name(*threshold_scope); });
  if (threshold_strict) rule.threshold.strict = *threshold_strict;
  if (threshold_exempt) rule.threshold.exempt.insert(threshold_exempt->begin(), threshold_exempt->end());
  if (coalition_threshold)
    rule.threshold.coalition =
        keyed("coalition-threshold", [&] { return ThresholdValue::parse(*coalition_threshold); });
  if (coalition_lists) rule.threshold.coalition_patterns = *coalition_lists;
  if (coalition_threshold.has_value() != coalition_lists.has_value())
    throw Error(std::string(coalition_threshold ? "coalition-threshold: give coalition-lists too"
                                                : "coalition-lists: give coalition-threshold too"))
        .with_key(coalition_threshold ? "coalition_threshold" : "coalition_lists");
  if (threshold_or)
    for (const std::string& text : *threshold_or)
      rule.threshold.alternatives.push_back(keyed("threshold-or", [&] { return ThresholdAlternative::parse(text); }));
  if (party_thresholds) {
    std::filesystem::path path(*party_thresholds);
    if (path.is_relative() && !base_folder.empty()) path = std::filesystem::path(base_folder) / path;
    rule.threshold.per_party = read_party_thresholds(path.string());
  }
  if (ties) rule.ties = keyed("ties", [&] { return tie_rule_by_name(*ties); });
  if (seed) rule.seed = *seed;
  if (reserved && *reserved != "top-list-of-group")
    throw Error("reserved: unknown rule '" + *reserved + "' (known: top-list-of-group)");
  if (alliance_method)
    rule.alliances.inner = keyed("alliance-method", [&] { return method_by_name(*alliance_method); });
  if (alliance_threshold)
    rule.alliances.threshold =
        keyed("alliance-threshold", [&] { return alliance_threshold_by_name(*alliance_threshold); });
  build_tiers(*this, rule, base_folder);
  return rule;
}

}  // namespace seatsim
