#include "seatsim/io/ropf_file.hpp"

#include <charconv>
#include <map>

#include "seatsim/core/error.hpp"
#include "seatsim/io/file_io.hpp"

namespace seatsim {
namespace {

constexpr std::string_view bullet = "\xE2\x80\xA2";  // •, U+2022

std::vector<std::string> words(std::string_view line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < line.size()) {
    const std::size_t end = line.find_first_of(" \t\r", start);
    const std::string_view word = line.substr(start, end == std::string_view::npos ? line.size() - start : end - start);
    if (!word.empty()) out.emplace_back(word);
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

// A line split into metadata fields (key -> value) and results (key -> value), in order.
struct RopfLine {
  std::vector<std::pair<std::string, std::string>> metadata;
  std::vector<std::pair<std::string, std::string>> results;
};

RopfLine split_line(std::string_view line) {
  RopfLine parsed;
  std::string* value = nullptr;  // the metadata value words are appended to
  for (std::string word : words(line)) {
    if (word.starts_with(bullet)) {
      word.erase(0, bullet.size());
      const std::size_t colon = word.find(':');
      if (colon == std::string::npos || colon == 0) throw Error("'•" + word + "' is not a field '•KEY: value'");
      parsed.metadata.emplace_back(word.substr(0, colon), word.substr(colon + 1));
      value = &parsed.metadata.back().second;
    } else if (const std::size_t colon = word.find(':'); colon != std::string::npos && colon > 0) {
      parsed.results.emplace_back(word.substr(0, colon), word.substr(colon + 1));
      value = nullptr;
    } else if (value) {
      if (!value->empty()) *value += ' ';
      *value += word;
    } else {
      throw Error("'" + word + "' is neither a field '•KEY: value' nor a result 'KEY:value'");
    }
  }
  return parsed;
}

std::string field(const RopfLine& line, std::string_view key) {
  for (const auto& [name, value] : line.metadata)
    if (name == key) return value;
  return {};
}

// An electoral-list line: "KEY: •A: AP •EN: Apple Party" (the first word ends with ':').
bool is_list_line(const std::vector<std::string>& line_words) {
  return !line_words.empty() && !line_words.front().starts_with(bullet) && line_words.front().size() > 1 &&
         line_words.front().back() == ':';
}

struct RawPoll {
  Poll poll;
  std::vector<std::pair<std::string, std::string>> results;  // list key, share as written
};

RawPoll read_poll_line(const RopfLine& line, std::size_t number) {
  RawPoll raw;
  Poll& poll = raw.poll;
  poll.line = number;
  poll.pollster = field(line, "PF");
  if (poll.pollster.empty()) poll.pollster = "unknown";
  poll.fieldwork_end = field(line, "FE");
  if (poll.fieldwork_end.empty()) poll.fieldwork_end = field(line, "PD");
  if (poll.fieldwork_end.empty()) throw Error("the poll has neither •FE nor •PD (its date)");
  poll.day = iso_day_number(poll.fieldwork_end);
  const std::string sample = field(line, "SS");
  const auto [end, error] = std::from_chars(sample.data(), sample.data() + sample.size(), poll.sample_size);
  if (sample.empty() || error != std::errc() || end != sample.data() + sample.size() || poll.sample_size < 1)
    throw Error("the poll has no sample size •SS of at least 1" + (sample.empty() ? "" : " (got '" + sample + "')"));
  poll.area = field(line, "A");
  if (poll.area.empty()) poll.area = national_area;
  raw.results = line.results;
  return raw;
}

}  // namespace

PollSet parse_ropf(std::string_view text, const std::string& source, std::vector<std::string>* warnings) {
  std::vector<RawPoll> raw;
  std::map<std::string, std::string> list_names;  // key -> abbreviation
  std::size_t scenarios = 0, other_scopes = 0;
  std::size_t number = 0;
  for (std::size_t start = 0; start <= text.size(); ++number) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const std::vector<std::string> line_words = words(line);
    try {
      if (line_words.empty() || line_words.front().starts_with("=")) continue;
      if (line_words.front().starts_with("&")) {
        ++scenarios;
        continue;
      }
      if (is_list_line(line_words)) {
        const std::string key = line_words.front().substr(0, line_words.front().size() - 1);
        const std::string abbreviation = field(split_line(line.substr(line.find(':') + 1)), "A");
        list_names[key] = abbreviation.empty() ? key : abbreviation;
        continue;
      }
      const RopfLine parsed = split_line(line);
      const std::string scope = field(parsed, "SC");
      if (!scope.empty() && scope != "N") {
        ++other_scopes;
        continue;
      }
      raw.push_back(read_poll_line(parsed, number + 1));
    } catch (const Error& error) {
      throw Error(source, number + 1, error.message());
    }
  }
  PollSet set;
  set.source = source;
  for (RawPoll& poll : raw) {
    for (const auto& [key, share] : poll.results) {
      const auto name = list_names.find(key);
      const std::string party = name == list_names.end() ? key : name->second;
      try {
        if (share.empty() || share.find_first_not_of("0123456789.") != std::string::npos)
          throw Error("result '" + key + ":" + share + "' is not a percentage written as a decimal");
        const Rational percent = parse_rational(share);
        if (percent > Rational(100)) throw Error("result '" + key + ":" + share + "' is above 100 %");
        for (const PollShare& earlier : poll.poll.shares)
          if (earlier.party == party) throw Error("list '" + party + "' appears twice in this poll");
        poll.poll.shares.push_back({party, percent, poll.poll.line});
      } catch (const Error& error) {
        throw Error(source, poll.poll.line, error.message());
      }
    }
    set.polls.push_back(std::move(poll.poll));
  }
  if (set.polls.empty()) throw Error(source, 0, "no national poll (scope N) in the file");
  if (warnings && scenarios > 0)
    warnings->push_back(source + ": " + std::to_string(scenarios) + " response scenario line(s) ('&') left out");
  if (warnings && other_scopes > 0)
    warnings->push_back(source + ": " + std::to_string(other_scopes) + " poll(s) of another scope than N left out");
  return set;
}

PollSet read_ropf_file(const std::string& path, std::vector<std::string>* warnings) {
  return parse_ropf(read_text_file(path), path, warnings);
}

}  // namespace seatsim
