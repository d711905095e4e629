#include "seatsim/io/votes_file.hpp"

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>
#include <unordered_map>

#include "seatsim/core/error.hpp"
#include "seatsim/io/edit_distance.hpp"

namespace seatsim {
namespace {

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// The thousands separators a flag names: ' ' also stands for the no-break spaces spreadsheets
// write (U+00A0, U+202F).
std::vector<std::string_view> separators(char thousands) {
  if (thousands == 0) return {};
  if (thousands == ' ') return {" ", "\xC2\xA0", "\xE2\x80\xAF"};
  if (thousands == ',') return {","};
  if (thousands == '.') return {"."};
  return {"'"};
}

// Digits grouped by threes ("45,000"): the digits, or none when the grouping is not that.
std::optional<std::string> ungrouped(std::string_view text, const std::vector<std::string_view>& seps) {
  std::string digits;
  std::size_t group = 0, groups = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto sep =
        std::find_if(seps.begin(), seps.end(), [&](std::string_view s) { return text.substr(i).starts_with(s); });
    if (sep != seps.end()) {
      if (group == 0 || group > 3 || (groups > 0 && group != 3)) return std::nullopt;
      ++groups;
      group = 0;
      i += sep->size();
    } else if (std::isdigit(static_cast<unsigned char>(text[i]))) {
      digits += text[i++];
      ++group;
    } else {
      return std::nullopt;
    }
  }
  if (groups > 0 && group != 3) return std::nullopt;
  return digits;
}

// A count as spreadsheets write it: thousands separators (when the options name one) and a
// decimal part ("45000.0"). `decimals` tells a non-zero decimal part, which no count has.
struct CountText {
  std::string digits;
  bool decimals = false;
};
std::optional<CountText> spreadsheet_count(std::string_view text, char thousands) {
  std::string_view whole = text, fraction;
  bool point = false;
  if (const auto dot = text.find('.'); thousands != '.' && dot != std::string_view::npos) {
    whole = text.substr(0, dot);
    fraction = text.substr(dot + 1);
    point = true;
    if (!all_digits(fraction)) return std::nullopt;
  }
  std::optional<std::string> digits = ungrouped(whole, separators(thousands));
  if (!digits || digits->empty() || (!point && *digits == text)) return std::nullopt;
  return CountText{std::move(*digits), fraction.find_first_not_of('0') != std::string_view::npos};
}

// The flag that would read `text` as grouped digits, for the message: "--thousands ','".
std::string thousands_hint(std::string_view text) {
  for (const char candidate : {',', ' ', '.', '\''})
    if (text.find(candidate) != std::string_view::npos && ungrouped(text, separators(candidate)))
      return std::string(" (if '") + candidate + "' separates thousands, add --thousands '" + candidate + "')";
  return {};
}

std::int64_t count_from_digits(const std::string& digits, std::string_view shown, std::int64_t limit,
                               const std::string& what, const std::string& file, std::size_t line) {
  const std::size_t first = std::min(digits.find_first_not_of('0'), digits.size());
  if (digits.size() - first > 18)
    throw Error(file, line, what + " '" + std::string(shown) + "' exceeds the limit of " + std::to_string(limit));
  std::int64_t value = 0;
  for (std::size_t i = first; i < digits.size(); ++i) value = value * 10 + (digits[i] - '0');
  if (value > limit)
    throw Error(file, line, what + " '" + std::string(shown) + "' exceeds the limit of " + std::to_string(limit));
  return value;
}

}  // namespace

