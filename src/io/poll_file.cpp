#include "seatsim/io/poll_file.hpp"

#include <charconv>
#include <map>
#include <tuple>

#include "seatsim/core/error.hpp"
#include "seatsim/io/file_io.hpp"

namespace seatsim {
namespace {

struct Columns {
  std::size_t pollster, fieldwork_end, sample_size, area, party, share;
};

std::int64_t whole_number(const std::string& text, const char* what) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size())
    throw Error(std::string(what) + " '" + text + "' is not a whole number");
  return value;
}

// A percentage written as a decimal: digits with at most one '.', no sign, no fraction bar, no '%'.
Rational percent_share(const std::string& text) {
  const bool decimal = !text.empty() && text.find_first_not_of("0123456789.") == std::string::npos &&
                       text.find('.') == text.rfind('.') && text != ".";
  if (!decimal) throw Error("share '" + text + "' is not a percentage written as a decimal (like 27.1)");
  const Rational share = parse_rational(text);
  if (share > Rational(100)) throw Error("share '" + text + "' is above 100 %");
  return share;
}

// Every row of one poll gives the same sample size; a poll names each party once.
void add_row(Poll& poll, const std::string& party, const Rational& share, std::size_t line) {
  if (party.empty()) throw Error("the row names no party");
  for (const PollShare& earlier : poll.shares)
    if (earlier.party == party)
      throw Error("party '" + party + "' appears twice in this poll (first on line " + std::to_string(earlier.line) +
                  ")");
  poll.shares.push_back({party, share, line});
}

}  // namespace

std::int64_t iso_day_number(const std::string& date) {
  const bool shaped = date.size() == 10 && date[4] == '-' && date[7] == '-' &&
                      date.find_first_not_of("0123456789-") == std::string::npos;
  if (!shaped) throw Error("fieldwork_end '" + date + "' is not a date written YYYY-MM-DD");
  const std::int64_t year = whole_number(date.substr(0, 4), "the year");
  const std::int64_t month = whole_number(date.substr(5, 2), "the month");
  const std::int64_t day = whole_number(date.substr(8, 2), "the day");
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  constexpr int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > month_days[month - 1] + (month == 2 && leap ? 1 : 0))
    throw Error("fieldwork_end '" + date + "' is not a day of the calendar");
  // Days from civil (H. Hinnant's algorithm): exact in integers.
  const std::int64_t y = year - (month <= 2 ? 1 : 0);
  const std::int64_t era = y / 400;
  const std::int64_t year_of_era = y - era * 400;
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

PollSet parse_poll_table(const CsvTable& table) {
  const Columns columns{table.require_column("pollster"),    table.require_column("fieldwork_end"),
                        table.require_column("sample_size"), table.require_column("area"),
                        table.require_column("party"),       table.require_column("share")};
  PollSet set;
  set.source = table.source;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> index;
  for (const CsvRow& row : table.rows) {
    try {
      const std::string& pollster = row.fields[columns.pollster];
      const std::string& date = row.fields[columns.fieldwork_end];
      const std::string& area = row.fields[columns.area];
      if (pollster.empty()) throw Error("the row names no pollster");
      if (area.empty()) throw Error("the row names no area (write 'national' or a district)");
      const std::int64_t day = iso_day_number(date);
      const std::int64_t sample = whole_number(row.fields[columns.sample_size], "sample_size");
      if (sample < 1) throw Error("sample_size must be at least 1 (got " + std::to_string(sample) + ")");
      const Rational share = percent_share(row.fields[columns.share]);
      const auto [it, added] = index.emplace(std::make_tuple(pollster, date, area), set.polls.size());
      if (added) set.polls.push_back(Poll{pollster, date, day, sample, area, {}, row.line});
      Poll& poll = set.polls[it->second];
      if (poll.sample_size != sample)
        throw Error("sample_size " + std::to_string(sample) + " differs from the poll's " +
                    std::to_string(poll.sample_size) + " (line " + std::to_string(poll.line) + ")");
      add_row(poll, row.fields[columns.party], share, row.line);
    } catch (const Error& error) {
      if (!error.file().empty()) throw;
      throw Error(table.source, row.line, error.message());
    }
  }
  if (set.polls.empty()) throw Error(table.source, table.header_line, "the poll file has no rows");
  return set;
}

PollSet read_poll_file(const std::string& path) {
  return parse_poll_table(parse_csv(read_text_file(path), path, {},
                                    {"pollster", "fieldwork_end", "sample_size", "area", "party", "share"}));
}

}  // namespace seatsim