std::int64_t parse_count(std::string_view text, std::int64_t limit, const std::string& what, const std::string& file,
                         std::size_t line) {
  const std::string shown(text);
  if (text.empty()) throw Error(file, line, what + " is empty");
  if (text.front() == '-' && text.size() > 1 &&
      std::all_of(text.begin() + 1, text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    throw Error(file, line, what + " '" + shown + "' is negative");
  if (!std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    throw Error(file, line, what + " '" + shown + "' is not a whole number");
  if (text.size() > 18)
    throw Error(file, line, what + " '" + shown + "' exceeds the limit of " + std::to_string(limit));
  std::int64_t value = 0;
  for (const char c : text) value = value * 10 + (c - '0');
  if (value > limit) throw Error(file, line, what + " '" + shown + "' exceeds the limit of " + std::to_string(limit));
  return value;
}

std::int64_t parse_spreadsheet_count(std::string_view text, std::int64_t limit, const std::string& what,
                                     const std::string& file, std::size_t line, char thousands) {
  if (const std::optional<CountText> count = spreadsheet_count(text, thousands)) {
    if (count->decimals) throw Error(file, line, what + " '" + std::string(text) + "' is not a whole number");
    return count_from_digits(count->digits, text, limit, what, file, line);
  }
  if (thousands == 0 && !all_digits(text) && !text.starts_with('-'))
    if (std::string hint = thousands_hint(text); !hint.empty())
      throw Error(file, line, what + " '" + std::string(text) + "' is not a whole number" + hint);
  return parse_count(text, limit, what, file, line);
}

namespace {

// The lists of one district by name, to find a duplicate as its row is read. Open addressing
// over indices into the district's lists: a few bytes per list, where a map of names would
// hold a second copy of every name (on a large file, more memory than the election itself).
class ListNames {
 public:
  // The index of the list named `party`, or none; `lists` is the district's lists so far.
  std::optional<std::size_t> find(const std::vector<ListResult>& lists, std::string_view party) const {
    if (slots_.empty()) return std::nullopt;
    for (std::size_t slot = hash(party) & mask();; slot = (slot + 1) & mask()) {
      if (slots_[slot] == 0) return std::nullopt;
      if (lists[slots_[slot] - 1].party == party) return slots_[slot] - 1;
    }
  }
  // Records that lists[index] is the list of its name (not yet recorded).
  void insert(const std::vector<ListResult>& lists, std::size_t index) {
    if (2 * (count_ + 1) > slots_.size()) grow(lists);
    place(lists[index].party, index);
    ++count_;
  }

 private:
  static std::size_t hash(std::string_view party) noexcept { return std::hash<std::string_view>{}(party); }
  std::size_t mask() const noexcept { return slots_.size() - 1; }
  void place(std::string_view party, std::size_t index) {
    std::size_t slot = hash(party) & mask();
    while (slots_[slot] != 0) slot = (slot + 1) & mask();
    slots_[slot] = static_cast<std::uint32_t>(index + 1);
  }
  void grow(const std::vector<ListResult>& lists) {
    std::vector<std::uint32_t> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(8, old.size() * 2), 0);
    for (const std::uint32_t entry : old)
      if (entry != 0) place(lists[entry - 1].party, entry - 1);
  }

  std::vector<std::uint32_t> slots_;  // 0: empty; else list index + 1
  std::size_t count_ = 0;
};

}  // namespace

namespace {

const std::vector<std::string> known_columns = {"district",       "party",          "votes", "published_seats",
                                                "district_seats", "leveling_seats", "quota"};

// " (did you mean 'published_seats'?)" when a known column is a slip away from `name`.
std::string closest_known_column(const std::string& name) {
  const std::string* best = nullptr;
  std::size_t best_distance = 0;
  for (const std::string& known : known_columns) {
    const std::size_t distance = edit_distance(name, known, true);
    if (!best || distance < best_distance) {
      best = &known;
      best_distance = distance;
    }
  }
  const std::size_t allowed = std::max<std::size_t>(1, best->size() / 3);
  return best_distance <= allowed ? " (did you mean '" + *best + "'?)" : "";
}

// One warning naming every column that nothing reads, with a suggestion where one is close.
std::string unknown_columns_warning(const CsvHeader& header) {
  std::string listed;
  std::size_t count = 0;
  for (std::size_t i = 0; i < header.names.size(); ++i) {
    const std::string& name = header.names[i];
    const bool known = std::any_of(known_columns.begin(), known_columns.end(),
                                   [&](const std::string& k) { return header.column(k) == i; });
    if (name.empty() || known) continue;
    listed += (count++ == 0 ? "'" : ", '") + name + "'" + closest_known_column(name);
  }
  if (count == 0) return {};
  return Error(header.source, header.line, (count == 1 ? "unknown column " : "unknown columns ") + listed + " ignored")
      .what();
}

}  // namespace

struct VotesReader::State {
  CsvOptions options;
  std::string file;
  std::size_t header_line = 1;
  std::optional<std::size_t> district_col, published_col, district_seats_col, leveling_col, quota_col;
  std::size_t party_col = 0, votes_col = 0;
  bool rows = false;
  Election election;
  std::unordered_map<std::string, std::size_t> district_index;
  std::vector<ListNames> names;  // per district
  // Votes with decimals are refused, as percentages when every value is at most 100: the
  // first such value, and whether a value over 100 has been read.
  std::optional<std::pair<std::size_t, std::string>> first_decimal;
  bool over_100 = false;

  std::int64_t votes(const std::string& text, std::size_t line);
  std::optional<std::int64_t> optional_count(const CsvRow& row, std::optional<std::size_t> column,
                                             const std::string& what) const;
};

std::int64_t VotesReader::State::votes(const std::string& text, std::size_t line) {
  if (text.size() > 1 && text.back() == '%')
    throw Error(file, line, "votes '" + text + "' is a percentage: give vote counts");
  const std::optional<CountText> count = spreadsheet_count(text, options.thousands);
  if (!count || !count->decimals) {
    const std::int64_t value = parse_spreadsheet_count(text, max_votes, "votes", file, line, options.thousands);
    if (value > 100) {
      over_100 = true;
      if (first_decimal)
        throw Error(file, first_decimal->first, "votes '" + first_decimal->second + "' is not a whole number");
    }
    return value;
  }
  const bool small = count->digits.size() < 3 || (count->digits.size() == 3 && count->digits < "100");
  if (!small || over_100) throw Error(file, line, "votes '" + text + "' is not a whole number");
  if (!first_decimal) first_decimal.emplace(line, text);
  return 0;
}

std::optional<std::int64_t> VotesReader::State::optional_count(const CsvRow& row, std::optional<std::size_t> column,
                                                               const std::string& what) const {
  if (!column) return std::nullopt;
  const std::string text = trim(row.fields[*column]);
  if (text.empty()) return std::nullopt;
  return parse_spreadsheet_count(text, max_seats, what, file, row.line, options.thousands);
}

VotesReader::VotesReader(CsvOptions options) : state_(std::make_unique<State>()) {
  state_->options = std::move(options);
}
VotesReader::~VotesReader() = default;
VotesReader::VotesReader(VotesReader&&) noexcept = default;
VotesReader& VotesReader::operator=(VotesReader&&) noexcept = default;

const std::vector<std::string>& VotesReader::required_columns() {
  static const std::vector<std::string> required = {"party", "votes"};
  return required;
}

void VotesReader::header(const CsvHeader& header) {
  State& s = *state_;
  s.file = header.source;
  s.header_line = header.line;
  s.election.source = header.source;
  s.district_col = header.column("district");
  s.party_col = header.require_column("party");
  s.votes_col = header.require_column("votes");
  s.published_col = header.column("published_seats");
  s.district_seats_col = header.column("district_seats");
  s.leveling_col = header.column("leveling_seats");
  s.quota_col = header.column("quota");
  if (s.options.warn)
    if (const std::string warning = unknown_columns_warning(header); !warning.empty()) s.options.warn(warning);
}

void VotesReader::row(const CsvRow& row) {
  State& s = *state_;
  const std::string& file = s.file;
  s.rows = true;
  std::string district = s.district_col ? trim(row.fields[*s.district_col]) : std::string();
  std::string party = trim(row.fields[s.party_col]);
  if (party.empty()) throw Error(file, row.line, "empty party name");
  auto [it, inserted] = s.district_index.try_emplace(district, s.election.districts.size());
  if (inserted) {
    s.election.districts.push_back(District{district, 0, 0, {}});
    s.names.emplace_back();
  }
  District& target = s.election.districts[it->second];
  ListNames& names = s.names[it->second];
  if (const auto previous = names.find(target.lists, party))
    throw Error(file, row.line,
                "duplicate list '" + party + "'" + (district.empty() ? "" : " in district '" + district + "'") +
                    " (first on line " + std::to_string(target.lists[*previous].line) + ")");
  ListResult list;
  list.party = std::move(party);
  list.line = row.line;
  list.votes = s.votes(trim(row.fields[s.votes_col]), row.line);
  list.published_seats = s.optional_count(row, s.published_col, "published_seats");
  list.published_district_seats = s.optional_count(row, s.district_seats_col, "district_seats");
  list.published_leveling_seats = s.optional_count(row, s.leveling_col, "leveling_seats");
  if (!list.published_seats && list.published_district_seats)
    list.published_seats = *list.published_district_seats + list.published_leveling_seats.value_or(0);
  if (s.quota_col) list.quota_group = trim(row.fields[*s.quota_col]);
  target.lists.push_back(std::move(list));
  names.insert(target.lists, target.lists.size() - 1);
}

Election VotesReader::finish() {
  State& s = *state_;
  if (!s.rows) throw Error(s.file, s.header_line, "no lists: the file has a header but no rows");
  if (s.first_decimal)
    throw Error(s.file, s.first_decimal->first,
                "votes look like percentages (all ≤ 100 with decimals, such as '" + s.first_decimal->second +
                    "'): give vote counts");
  s.district_index.clear();
  s.names.clear();
  return std::move(s.election);
}

Election read_votes(const CsvTable& table, const CsvOptions& options) {
  VotesReader reader(options);
  reader.header(CsvHeader{table.source, table.header, table.header_line});
  for (const CsvRow& row : table.rows) reader.row(row);
  return reader.finish();
}

std::map<std::string, SeatTotal> read_seat_totals(const CsvTable& table) {
  const std::size_t district_col = table.require_column("district");
  const std::size_t seats_col = table.require_column("seats");
  const std::optional<std::size_t> reserved_col = table.column("reserved");
  const std::optional<std::size_t> population_col = table.column("population");
  std::map<std::string, SeatTotal> totals;
  for (const CsvRow& row : table.rows) {
    const std::string district = trim(row.fields[district_col]);
    SeatTotal total;
    total.line = row.line;
    total.seats = parse_count(trim(row.fields[seats_col]), max_seats, "seats", table.source, row.line);
    if (reserved_col && !trim(row.fields[*reserved_col]).empty())
      total.reserved = parse_count(trim(row.fields[*reserved_col]), max_seats, "reserved", table.source, row.line);
    if (population_col && !trim(row.fields[*population_col]).empty())
      total.population =
          parse_count(trim(row.fields[*population_col]), max_votes, "population", table.source, row.line);
    if (total.reserved > total.seats)
      throw Error(
          table.source, row.line,
          "reserved seats (" + std::to_string(total.reserved) + ") exceed seats (" + std::to_string(total.seats) + ")");
    if (const auto [it, fresh] = totals.emplace(district, total); !fresh)
      throw Error(table.source, row.line,
                  "duplicate district '" + district + "' (first on line " + std::to_string(it->second.line) + ")");
  }
  return totals;
}

void apply_seat_totals(Election& election, const SeatSources& sources) {
  if (sources.seats) {
    if (election.districts.size() != 1)
      throw Error("--seats applies to a single district, but " + election.source + " has " +
                  std::to_string(election.districts.size()) + " districts (use --seats-file)");
    if (*sources.seats < 0 || *sources.seats > max_seats)
      throw Error("--seats must be between 0 and " + std::to_string(max_seats));
    election.districts.front().seats = *sources.seats;
    return;
  }
  if (sources.seats_file) {
    std::set<std::string> known;
    for (District& district : election.districts) {
      known.insert(district.name);
      const auto it = sources.seats_file->find(district.name);
      if (it == sources.seats_file->end())
        throw Error(election.source, district.lists.empty() ? 0 : district.lists.front().line,
                    "no seat total for district '" + district.name + "': it has no row in " + sources.seats_file_name);
      district.seats = it->second.seats;
      district.reserved = it->second.reserved;
      district.population = it->second.population;
    }
    for (const auto& [name, total] : *sources.seats_file)
      if (!known.contains(name))
        throw Error(sources.seats_file_name, total.line, "district '" + name + "' has no votes in " + election.source);
    return;
  }
  for (District& district : election.districts) {
    const bool tiers = std::all_of(district.lists.begin(), district.lists.end(),
                                   [](const ListResult& l) { return l.published_district_seats.has_value(); });
    const bool published = district.has_published();
    if (!tiers && !published)
      throw Error(election.source, district.lists.front().line,
                  "no seat total for district '" + district.name +
                      "': give --seats, --seats-file, or a published_seats column");
    std::int64_t total = 0;
    for (const ListResult& list : district.lists)
      total += tiers ? *list.published_district_seats : *list.published_seats;
    district.seats = total;
  }
}

}  // namespace seatsim
