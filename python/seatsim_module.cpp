// The Python module `seatsim`: the exact kernel on lists and numpy arrays (2-D arrays go through
// the batched kernel without a copy), data sets with the CLI's rule layering, and errors as
// `seatsim.Error` (a ValueError) carrying the CLI's message. Rule numbers accept str, int,
// fractions.Fraction and float, a float being read through its shortest decimal form (repr).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "explorer_handle.hpp"
#include "seatsim/analysis/comparator.hpp"
#include "seatsim/analysis/election_setup.hpp"
#include "seatsim/analysis/indices.hpp"
#include "seatsim/analysis/margins.hpp"
#include "seatsim/analysis/monte_carlo.hpp"
#include "seatsim/analysis/noise_model.hpp"
#include "seatsim/analysis/paradoxes.hpp"
#include "seatsim/analysis/projection.hpp"
#include "seatsim/analysis/rule_fit.hpp"
#include "seatsim/analysis/scenario_run.hpp"
#include "seatsim/analysis/seats_votes.hpp"
#include "seatsim/analysis/sweep.hpp"
#include "seatsim/analysis/swing_model.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"
#include "seatsim/io/covariance_file.hpp"
#include "seatsim/io/csv.hpp"
#include "seatsim/io/district_regions_file.hpp"
#include "seatsim/io/file_io.hpp"
#include "seatsim/io/house_effects_file.hpp"
#include "seatsim/io/input.hpp"
#include "seatsim/io/kerg2_import.hpp"
#include "seatsim/io/knesset_import.hpp"
#include "seatsim/io/meta.hpp"
#include "seatsim/io/name_lookup.hpp"
#include "seatsim/io/new_party_pattern_file.hpp"
#include "seatsim/io/party_mapping.hpp"
#include "seatsim/io/party_styles.hpp"
#include "seatsim/io/poll_file.hpp"
#include "seatsim/io/riksdag_import.hpp"
#include "seatsim/io/ropf_file.hpp"
#include "seatsim/io/rule_keys.hpp"
#include "seatsim/io/rule_settings.hpp"
#include "seatsim/io/scenario.hpp"
#include "seatsim/io/system_file.hpp"
#include "seatsim/io/votes_file.hpp"
#include "seatsim/io/wikitable_import.hpp"
#include "seatsim/kernel/alliance_allocation.hpp"
#include "seatsim/kernel/allocation.hpp"
#include "seatsim/kernel/batch.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/kernel/method.hpp"
#include "seatsim/kernel/mixed_member_trace.hpp"
#include "seatsim/kernel/threshold.hpp"
#include "seatsim/render/alliance_report.hpp"
#include "seatsim/render/chart_data.hpp"
#include "seatsim/render/comparison_report.hpp"
#include "seatsim/render/election_report.hpp"
#include "seatsim/render/html_report.hpp"
#include "seatsim/render/indices_report.hpp"
#include "seatsim/render/leveling_report.hpp"
#include "seatsim/render/margins_report.hpp"
#include "seatsim/render/mixed_member_report.hpp"
#include "seatsim/render/paradoxes_report.hpp"
#include "seatsim/render/party_colours.hpp"
#include "seatsim/render/projection_fan_chart.hpp"
#include "seatsim/render/projection_report.hpp"
#include "seatsim/render/quota_tier_report.hpp"
#include "seatsim/render/scenario_report.hpp"
#include "seatsim/render/seats_votes_report.hpp"
#include "seatsim/render/simulation_report.hpp"
#include "seatsim/render/svg_chart.hpp"
#include "seatsim/render/table.hpp"
#include "seatsim/server/explorer.hpp"

namespace py = pybind11;
using namespace seatsim;

namespace {

py::object note_warning;  // seatsim.NoteWarning: what the CLI prints as "seatsim: note: ..."
py::object tie_warning;   // seatsim.TieWarning (a NoteWarning): a tie decided a seat

void warn(const py::object& category, const std::string& message) {
  if (PyErr_WarnEx(category.ptr(), message.c_str(), 2) != 0) throw py::error_already_set();
}
void warn_tie(const std::string& message) { warn(tie_warning, message); }
// A call's notes as at most two warnings (its ties, its other notes), each note once: a call over many districts
// or rows warns once, not once per district.
void warn_notes(const std::vector<std::string>& notes) {
  std::string ties, others;
  for (const std::string& note : notes) {
    std::string& into = note.rfind("tie ", 0) == 0 ? ties : others;
    if (into.find(note) == std::string::npos) into += (into.empty() ? "" : "; ") + note;
  }
  if (!ties.empty()) warn(tie_warning, ties);
  if (!others.empty()) warn(note_warning, others);
}

// The CLI's flags in a message become Python's parameter names: "--first-divisor" -> "first_divisor".
std::string python_wording(const std::string& message) {
  std::string out;
  for (std::size_t i = 0; i < message.size(); ++i) {
    const bool flag =
        message.compare(i, 2, "--") == 0 && i + 2 < message.size() && message[i + 2] >= 'a' && message[i + 2] <= 'z' &&
        (i == 0 || message[i - 1] == ' ' || message[i - 1] == '(' || message[i - 1] == '\'' || message[i - 1] == '`');
    if (!flag) {
      out += message[i];
      continue;
    }
    for (i += 2; i < message.size() && ((message[i] >= 'a' && message[i] <= 'z') || message[i] == '-' ||
                                        (message[i] >= '0' && message[i] <= '9'));
         ++i)
      out += message[i] == '-' ? '_' : message[i];
    --i;
  }
  // A rule key that leads the message ("first-divisor: ...") is a keyword in Python.
  const std::size_t colon = out.find(':');
  if (colon != std::string::npos && out.find_first_not_of("abcdefghijklmnopqrstuvwxyz-", 0) == colon) {
    std::string key = out.substr(0, colon);
    std::replace(key.begin(), key.end(), '-', '_');
    if (const RuleKey* rule_key = find_rule_key(key); rule_key && rule_key->name == key) out.replace(0, colon, key);
  }
  return out;
}

// Raises `type` with the message (file and line first, as the CLI prints them) and the attributes file, line, key.
void raise_error(const py::object& type, const Error& e) {
  const std::string message = python_wording(e.message());
  const std::string text = e.file().empty() ? message
                           : e.line() == 0  ? e.file() + ": " + message
                                            : e.file() + ":" + std::to_string(e.line()) + ": " + message;
  py::object instance = type(text);
  instance.attr("file") = e.file().empty() ? py::object(py::none()) : py::object(py::str(e.file()));
  instance.attr("line") = e.line() == 0 ? py::object(py::none()) : py::object(py::int_(e.line()));
  instance.attr("key") = e.key().empty() ? py::object(py::none()) : py::object(py::str(e.key()));
  PyErr_SetObject(type.ptr(), instance.ptr());
}

std::string type_name(py::handle value) { return py::str(py::type::handle_of(value).attr("__name__")); }

// The exact decimal text of a rule number: str as written, int, Fraction as "n/d", float
// through its shortest decimal form (repr(1.4) == "1.4", read as 7/5).
std::string number_text(py::handle value, const std::string& key) {
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (py::isinstance<py::bool_>(value)) throw Error(key + ": expected a number, not a bool").with_key(key);
  if (py::isinstance<py::int_>(value)) return py::str(value).cast<std::string>();
  const py::object fraction = py::module_::import("fractions").attr("Fraction");
  if (py::isinstance(value, fraction))
    return py::str(value.attr("numerator")).cast<std::string>() + "/" +
           py::str(value.attr("denominator")).cast<std::string>();
  if (py::isinstance<py::float_>(value)) {
    const double number = value.cast<double>();
    if (!std::isfinite(number))
      throw Error(key + ": " + py::repr(value).cast<std::string>() + " is not a number").with_key(key);
    // repr gives the shortest decimal that reads back as the same float; Decimal writes it
    // without an exponent (1e-05 -> 0.00001).
    const py::object decimal = py::module_::import("decimal").attr("Decimal")(py::repr(value));
    return py::str(py::module_::import("builtins").attr("format")(decimal, "f")).cast<std::string>();
  }
  throw Error(key + ": expected str, int, float or fractions.Fraction, not " + type_name(value)).with_key(key);
}

// A custom divisor sequence: "1.4,3,5" or a sequence of numbers.
std::string divisors_text(py::handle value) {
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  std::string text;
  for (const py::handle item : value) text += (text.empty() ? "" : ",") + number_text(item, "divisors");
  return text;
}

// Thresholds: str as on the command line ("5%", "1000v"), Fraction/float = a share of one
// (0.05 = 5%). An int is refused: it has no unit, and it meant votes before 2026-12-06.
std::string threshold_text(py::handle value, const std::string& key) {
  if (py::isinstance<py::str>(value)) return value.cast<std::string>();
  if (py::isinstance<py::int_>(value) && !py::isinstance<py::bool_>(value)) {
    const std::string n = py::str(value).cast<std::string>();
    throw Error(key + "=" + n + " has no unit: write " + key + "='" + n + "%' for a share or " + key + "='" + n +
                "v' for votes (before 2026-12-06 an int meant votes)")
        .with_key(key);
  }
  const Rational share = parse_rational(number_text(value, key));
  if (share.is_negative() || share > Rational(1))
    throw Error(key + ": a share given as a number must be between 0 and 1 (0.05 is 5%)").with_key(key);
  return format_percent(share);
}

Rational keyed_parse(const std::string& text, const std::string& key) {
  try {
    return parse_rational(text);
  } catch (const Error& e) {
    throw Error(key + ": " + e.message()).with_key(key);
  }
}

// A rule keyword (every key of seatsim/io/rule_keys.hpp is one) into `given`, converted as its type says.
void set_keyword(const RuleKey& key, py::handle value, RuleSettings& given) {
  const std::string name(key.name);
  switch (key.type) {
    case KeyType::threshold:
      return key.set_text(given, threshold_text(value, name));
    case KeyType::count:
      return key.set_text(given, number_text(value, name));
    case KeyType::flag:
      if (!py::isinstance<py::bool_>(value)) throw Error(name + ": expected True or False, not " + type_name(value));
      return key.set_text(given, value.cast<bool>() ? "true" : "false");
    case KeyType::seed:
      if (!py::isinstance<py::int_>(value) || py::isinstance<py::bool_>(value) || value.cast<py::int_>() < py::int_(0))
        throw Error(name + ": expected a whole number from 0 to 2**64 - 1");
      return key.set_text(given, py::str(value).cast<std::string>());
    case KeyType::names:
      if (py::isinstance<py::str>(value)) return key.set_text(given, value.cast<std::string>());
      for (const py::handle item : value) {
        if (!py::isinstance<py::str>(item)) throw Error(name + ": expected names (str), not " + type_name(item));
        key.set_text(given, item.cast<std::string>());
      }
      return;
    case KeyType::text:
      if (name == "divisors") return key.set_text(given, divisors_text(value));
      if (py::isinstance<py::str>(value)) return key.set_text(given, value.cast<std::string>());
      return key.set_text(given, number_text(value, name));
  }
}

// The keyword's rule key, or an error with the closest keyword.
const RuleKey& rule_keyword(const std::string& name, const std::vector<std::string>& others) {
  if (const RuleKey* key = find_rule_key(name); key && key->name == name) return *key;
  std::vector<std::string> known = rule_key_names();
  known.insert(known.end(), others.begin(), others.end());
  const std::vector<std::string> close = closest_names(name, known, 1);
  throw Error("unknown keyword '" + name + "'" +
              (close.empty() ? std::string() : " (did you mean '" + close.front() + "'?)"))
      .with_key(name);
}

RuleSettings settings_from(const py::object& method, const py::object& first_divisor, const py::object& threshold,
                           const py::object& ties, const py::object& seed) {
  RuleSettings settings;
  if (!method.is_none()) settings.method = method.cast<std::string>();
  // "1", the default, keeps the method's own first divisor (Imperiali 2, Adams 0, ...).
  if (!first_divisor.is_none()) {
    const std::string text = number_text(first_divisor, "first_divisor");
    const Rational first = keyed_parse(text, "first_divisor");
    if (first != Rational(1)) settings.first_divisor = text;
  }
  if (!threshold.is_none()) settings.threshold = threshold_text(threshold, "threshold");
  if (!ties.is_none()) settings.ties = ties.cast<std::string>();
  if (!seed.is_none()) settings.seed = seed.cast<std::uint64_t>();
  return settings;
}

// Keywords named in allocate()'s signature; other rule keys come as **rule.
const std::vector<std::string> allocate_parameters = {"votes", "seats", "method",      "first_divisor", "threshold",
                                                      "ties",  "seed",  "return_ties", "threads",       "as_frame"};
// The rule keys an array of votes can use: one district of numbers has no names, scopes or tiers.
bool array_rule_key(const std::string& key) { return key == "divisors" || key == "threshold_strict"; }

// A cache key for a rule argument: str as written, None as "~", anything else through repr.
std::string rule_part(py::handle value) {
  if (value.is_none()) return "~";
  if (py::isinstance<py::str>(value)) return "s" + value.cast<std::string>();
  return "r" + py::repr(value).cast<std::string>();
}

// The kernel's rule for an array of votes. The last one is kept: a loop of calls with the same keywords (the
// usual case) builds it once, which is most of a small call's cost.
const Rule& array_rule(const py::object& method, const py::object& first_divisor, const py::object& threshold,
                       const py::object& ties, const py::object& seed, const py::kwargs& rule) {
  static std::string last_key;
  static std::optional<Rule> last_rule;
  std::string key = rule_part(method) + '\x1f' + rule_part(first_divisor) + '\x1f' + rule_part(threshold) + '\x1f' +
                    rule_part(ties) + '\x1f' + rule_part(seed);
  for (const auto& [name, value] : rule) key += '\x1f' + py::str(name).cast<std::string>() + '=' + rule_part(value);
  if (last_rule && key == last_key) return *last_rule;

  RuleSettings settings = settings_from(method.is_none() ? py::str("sainte-lague") : method, first_divisor, threshold,
                                        ties, seed.is_none() ? py::int_(0) : seed);
  for (const auto& [name_handle, value] : rule) {
    const std::string name = py::str(name_handle);
    const RuleKey& rule_key = rule_keyword(name, allocate_parameters);
    if (!array_rule_key(name))
      throw Error(name +
                  ": this keyword needs a table of votes (a DataFrame, a dict of columns or a file); an array "
                  "of votes takes method, first_divisor, divisors, threshold, threshold_strict, ties and seed")
          .with_key(name);
    if (!value.is_none()) set_keyword(rule_key, value, settings);
  }
  last_rule.reset();
  last_rule = settings.build();
  last_key = std::move(key);
  return *last_rule;
}

const py::module_& numpy() {
  static const py::module_ module = py::reinterpret_borrow<py::module_>(py::module_::import("numpy").release());
  return module;
}

// Votes as a C-contiguous int64 or int32 array, the input itself when it is one (no copy); anything else goes
// through numpy.asarray. Floats must be whole numbers; other types are refused rather than silently truncated.
py::array votes_array(const py::object& votes) {
  using Int64 = py::array_t<std::int64_t, py::array::c_style>;
  using Int32 = py::array_t<std::int32_t, py::array::c_style>;
  if (Int64::check_(votes) || Int32::check_(votes)) return py::reinterpret_borrow<py::array>(votes);
  const py::array any = numpy().attr("asarray")(votes);
  const char kind = any.dtype().kind();
  if (kind == 'f') {
    const py::object integral = numpy().attr("all")(numpy().attr("equal")(any, numpy().attr("floor")(any)));
    if (!integral.cast<bool>()) throw Error("votes must be whole numbers").with_key("votes");
  } else if (kind != 'i' && kind != 'u') {
    throw Error("votes must be numbers (got an array of dtype " + py::str(any.dtype()).cast<std::string>() + ")")
        .with_key("votes");
  }
  if (Int32::check_(any)) return any;
  py::array array = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(any);
  if (!array) throw py::error_already_set();
  return array;
}

[[noreturn]] void bad_votes(std::int64_t value) {
  throw Error("votes must be between 0 and " + std::to_string(max_votes) + " (got " + std::to_string(value) + ")")
      .with_key("votes");
}

// Runs work(begin, end) over column ranges on `threads` threads (0: every core), the calling thread taking the
// first range; ranges below a few thousand columns are not worth a thread.
template <typename Work>
void over_columns(Eigen::Index columns, unsigned threads, const Work& work) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const Eigen::Index workers = std::clamp<Eigen::Index>(columns / 4096, 1, threads);
  const auto bounds = [&](Eigen::Index w) { return columns * w / workers; };
  std::vector<std::thread> pool;
  for (Eigen::Index w = 1; w < workers; ++w) pool.emplace_back([&, w] { work(bounds(w), bounds(w + 1), w); });
  work(bounds(0), bounds(1), 0);
  for (std::thread& t : pool) t.join();
}

// A numpy array that takes over an Eigen matrix (column-major lists x scenarios) as a
// row-major (scenarios x lists) array, without a copy.
template <typename Matrix>
py::array adopt(Matrix&& matrix, py::ssize_t scenarios, py::ssize_t lists) {
  using Scalar = typename std::decay_t<Matrix>::Scalar;
  auto* owned = new std::decay_t<Matrix>(std::move(matrix));
  py::capsule owner(owned, [](void* p) { delete static_cast<std::decay_t<Matrix>*>(p); });
  return py::array_t<Scalar>(
      {scenarios, lists}, {static_cast<py::ssize_t>(sizeof(Scalar)) * lists, static_cast<py::ssize_t>(sizeof(Scalar))},
      owned->data(), owner);
}

// One district: seats (int32, as the batched kernel's) and tie marks.
py::object allocate_one(const py::array& votes, std::int64_t seats, const Rule& rule, bool return_ties) {
  const auto lists = static_cast<py::ssize_t>(votes.shape(0));
  std::vector<std::int64_t> taking_part(static_cast<std::size_t>(lists));
  const bool wide = votes.itemsize() == 8;
  std::int64_t total = 0;
  for (py::ssize_t i = 0; i < lists; ++i) {
    const std::int64_t v =
        wide ? static_cast<const std::int64_t*>(votes.data())[i] : static_cast<const std::int32_t*>(votes.data())[i];
    if (v < 0 || v > max_votes) bad_votes(v);
    taking_part[static_cast<std::size_t>(i)] = v;
    total += v;
  }
  if (const std::optional<ThresholdValue>& cut = rule.threshold.value)
    for (std::int64_t& v : taking_part)
      if (!cut->passes(v, total, rule.threshold.strict)) v = 0;
  const TieBreak tie_break{rule.ties, rule.seed, 0, "the district", {}};
  DistrictSeats result;
  if (lists > 4096) {
    py::gil_scoped_release release;
    result = allocate(taking_part, seats, rule.method, tie_break);
  } else {
    result = allocate(taking_part, seats, rule.method, tie_break);
  }
  py::array_t<std::int32_t> out(lists);
  std::int32_t* out_data = out.mutable_data();
  for (py::ssize_t i = 0; i < lists; ++i)
    out_data[i] = static_cast<std::int32_t>(result.seats[static_cast<std::size_t>(i)]);
  if (result.tie_decided) {
    std::string between;
    for (py::ssize_t i = 0; i < lists; ++i)
      if (result.tie[static_cast<std::size_t>(i)])
        between += (between.empty() ? "" : ", ") + std::string("list ") + std::to_string(i) + " (" +
                   std::to_string(result.seats[static_cast<std::size_t>(i)]) + " seats)";
    warn_tie("tie in the district: equal quotients decided the last seat(s) between " + between + "; rule '" +
             std::string(tie_rule_name(rule.ties)) + "'");
  }
  if (!return_ties) return out;
  py::array_t<bool> tie(lists);
  bool* tie_data = tie.mutable_data();
  for (py::ssize_t i = 0; i < lists; ++i) tie_data[i] = result.tie[static_cast<std::size_t>(i)] != 0;
  return py::make_tuple(out, tie);
}

// A threshold as the batch applies it, exactly as ThresholdValue::passes: v >= votes, or v * den >= num * total
// (strict: >). Per scenario the right side is computed once; in int64 when it fits (den <= 9.2e6 keeps
// v * den <= max_votes * den within int64), so that the per-list test is a multiply and a compare.
struct BatchCut {
  bool active = false, strict = false, by_votes = false, narrow = false;
  std::int64_t votes = 0, num = 0, den = 1, total_limit = 0;

  BatchCut(const std::optional<ThresholdValue>& cut, bool strict_cut) : active(cut.has_value()), strict(strict_cut) {
    if (!cut) return;
    by_votes = cut->kind == ThresholdValue::Kind::votes;
    votes = cut->votes;
    num = by_votes ? 0 : cut->share.num();
    den = by_votes ? 1 : cut->share.den();
    narrow = den <= std::numeric_limits<std::int64_t>::max() / max_votes;
    total_limit = num == 0 ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::max() / num;
  }
  // The smallest vote count that passes in a scenario of `total` votes: v passes exactly when v >= cutoff(total),
  // mark()'s test (v != 0, and v * den >= num * total, or > when strict) turned into one division per scenario
  // instead of a multiplication per list.
  std::int64_t cutoff(std::int64_t total) const {
    if (!active) return 1;
    if (by_votes)
      return std::max<std::int64_t>(1, std::clamp<std::int64_t>(votes, 0, max_votes + 1) + (strict ? 1 : 0));
    const i128 bar = static_cast<i128>(num) * total + (strict ? 1 : 0);
    const i128 smallest = (bar + den - 1) / den;
    return static_cast<std::int64_t>(std::clamp<i128>(smallest, 1, i128{max_votes} + 1));
  }
  // Marks in keep[i] the lists of one scenario that pass.
  void mark(const std::int64_t* column, Eigen::Index lists, std::int64_t total, char* keep) const {
    if (!active) {
      for (Eigen::Index i = 0; i < lists; ++i) keep[i] = static_cast<char>(column[i] != 0);
    } else if (by_votes) {
      for (Eigen::Index i = 0; i < lists; ++i)
        keep[i] = static_cast<char>(column[i] != 0 && (strict ? column[i] > votes : column[i] >= votes));
    } else if (narrow && total <= total_limit) {
      const std::int64_t bar = num * total;
      for (Eigen::Index i = 0; i < lists; ++i) {
        const std::int64_t lhs = column[i] * den;
        keep[i] = static_cast<char>(column[i] != 0 && (strict ? lhs > bar : lhs >= bar));
      }
    } else {
      const i128 bar = static_cast<i128>(num) * total;
      for (Eigen::Index i = 0; i < lists; ++i) {
        const i128 lhs = static_cast<i128>(column[i]) * den;
        keep[i] = static_cast<char>(column[i] != 0 && (strict ? lhs > bar : lhs >= bar));
      }
    }
  }
};

// One scenario as int64 (a copy for int32 votes, the input itself for int64), checked; its total, or the bad value.
template <typename T>
const std::int64_t* widened(const T* column, Eigen::Index lists, std::int64_t* scratch, std::int64_t& total,
                            bool& bad) {
  std::int64_t sum = 0;
  bool out_of_range = false;
  for (Eigen::Index i = 0; i < lists; ++i) {
    const auto v = static_cast<std::int64_t>(column[i]);
    out_of_range |= v < 0 || v > max_votes;
    sum += v;
    if constexpr (!std::is_same_v<T, std::int64_t>) scratch[i] = v;
  }
  total = sum;
  bad = out_of_range;
  if constexpr (std::is_same_v<T, std::int64_t>) return column;
  return scratch;
}

std::int64_t first_bad(const std::int64_t* column, Eigen::Index lists) {
  for (Eigen::Index i = 0; i < lists; ++i)
    if (column[i] < 0 || column[i] > max_votes) return column[i];
  return 0;
}

// Pass 1 over scenarios [begin, end) (lists x scenarios, column-major), reading only: checks the votes, keeps each
// scenario's total (when `totals`) and marks the lists that keep votes in some scenario (when `live`). Returns the
// first bad value, if any.
template <typename T>
std::optional<std::int64_t> scan_columns(const T* votes, Eigen::Index lists, Eigen::Index begin, Eigen::Index end,
                                         const BatchCut& cut, std::int64_t* totals, char* live) {
  std::vector<std::int64_t> scratch(static_cast<std::size_t>(lists));
  std::vector<char> keep(static_cast<std::size_t>(lists));
  for (Eigen::Index c = begin; c < end; ++c) {
    std::int64_t total = 0;
    bool bad = false;
    const std::int64_t* column = widened(votes + c * lists, lists, scratch.data(), total, bad);
    if (bad) return first_bad(column, lists);
    if (totals) totals[c] = total;
    if (!live) continue;
    cut.mark(column, lists, total, keep.data());
    for (Eigen::Index i = 0; i < lists; ++i) live[i] |= keep[static_cast<std::size_t>(i)];
  }
  return std::nullopt;
}

// Pass 2: the lists `rows` of scenarios [begin, end) as int64 into `out` (rows x scenarios), below the threshold 0.
template <typename T>
void write_columns(const T* votes, Eigen::Index lists, const std::vector<Eigen::Index>& rows, Eigen::Index begin,
                   Eigen::Index end, const BatchCut& cut, const std::int64_t* totals, std::int64_t* out) {
  const auto count = static_cast<Eigen::Index>(rows.size());
  std::vector<std::int64_t> scratch(static_cast<std::size_t>(lists));
  std::vector<char> keep(static_cast<std::size_t>(lists));
  for (Eigen::Index c = begin; c < end; ++c) {
    std::int64_t total = 0;
    bool bad = false;
    const std::int64_t* column = widened(votes + c * lists, lists, scratch.data(), total, bad);
    cut.mark(column, lists, totals[c], keep.data());
    std::int64_t* into = out + c * count;
    for (Eigen::Index r = 0; r < count; ++r) {
      const auto i = static_cast<std::size_t>(rows[static_cast<std::size_t>(r)]);
      into[r] = keep[i] ? column[i] : 0;
    }
  }
}

// Pass 1 on every thread; throws for the first bad value. `live` (optional) gets the lists that keep votes.
template <typename T>
void scan_all(const T* votes, Eigen::Index lists, Eigen::Index scenarios, unsigned threads, const BatchCut& cut,
              std::int64_t* totals, std::vector<char>* live) {
  const std::size_t workers = std::max(1u, threads == 0 ? std::thread::hardware_concurrency() : threads);
  std::vector<std::optional<std::int64_t>> bad(workers);
  std::vector<std::vector<char>> lives(workers, std::vector<char>(live ? static_cast<std::size_t>(lists) : 0, 0));
  over_columns(scenarios, threads, [&](Eigen::Index begin, Eigen::Index end, Eigen::Index worker) {
    const auto w = static_cast<std::size_t>(worker);
    bad[w] = scan_columns(votes, lists, begin, end, cut, totals, live ? lives[w].data() : nullptr);
  });
  for (const auto& value : bad)
    if (value) bad_votes(*value);
  if (live)
    for (const auto& mask : lives)
      for (std::size_t i = 0; i < mask.size(); ++i) (*live)[i] |= mask[i];
}

// The int64 votes a batch with a threshold (or int32 votes) is written into: kept per calling thread and reused,
// so that repeated calls of one shape pay no page faults (it holds the largest batch's votes until the thread ends).
VoteMatrix& batch_buffer(Eigen::Index lists, Eigen::Index scenarios) {
  thread_local VoteMatrix buffer;
  if (buffer.rows() != lists || buffer.cols() != scenarios) buffer.resize(lists, scenarios);
  return buffer;
}

bool any_nonzero(const TieMatrix& ties) {
  const std::uint8_t* data = ties.data();
  const auto size = static_cast<std::size_t>(ties.size());
  std::uint8_t any = 0;
  for (std::size_t i = 0; i < size; ++i) any |= data[i];  // vectorised: no early exit
  return any != 0;
}

// int32 votes, or a threshold: pass 1 finds the totals and the lists that keep votes in some scenario; pass 2 writes
// only those lists (lists below the threshold in every row, the usual small lists of Monte Carlo draws, take no seat
// and tie for none, so the kernel runs without them); their seats are spread back into the full shape. Under lot a
// list's key is its position (arrays carry no names), so every list stays.
template <typename T>
void allocate_kept(const T* votes, Eigen::Index lists, Eigen::Index scenarios, std::int64_t seats, const Rule& rule,
                   const TieBreak& ties, bool return_ties, unsigned threads, BatchSeats& result) {
  const BatchCut cut(rule.threshold.value, rule.threshold.strict);
  std::vector<std::int64_t> totals(static_cast<std::size_t>(scenarios));
  std::vector<char> live(static_cast<std::size_t>(lists), 0);
  scan_all(votes, lists, scenarios, threads, cut, totals.data(), &live);
  std::vector<Eigen::Index> rows;
  for (Eigen::Index i = 0; i < lists; ++i)
    if (live[static_cast<std::size_t>(i)] || ties.rule == TieRule::lot) rows.push_back(i);
  if (rows.empty())  // no votes anywhere: every list, for the kernel's own error
    for (Eigen::Index i = 0; i < lists; ++i) rows.push_back(i);
  const auto count = static_cast<Eigen::Index>(rows.size());
  VoteMatrix& kept = batch_buffer(count, scenarios);
  over_columns(scenarios, threads, [&](Eigen::Index begin, Eigen::Index end, Eigen::Index) {
    write_columns(votes, lists, rows, begin, end, cut, totals.data(), kept.data());
  });
  if (count == lists) return allocate_batch(kept, seats, rule.method, ties, result, threads);
  BatchSeats part;
  allocate_batch(kept, seats, rule.method, ties, part, threads);
  result.seats.resize(lists, scenarios);
  result.tie.resize(lists, return_ties || any_nonzero(part.tie) ? scenarios : 0);
  const bool with_ties = result.tie.cols() == scenarios;
  over_columns(scenarios, threads, [&](Eigen::Index begin, Eigen::Index end, Eigen::Index) {
    for (Eigen::Index c = begin; c < end; ++c) {
      std::int32_t* seats_out = result.seats.data() + c * lists;
      const std::int32_t* seats_in = part.seats.data() + c * count;
      std::fill(seats_out, seats_out + lists, 0);
      for (Eigen::Index r = 0; r < count; ++r) seats_out[rows[static_cast<std::size_t>(r)]] = seats_in[r];
      if (!with_ties) continue;
      std::uint8_t* tie_out = result.tie.data() + c * lists;
      const std::uint8_t* tie_in = part.tie.data() + c * count;
      std::fill(tie_out, tie_out + lists, std::uint8_t{0});
      for (Eigen::Index r = 0; r < count; ++r) tie_out[rows[static_cast<std::size_t>(r)]] = tie_in[r];
    }
  });
}

// One block of scenarios, read once: checks each value, and marks in `marks` (width x lists) the lists that pass
// in each scenario and in `live` those that pass in some scenario of the block. False for a value out of range.
template <typename T>
bool scan_block(const T* votes, Eigen::Index lists, Eigen::Index width, const BatchCut& cut, char* marks, char* live) {
  std::fill(live, live + lists, char{0});
  for (Eigen::Index c = 0; c < width; ++c) {
    const T* column = votes + c * lists;
    std::int64_t total = 0;
    bool bad = false;
    for (Eigen::Index i = 0; i < lists; ++i) {
      const auto v = static_cast<std::int64_t>(column[i]);
      bad |= v < 0 || v > max_votes;
      total += v;
    }
    if (bad) return false;
    const std::int64_t passes = cut.cutoff(total);
    char* keep = marks + c * lists;
    for (Eigen::Index i = 0; i < lists; ++i) {
      keep[i] = static_cast<char>(static_cast<std::int64_t>(column[i]) >= passes);
      live[i] |= keep[i];
    }
  }
  return true;
}

// The same in cache-sized blocks: each worker scans a block of scenarios (totals, the lists that pass), writes
// only the lists that keep votes in that block, allocates it on its own thread and spreads the seats back, so that
// the votes come from memory once rather than three times. Each block's kernel sees the same votes for every list
// it keeps as the whole batch would, and a list it leaves out has no votes (it takes no seat and ties for none), so
// the seats are the same. Returns false when some block fails (a bad value, a scenario without votes, a tie under
// 'error'): the caller then runs allocate_kept for the whole batch's own error. Not under lot, whose keys are
// positions in the whole batch.
template <typename T>
bool allocate_blocked(const T* votes, Eigen::Index lists, Eigen::Index scenarios, std::int64_t seats, const Rule& rule,
                      const TieBreak& ties, bool return_ties, unsigned threads, BatchSeats& result) {
  constexpr Eigen::Index block = 512;  // 512 scenarios x 15 lists x 8 bytes: 60 KiB, within a core's L2
  const BatchCut cut(rule.threshold.value, rule.threshold.strict);
  result.seats.resize(lists, scenarios);
  result.tie.setZero(lists, scenarios);
  std::atomic<bool> failed{false};
  over_columns(scenarios, threads, [&](Eigen::Index begin, Eigen::Index end, Eigen::Index) {
    std::vector<char> marks(static_cast<std::size_t>(block * lists));
    std::vector<char> live(static_cast<std::size_t>(lists));
    std::vector<Eigen::Index> rows;
    VoteMatrix kept;
    BatchSeats part;
    try {
      for (Eigen::Index first = begin; first < end && !failed; first += block) {
        const Eigen::Index width = std::min(end, first + block) - first;
        const T* block_votes = votes + first * lists;
        if (!scan_block(block_votes, lists, width, cut, marks.data(), live.data())) return void(failed = true);
        rows.clear();
        for (Eigen::Index i = 0; i < lists; ++i)
          if (live[static_cast<std::size_t>(i)]) rows.push_back(i);
        if (rows.empty()) return void(failed = true);
        const auto count = static_cast<Eigen::Index>(rows.size());
        kept.resize(count, width);
        for (Eigen::Index c = 0; c < width; ++c) {
          const T* column = block_votes + c * lists;
          const char* keep = marks.data() + c * lists;
          std::int64_t* into = kept.data() + c * count;
          for (Eigen::Index r = 0; r < count; ++r) {
            const Eigen::Index i = rows[static_cast<std::size_t>(r)];
            into[r] = keep[i] ? static_cast<std::int64_t>(column[i]) : 0;
          }
        }
        allocate_batch(kept, seats, rule.method, ties, part, 1);
        const bool tied = part.tie.cols() == width;
        for (Eigen::Index c = 0; c < width; ++c) {
          std::int32_t* seats_out = result.seats.data() + (first + c) * lists;
          const std::int32_t* seats_in = part.seats.data() + c * count;
          std::fill(seats_out, seats_out + lists, 0);
          for (Eigen::Index r = 0; r < count; ++r) seats_out[rows[static_cast<std::size_t>(r)]] = seats_in[r];
          if (!tied) continue;  // the tie flags stay the zeros set above
          std::uint8_t* tie_out = result.tie.data() + (first + c) * lists;
          const std::uint8_t* tie_in = part.tie.data() + c * count;
          for (Eigen::Index r = 0; r < count; ++r) tie_out[rows[static_cast<std::size_t>(r)]] = tie_in[r];
        }
      }
    } catch (const std::exception&) {
      failed = true;  // the whole-batch path raises it again, as the lowest scenario's error
    }
  });
  if (failed) return false;
  if (!return_ties && !any_nonzero(result.tie)) result.tie.resize(lists, 0);
  return true;
}

// int32 votes or a threshold: in blocks where it can, else (lot, or an error to raise) the whole batch at once.
template <typename T>
void allocate_with_copy(const T* votes, Eigen::Index lists, Eigen::Index scenarios, std::int64_t seats,
                        const Rule& rule, const TieBreak& ties, bool return_ties, unsigned threads,
                        BatchSeats& result) {
  if (ties.rule != TieRule::lot &&
      allocate_blocked(votes, lists, scenarios, seats, rule, ties, return_ties, threads, result))
    return;
  result = BatchSeats{};
  allocate_kept(votes, lists, scenarios, seats, rule, ties, return_ties, threads, result);
}

// A batch (scenarios x lists, row-major) is the column-major lists x scenarios matrix the batched kernel takes:
// C-contiguous int64 without a threshold is read in place; otherwise allocate_kept makes one int64 copy, written by
// the same threads that then allocate. The GIL is released throughout; one warning per call, however many rows tie.
py::object allocate_many(const py::array& votes, std::int64_t seats, const Rule& rule, bool return_ties,
                         unsigned threads) {
  const auto scenarios = static_cast<Eigen::Index>(votes.shape(0));
  const auto lists = static_cast<Eigen::Index>(votes.shape(1));
  const bool wide = votes.itemsize() == 8;
  const TieBreak tie_break{rule.ties, rule.seed, 0, "the district", {}};
  BatchSeats result;
  {
    py::gil_scoped_release release;
    if (wide && !rule.threshold.value) {
      const auto* data = static_cast<const std::int64_t*>(votes.data());
      scan_all(data, lists, scenarios, threads, BatchCut({}, false), nullptr, nullptr);
      allocate_batch(Eigen::Map<const VoteMatrix>(data, lists, scenarios), seats, rule.method, tie_break, result,
                     threads);
    } else if (wide) {
      allocate_with_copy(static_cast<const std::int64_t*>(votes.data()), lists, scenarios, seats, rule, tie_break,
                         return_ties, threads, result);
    } else {
      allocate_with_copy(static_cast<const std::int32_t*>(votes.data()), lists, scenarios, seats, rule, tie_break,
                         return_ties, threads, result);
    }
  }
  if (result.tie.size() > 0 && any_nonzero(result.tie)) {
    Eigen::Index tied = 0;
    for (Eigen::Index s = 0; s < result.tie.cols(); ++s) tied += result.tie.col(s).any() ? 1 : 0;
    warn_tie("a tie decided seats in " + std::to_string(tied) + " of " + std::to_string(scenarios) +
             " scenario(s); rule '" + std::string(tie_rule_name(rule.ties)) + "'");
  }
  py::array seats_out = adopt(std::move(result.seats), scenarios, lists);
  if (!return_ties) return seats_out;
  py::array tie_out = adopt(std::move(result.tie), scenarios, lists);
  return py::make_tuple(seats_out, tie_out.attr("astype")("bool"));
}

// seatsim.allocate: arrays and sequences of numbers go to the kernel here; tables (a DataFrame, a dict of
// columns, a file) to the pure-Python layer (seatsim/_tables.py), which loads them as data sets.
py::object allocate_entry(const py::object& votes, const py::object& seats, const py::object& method,
                          const py::object& first_divisor, const py::object& threshold, const py::object& ties,
                          const py::object& seed, bool return_ties, unsigned threads, bool as_frame,
                          const py::kwargs& rule) {
  if (!py::isinstance<py::array>(votes) && !py::isinstance<py::list>(votes) && !py::isinstance<py::tuple>(votes))
    return py::module_::import("seatsim._tables")
        .attr("allocate_table")(votes, seats, method, first_divisor, threshold, ties, seed, return_ties, threads,
                                as_frame, **rule);
  if (as_frame)
    throw Error("as_frame=True needs a table of votes (a DataFrame, a dict of columns or a file)").with_key("as_frame");
  if (seats.is_none() || !py::isinstance<py::int_>(seats) || py::isinstance<py::bool_>(seats))
    throw Error("seats: an array of votes needs seats=N, a whole number").with_key("seats");
  const auto count = seats.cast<std::int64_t>();
  if (count < 0 || count > max_seats)
    throw Error("seats must be between 0 and " + std::to_string(max_seats)).with_key("seats");
  const Rule& kernel_rule = array_rule(method, first_divisor, threshold, ties, seed, rule);
  const py::array array = votes_array(votes);
  if (array.ndim() == 1) return allocate_one(array, count, kernel_rule, return_ties);
  if (array.ndim() == 2) return allocate_many(array, count, kernel_rule, return_ties, threads);
  throw Error("votes must be 1-D (one district) or 2-D (scenarios x lists), not " + std::to_string(array.ndim()) + "-D")
      .with_key("votes");
}

// A Table (the CLI's rows) as columns pandas takes as is: whole numbers -> int64 arrays,
// decimals -> float64 arrays, a numeric column with blanks -> a list with None, text -> a list.
py::dict table_columns(const Table& table) {
  py::dict out;
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    bool numeric = true, blanks = false, decimals = false;
    for (const auto& row : table.rows) {
      const Cell& cell = row[c];
      if (cell.text.empty()) {
        blanks = true;
      } else if (!cell.numeric) {
        numeric = false;
      } else if (cell.text.find_first_of(".eE") != std::string::npos) {
        decimals = true;
      }
    }
    const auto n = static_cast<py::ssize_t>(table.rows.size());
    if (numeric && !blanks && !decimals) {
      py::array_t<std::int64_t> values(n);
      for (py::ssize_t r = 0; r < n; ++r)
        values.mutable_at(r) = std::stoll(table.rows[static_cast<std::size_t>(r)][c].text);
      out[py::str(table.columns[c])] = values;
    } else if (numeric && !blanks) {
      py::array_t<double> values(n);
      for (py::ssize_t r = 0; r < n; ++r)
        values.mutable_at(r) = std::stod(table.rows[static_cast<std::size_t>(r)][c].text);
      out[py::str(table.columns[c])] = values;
    } else {
      py::list values;
      for (const auto& row : table.rows) {
        const Cell& cell = row[c];
        if (numeric && cell.text.empty())
          values.append(py::none());
        else if (numeric && !decimals)
          values.append(py::int_(std::stoll(cell.text)));
        else if (numeric)
          values.append(py::float_(std::stod(cell.text)));
        else
          values.append(cell.text);
      }
      out[py::str(table.columns[c])] = values;
    }
  }
  return out;
}

// A data set or votes file, loaded once; each call layers keyword overrides over its rule.
// Keyword arguments as the pipeline's rule sources: system= (a name, a file or a seatsim.System), the rule keys,
// and (where `seat_keywords`) seats= and seats_file= apart.
struct KeywordSources {
  RuleSources rule;
  SeatOverrides seats;
};

KeywordSources keyword_sources(const py::kwargs& overrides, bool seat_keywords) {
  KeywordSources sources;
  for (const auto& [key_handle, value] : overrides) {
    const std::string key = py::str(key_handle);
    if (value.is_none()) continue;
    if (key == "system") {
      if (py::isinstance<System>(value))
        sources.rule.system_value = value.cast<System>();
      else
        sources.rule.system = value.cast<std::string>();
    } else if (key == "seats" && seat_keywords) {
      sources.seats.seats = value.cast<std::int64_t>();
    } else if (key == "seats_file" && seat_keywords) {
      sources.seats.seats_file = value.cast<std::string>();
    } else {
      set_keyword(rule_keyword(key, {"system", "seats", "seats_file"}), value, sources.rule.overrides);
    }
  }
  return sources;
}

struct Dataset {
  LoadedInput input;
  // Loaded from a scenario file: the scenario, its base, and its rule as the CLI applies it. The
  // election is then the scenario's (operations applied, seat totals set).
  std::optional<Scenario> scenario;
  std::optional<ScenarioBase> base;
  std::optional<Rule> scenario_rule;

  // The data set's rule with keyword overrides, key by key; `election` gets its seat totals
  // (seats, seats_file, else the data set's districts.csv, else published seats).
  Rule rule_with(const py::kwargs& overrides, Election* election) const {
    RuleSettings settings;
    const KeywordSources keywords = keyword_sources(overrides, election != nullptr);
    const RuleSources& sources = keywords.rule;
    const std::optional<std::int64_t>& seats = keywords.seats.seats;
    const std::optional<std::string>& seats_file = keywords.seats.seats_file;
    // The pipeline's layers (seatsim/analysis/election_setup.hpp): the data set's system and [rule] (a scenario's
    // [rule] over them), then `system=`, then the keywords. Keyword files are relative to the working folder.
    System applied;
    const LoadedInput& own = scenario ? base->input : input;
    LoadedInput layers;  // the rule sources of the input, without its votes
    layers.rule = own.rule;
    layers.system = own.system;
    layers.folder = own.folder;
    RuleSettings scenario_layer = scenario ? scenario->rule : RuleSettings{};
    scenario_layer.resolve_files(own.folder);
    settings = layer_rule(layers, scenario_layer, sources, applied);
    const Rule rule = settings.build();
    check_rule_names(election ? *election : input.election, rule);
    if (election && (!scenario || seats || seats_file)) apply_seats(*election, seats, seats_file);
    return rule;
  }

  void apply_seats(Election& election, const std::optional<std::int64_t>& seats,
                   const std::optional<std::string>& seats_file) const {
    SeatSources sources;
    if (seats) {
      if (*seats < 0 || *seats > max_seats)
        throw Error("seats must be between 0 and " + std::to_string(max_seats)).with_key("seats");
      sources.seats = seats;
    }
    std::vector<InputFile> ignored;
    if (seats_file) {
      sources.seats_file = read_seat_totals(read_csv_file(*seats_file, ignored));
      sources.seats_file_name = *seats_file;
    } else if (input.districts) {
      sources.seats_file = input.districts;
      sources.seats_file_name = input.districts_file;
    }
    apply_seat_totals(election, sources);
  }

  // The allocate command's columns: district, party, votes, seats, tie.
  py::dict allocate_records(const py::kwargs& overrides) const {
    Election election = input.election;
    const Rule rule = rule_with(overrides, &election);
    ElectionOutcome outcome;
    {
      py::gil_scoped_release release;
      outcome = allocate(election, rule);
    }
    warn_notes(outcome.notes);
    py::list district, party;
    std::vector<std::int64_t> votes, seats;
    std::vector<bool> tie;
    for (std::size_t d = 0; d < election.districts.size(); ++d)
      for (std::size_t i = 0; i < election.districts[d].lists.size(); ++i) {
        district.append(election.districts[d].name);
        party.append(election.districts[d].lists[i].party);
        votes.push_back(election.districts[d].lists[i].votes);
        seats.push_back(outcome.seats(d, i));
        tie.push_back(outcome.districts[d].lists[i].tie);
      }
    py::dict out;
    out["district"] = district;
    out["party"] = party;
    out["votes"] = py::array_t<std::int64_t>(static_cast<py::ssize_t>(votes.size()), votes.data());
    out["seats"] = py::array_t<std::int64_t>(static_cast<py::ssize_t>(seats.size()), seats.data());
    py::array_t<bool> ties(static_cast<py::ssize_t>(tie.size()));
    for (std::size_t i = 0; i < tie.size(); ++i) ties.mutable_at(static_cast<py::ssize_t>(i)) = tie[i];
    out["tie"] = ties;
    if (outcome.leveling) {  // the allocate command's tier columns
      std::vector<std::int64_t> district_seats, leveling_seats;
      for (const DistrictOutcome& d : outcome.districts)
        for (const ListOutcome& list : d.lists)
          district_seats.push_back(list.district_seats), leveling_seats.push_back(list.leveling_seats);
      out["district_seats"] =
          py::array_t<std::int64_t>(static_cast<py::ssize_t>(district_seats.size()), district_seats.data());
      out["leveling_seats"] =
          py::array_t<std::int64_t>(static_cast<py::ssize_t>(leveling_seats.size()), leveling_seats.data());
    }
    return out;
  }

  // The compare command's columns: district, party, votes, published_seats (None where blank),
  // seats, diff.
  py::dict compare_records(const py::kwargs& overrides) const {
    Election election = input.election;
    const Rule rule = rule_with(overrides, &election);
    Comparison comparison;
    {
      py::gil_scoped_release release;
      comparison = compare(election, rule);
    }
    warn_notes(comparison.notes);
    return table_columns(comparison_table(election, comparison));
  }

  // `seatsim allocate --view indices` (or `compare --view indices` with published=True): level,
  // district, then the indices under their JSON names (None where undefined).
  py::dict indices_records(bool published, const py::kwargs& overrides) const {
    Election election = input.election;
    const Rule rule = rule_with(overrides, &election);
    ElectionOutcome outcome;
    {
      py::gil_scoped_release release;
      outcome = allocate(election, rule);
    }
    warn_notes(outcome.notes);
    if (published) return table_columns(recomputed_and_published_indices(election, outcome));
    return table_columns(indices_table(election_indices(election, outcome_seats(outcome))));
  }

  // "districts matched: M/N, seats differing: K", as `seatsim compare` ends.
  std::string compare_summary(const py::kwargs& overrides) const {
    Election election = input.election;
    const Rule rule = rule_with(overrides, &election);
    py::gil_scoped_release release;
    return compare(election, rule).summary_line();
  }

  // The votes file as read: district, party, votes, published_seats (None where absent).
  py::dict votes_records() const {
    py::list district, party, published;
    std::vector<std::int64_t> votes;
    for (const District& d : input.election.districts)
      for (const ListResult& list : d.lists) {
        district.append(d.name);
        party.append(list.party);
        votes.push_back(list.votes);
        published.append(list.published_seats ? py::object(py::int_(*list.published_seats)) : py::object(py::none()));
      }
    py::dict out;
    out["district"] = district;
    out["party"] = party;
    out["votes"] = py::array_t<std::int64_t>(static_cast<py::ssize_t>(votes.size()), votes.data());
    out["published_seats"] = published;
    return out;
  }

  // The analyses take one election: a scenario that sweeps is refused, as `seatsim margins` and
  // `seatsim simulate` refuse it.
  void refuse_sweep() const {
    if (scenario && scenario->sweep)
      throw Error(scenario->path, scenario->sweep->line,
                  "this scenario sweeps '" + scenario->sweep->parameter +
                      "'; this command takes a scenario without a sweep (run `seatsim scenario` for sweeps)");
  }

  // `seatsim margins`: {"lists", "closest", "ranking"}, each the columns of that --view (missing
  // numbers None).
  py::dict margins_records(const py::kwargs& overrides) const {
    refuse_sweep();
    Election election = input.election;
    const Rule rule = rule_with(overrides, &election);
    Margins margins;
    {
      py::gil_scoped_release release;
      margins = compute_margins(election, rule);
    }
    warn_notes(margins.outcome.notes);
    const MarginsTables tables = margins_tables(election, margins);
    py::dict out;
    out["lists"] = table_columns(tables.lists);
    out["closest"] = table_columns(tables.closest);
    out["ranking"] = table_columns(tables.ranking);
    return out;
  }

  // `seatsim simulate`: {"summary", "coalitions", "districts", "histogram"}, each the columns of
  // that --view. The checks run in the CLI's order, so that the first error is the CLI's; `seed`
  // (None: the data set's, else 0) is the rule's seed, as --seed is, so the same seed gives the
  // CLI's numbers.
  py::dict simulate_records(std::int64_t draws, const std::string& noise, const py::object& seed, unsigned threads,
                            const std::vector<std::string>& coalitions, bool indices,
                            const py::kwargs& overrides) const {
    if (draws < 1) throw Error("draws must be at least 1 (got " + std::to_string(draws) + ")").with_key("draws");
    const NoiseModel model = NoiseModel::parse(noise);
    refuse_sweep();
    py::kwargs keywords;
    for (const auto& [key, value] : overrides) keywords[key] = value;
    if (!seed.is_none()) keywords["seed"] = seed;
    Election election = input.election;
    const Rule rule = rule_with(keywords, &election);
    std::optional<Simulation> simulation;
    SimulationCounts counts;
    {
      py::gil_scoped_release release;
      simulation.emplace(election, rule, model, rule.seed, coalitions);
      if (indices) simulation->track_indices();
      counts = simulation->run(0, static_cast<std::uint64_t>(draws), threads);
    }
    warn_notes(simulation->cast_outcome().notes);
    const SimulationTables tables = simulation_tables(*simulation, counts);
    py::dict out;
    out["summary"] = table_columns(tables.summary);
    out["coalitions"] = table_columns(tables.coalitions);
    out["districts"] = table_columns(tables.districts);
    out["histogram"] = table_columns(tables.histogram);
    if (indices) out["indices"] = table_columns(tables.indices);
    return out;
  }

  // A scenario's sweep: the long table (value, district, party, votes, seats) or its break points.
  py::dict sweep_records(bool break_points, unsigned threads) const {
    if (!scenario || !scenario->sweep) throw Error(input.name + ": not a scenario with a [sweep]");
    SweepResult result;
    {
      py::gil_scoped_release release;
      result = run_sweep(*scenario, *base, {threads, break_points});
    }
    return table_columns(break_points ? break_points_table(result) : sweep_table(result));
  }

  // `seatsim fit`: per district, the exact first-divisor interval that gives the published seats.
  py::dict fit_records(const py::kwargs& overrides) const {
    Election election = input.election;
    const Rule rule = rule_with(overrides, &election);
    RuleFit fit;
    {
      py::gil_scoped_release release;
      fit = fit_rule(election, rule);
    }
    return table_columns(rule_fit_table(election, fit));
  }

  // `seatsim paradoxes`: the findings, each re-checked.
  py::dict paradoxes_records(double max_seconds, const py::kwargs& overrides) const {
    refuse_sweep();
    Election election = input.election;
    const Rule rule = rule_with(overrides, &election);
    ParadoxSearch search;
    {
      py::gil_scoped_release release;
      search = search_paradoxes(election, rule, {max_seconds});
    }
    return table_columns(paradoxes_table(election, search));
  }

  // `seatsim curves`: each party's seats against its national vote share (pieces), or the bias table.
  py::dict curves_records(const std::vector<std::string>& parties, const std::string& swing, const std::string& view,
                          const py::kwargs& overrides) const {
    refuse_sweep();
    if (swing != "uniform" && swing != "proportional")
      throw Error("swing: 'uniform' or 'proportional', not '" + swing + "'").with_key("swing");
    if (view != "pieces" && view != "bias")
      throw Error("view: 'pieces' or 'bias', not '" + view + "'").with_key("view");
    Election election = input.election;
    const Rule rule = rule_with(overrides, &election);
    std::vector<SeatsVotesCurve> curves;
    {
      py::gil_scoped_release release;
      for (const std::string& party : parties)
        curves.push_back(
            seats_votes_curve(election, rule, party, swing == "uniform" ? Swing::uniform : Swing::proportional));
    }
    return table_columns(view == "bias" ? seats_votes_bias_table(curves) : seats_votes_table(curves));
  }

  // `seatsim chart`: the parliament as an SVG string (hemicycle, compare, diff), default party colours.
  std::string chart_svg(const std::string& kind, bool published, const std::string& title, const std::string& district,
                        const py::kwargs& overrides) const {
    refuse_sweep();
    if (kind != "hemicycle" && kind != "compare" && kind != "diff")
      throw Error("kind: 'hemicycle', 'compare' or 'diff', not '" + kind + "'").with_key("kind");
    Election election = input.election;
    const Rule rule = rule_with(overrides, &election);
    const ElectionOutcome outcome = allocate(election, rule);
    warn_notes(outcome.notes);
    ElectionCharts charts = election_charts(election, outcome, PartyStyles{}, district);
    if ((kind == "compare" || published) && !charts.published)
      throw Error(election.source, 0, "no published result to chart: no list has published_seats");
    const std::string name = input.name + (district.empty() ? "" : ", " + district);
    const auto titled = [&](const std::string& what) { return title.empty() ? name + ": " + what : title; };
    if (kind == "hemicycle") {
      Parliament drawn = published ? *charts.published : charts.recomputed;
      drawn.title = titled(published ? "published seats" : "seats under " + rule.method.name);
      return hemicycle_svg(drawn);
    }
    if (kind == "compare")
      return compare_svg(*charts.published, charts.recomputed, compare_layout_by_name("side-by-side"),
                         titled("published against recomputed (" + rule.method.name + ")"), charts.changes);
    return diff_svg(charts.districts, charts.recomputed,
                    titled("seats won and lost against the published result (" + rule.method.name + ")"));
  }

  // `seatsim explain`: how the upper tier was reached, the table the CLI writes as CSV: the leveling award table,
  // the quota tier's districts, or the list alliances' split.
  py::dict explain_records(const std::string& district, const py::kwargs& overrides) const {
    refuse_sweep();
    Election election = input.election;
    const Rule rule = rule_with(overrides, &election);
    if (!district.empty() && !election.find(district)) {
      std::vector<std::string> names;
      for (const District& d : election.districts) names.push_back(d.name);
      const std::vector<std::string> close = closest_names(district, names, 1);
      throw Error(election.source, 0,
                  "district: no district named '" + district + "'" +
                      (close.empty() ? std::string() : " (did you mean '" + close.front() + "'?)"))
          .with_key("district");
    }
    ElectionOutcome outcome;
    MixedMemberTrace trace;  // the kernel's record of a mixed-member allocation, as the CLI's explain shows it
    {
      py::gil_scoped_release release;
      outcome =
          rule.mixed_member.enabled() ? allocate_mixed_member_traced(election, rule, trace) : allocate(election, rule);
    }
    warn_notes(outcome.notes);
    if (outcome.mixed_member)
      return table_columns(trace.steps.empty()
                               ? mixed_member_national_table(*outcome.mixed_member, trace, rule.mixed_member.kind)
                               : mixed_member_step_table(trace, district));
    if (outcome.leveling) return table_columns(leveling_award_table(*outcome.leveling, district));
    if (outcome.quota_tier) return table_columns(quota_tier_district_table(election, outcome, district));
    if (has_alliances(election)) return table_columns(alliance_split_table(election, outcome, district));
    throw Error(
        "explain: the rule has no leveling tier, no quota tier, no list alliances and no mixed-member tier (give "
        "system=, or leveling_seats or quota_tier and their keywords, or alliances)");
  }

  // `seatsim report`: the self-contained HTML report as a string. `parties` is a parties.csv (colours), else the
  // data set's; `sweeps` draws the data set's what-if/*.toml sweeps.
  std::string report_html(const std::string& parties, bool sweeps, const py::kwargs& overrides) const {
    refuse_sweep();
    LoadedInput loaded = input;
    const Rule rule = rule_with(overrides, &loaded.election);
    std::vector<InputFile> ignored;
    const PartyStyles given = parties.empty() ? load_party_styles(input.folder).value_or(PartyStyles{})
                                              : read_party_styles(read_csv_file(parties, ignored));
    HtmlReport report;
    {
      py::gil_scoped_release release;
      const std::vector<SweepRun> what_ifs = sweeps ? run_what_if_sweeps(input.folder) : std::vector<SweepRun>{};
      report = election_report(loaded, rule, given, what_ifs);
    }
    warn_notes(report.notes);
    return render_html_report(report);
  }

  py::dict rule_dict() const {
    const Rule rule = rule_with(py::kwargs(), nullptr);
    return py::module_::import("json").attr("loads")(rule_to_json(rule).dump());
  }
};

// A scenario over its base: the election the scenario's operations give (or, with a [sweep], the base under the
// scenario's rule, sweep() giving every variant).
Dataset scenario_dataset(Scenario scenario, ScenarioBase base) {
  Dataset dataset;
  dataset.scenario = std::move(scenario);
  dataset.base = std::move(base);
  dataset.input = dataset.base->input;
  if (dataset.scenario->sweep) {
    // A swept operation may leave its own parameter to the sweep (`share` absent): the data set is then the
    // base election under the scenario's rule, and sweep() gives every variant.
    dataset.scenario_rule = scenario_rule(*dataset.scenario, *dataset.base);
  } else {
    const ScenarioResult result = run_scenario(*dataset.scenario, *dataset.base);
    dataset.input.election = result.election;
    dataset.scenario_rule = result.rule;
  }
  dataset.input.rule = dataset.base->settings;
  dataset.input.rule.override_with(dataset.scenario->rule);
  dataset.input.name = dataset.scenario->name;
  dataset.input.files.insert(dataset.input.files.begin(), dataset.scenario->files.begin(),
                             dataset.scenario->files.end());
  return dataset;
}

Dataset load_dataset(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::path(path).extension() != ".toml" || std::filesystem::is_directory(path, ec))
    return Dataset{load_input(path), {}, {}, {}};
  Scenario scenario = load_scenario(path);
  ScenarioBase base = load_scenario_base(scenario);
  return scenario_dataset(std::move(scenario), std::move(base));
}

// scenario(..., base=table): the scenario's TOML text (its own `base` ignored) over a data set already loaded,
// from a DataFrame, a dict or a file. Nothing is written to disk.
Dataset scenario_on_base(const std::string& text, const std::string& name, const Dataset& base) {
  if (base.scenario) throw Error("base: a data set or a table, not another scenario").with_key("base");
  Scenario scenario = parse_scenario_on_given_base(name, text);
  ScenarioBase loaded = scenario_base_of(scenario, base.input);
  return scenario_dataset(std::move(scenario), std::move(loaded));
}

// `seatsim import KIND`: published tables converted into a data set's files (file name -> text), and written into
// `output` when it is given, as the command writes them. Paths arrive as text (the pure-Python layer converts).
struct ImportSources {
  std::optional<std::string> seats, manifest, lists, agreements, provenance;
};

SourceText source_text(const std::string& path) {
  return SourceText{std::filesystem::path(path).filename().string(), read_text_file(path)};
}

std::optional<SourceText> optional_source(const std::optional<std::string>& path) {
  if (!path) return std::nullopt;
  return source_text(*path);
}

SourceText required_source(const std::optional<std::string>& path, const std::string& kind, const char* parameter) {
  if (!path) throw Error("import '" + kind + "' needs " + parameter + "=").with_key(parameter);
  return source_text(*path);
}

ImportedDataSet imported(const std::string& kind, const std::string& source, const std::string& recipe,
                         const ImportSources& given) {
  if (kind == "wikitable") {
    const std::string text = read_text_file(source);
    return import_wikitable(text, std::filesystem::path(source).filename().string(), chosen_recipe(text, recipe));
  }
  if (kind == "kerg2")
    return import_kerg2(source_text(source), optional_source(given.seats), optional_source(given.manifest));
  if (kind == "knesset")
    return import_knesset(source_text(source), required_source(given.lists, kind, "lists"),
                          required_source(given.agreements, kind, "agreements"), optional_source(given.manifest),
                          optional_source(given.provenance));
  if (kind == "riksdag") return import_riksdag(source_text(source), required_source(given.manifest, kind, "manifest"));
  throw Error("kind: '" + kind + "' is not an import (wikitable, kerg2, knesset, riksdag)").with_key("kind");
}

py::dict import_dataset(const std::string& kind, const std::string& source, const std::optional<std::string>& output,
                        const std::string& recipe, const ImportSources& given) {
  const ImportedDataSet data = imported(kind, source, recipe, given);
  if (output) write_dataset(data, *output);
  py::dict result;
  result["files"] = data.files;
  result["districts"] = data.districts;
  result["lists"] = data.lists;
  result["seats"] = data.seats;
  result["reserved"] = data.reserved;
  result["findings"] = data.findings;
  return result;
}

// A votes table given as columns of text (a DataFrame or dict, converted by seatsim/_tables.py): the rows a votes
// file would have, read by the votes file's own code, so that a DataFrame and its to_csv() read the same. Row r is
// line r + 2, as in to_csv(index=False). No temporary file.
CsvTable table_from_columns(const py::dict& columns, const std::string& name) {
  CsvTable table;
  table.source = name;
  std::vector<std::vector<std::string>> values;
  for (const auto& [key, column] : columns) {
    table.header.push_back(py::str(key).cast<std::string>());
    values.push_back(column.cast<std::vector<std::string>>());
  }
  const std::size_t rows = values.empty() ? 0 : values.front().size();
  for (std::size_t c = 0; c < values.size(); ++c)
    if (values[c].size() != rows) throw Error(name + ": columns of different lengths").with_key(table.header[c]);
  table.rows.resize(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    table.rows[r].line = r + 2;
    for (auto& column : values) table.rows[r].fields.push_back(std::move(column[r]));
  }
  return table;
}

// A table argument of project(): a path (read as the CLI reads the file) or a dict of text columns (a DataFrame or
// dict converted by seatsim/_tables.py), named `parameter` in messages.
CsvTable table_argument(const py::object& value, const std::string& parameter) {
  if (py::isinstance<py::dict>(value)) return table_from_columns(value.cast<py::dict>(), parameter);
  std::vector<InputFile> ignored;
  return read_csv_file(value.cast<std::string>(), ignored);
}

// `seatsim project`: polls to seats over this data set as the base election. The polls are a path (CSV, or ROPF
// when it ends in .ropf) or columns pollster, fieldwork_end, sample_size, area, party, share; mapping, covariance
// and house_effects likewise (paths or columns), each optional.
py::dict project_records(const Dataset& dataset, const py::object& polls, const py::object& mapping,
                         const std::string& swing, std::int64_t draws, const py::object& seed, unsigned threads,
                         double half_life, const py::object& covariance, const py::object& house_effects,
                         const py::object& noise, bool sampling, bool estimate_house_effects,
                         const std::vector<std::string>& coalitions, const py::object& regions,
                         const py::object& regional_covariance, const py::object& new_party_pattern,
                         const std::string& turnout, bool chart, const py::kwargs& overrides) {
  dataset.refuse_sweep();
  if (chart && draws == 0)
    throw Error("chart: the fan chart draws the seat intervals of draws: give draws > 0").with_key("chart");
  if (draws < 0) throw Error("draws must be 0 or more (got " + std::to_string(draws) + ")").with_key("draws");
  py::kwargs keywords;
  for (const auto& [key, value] : overrides) keywords[key] = value;
  if (!seed.is_none()) keywords["seed"] = seed;
  Election election = dataset.input.election;
  const Rule rule = dataset.rule_with(keywords, &election);
  std::vector<std::string> warnings;
  PollSet poll_set;
  if (py::isinstance<py::str>(polls) && polls.cast<std::string>().ends_with(".ropf"))
    poll_set = read_ropf_file(polls.cast<std::string>(), &warnings);
  else
    poll_set = parse_poll_table(table_argument(polls, "polls"));
  ProjectionOptions options;
  options.swing = SwingModel::parse(swing);
  options.draws = static_cast<std::uint64_t>(draws);
  options.seed = rule.seed;
  options.threads = threads;
  options.coalitions = coalitions;
  options.half_life_days = half_life;
  options.sampling_error = sampling;
  options.estimate_house_effects = estimate_house_effects;
  if (!mapping.is_none()) options.mapping = parse_party_mapping(table_argument(mapping, "mapping"));
  if (!covariance.is_none()) options.national_error = parse_covariance_table(table_argument(covariance, "covariance"));
  if (!house_effects.is_none())
    options.house_effects = parse_house_effects(table_argument(house_effects, "house_effects"));
  if (!noise.is_none()) options.district_noise = NoiseModel::parse(noise.cast<std::string>());
  if (!regions.is_none()) options.regions = parse_district_regions(table_argument(regions, "regions"));
  if (!regional_covariance.is_none())
    options.regional_error = parse_covariance_table(table_argument(regional_covariance, "regional_covariance"));
  if (!new_party_pattern.is_none())
    options.new_party_pattern = parse_new_party_pattern(table_argument(new_party_pattern, "new_party_pattern"));
  options.turnout = TurnoutChange::parse(turnout);
  ProjectionResult result;
  {
    py::gil_scoped_release release;
    result = project(election, rule, poll_set, options);
  }
  warnings.insert(warnings.end(), result.warnings.begin(), result.warnings.end());
  warnings.insert(warnings.end(), result.point.notes.begin(), result.point.notes.end());
  warn_notes(warnings);
  const ProjectionTables tables = projection_tables(election, result);
  py::dict out;
  out["parties"] = table_columns(tables.parties);
  out["coalitions"] = table_columns(tables.coalitions);
  out["districts"] = table_columns(tables.districts);
  out["histogram"] = table_columns(tables.histogram);
  if (chart) {
    // As `seatsim project --chart` draws it: the data set's colours (its parties.csv, else by vote rank).
    const PartyStyles styles = data_set_party_styles(election, dataset.input.folder);
    out["fan_chart"] = projection_fan_svg(
        result, styles,
        std::filesystem::path(dataset.input.name).filename().string() + ": seats projected from the polls");
  }
  return out;
}

Dataset dataset_from_columns(const py::dict& columns, const std::string& name, const py::object& seat_columns) {
  Dataset dataset;
  std::vector<std::string> warnings;
  CsvOptions options;
  options.warn = [&warnings](const std::string& message) { warnings.push_back(message); };
  dataset.input.election = read_votes(table_from_columns(columns, name), options);
  dataset.input.election.source = name;
  dataset.input.name = name;
  if (!seat_columns.is_none()) {
    dataset.input.districts = read_seat_totals(table_from_columns(seat_columns.cast<py::dict>(), "districts"));
    dataset.input.districts_file = "districts";
  }
  warn_notes(warnings);
  return dataset;
}
}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() =
      "seatsim: exact seat allocation. allocate() works on lists and numpy arrays (2-D = scenarios x lists, "
      "through the batched kernel); load() reads a data set or a votes file.";
  m.attr("__version__") = std::string(version());

  // Errors (interface.md, amendment 6): seatsim.Error (a ValueError), InputError for a wrong file, value or name,
  // TieError for a tie under ties='error'; each carries file, line and key (None where none applies).
  static py::exception<Error> error(m, "Error", PyExc_ValueError);
  static py::exception<Error> input_error(m, "InputError", error.ptr());
  static py::exception<TieError> tie_error(m, "TieError", error.ptr());
  error.doc() =
      "What seatsim raises for bad input or an impossible request (a ValueError). Attributes: file, line "
      "(where a file or table row is involved, else None) and key (the parameter or rule key, else None).";
  input_error.doc() =
      "A file, value or name that is wrong: file and line say where (a DataFrame's row r is line "
      "r + 2, its line in to_csv(index=False)); key names the parameter.";
  tie_error.doc() = "A tie decided a seat and the tie rule is ties='error'.";
  for (py::object* type : {static_cast<py::object*>(&error), static_cast<py::object*>(&tie_error)}) {
    type->attr("file") = py::none();
    type->attr("line") = py::none();
    type->attr("key") = py::none();
  }
  py::register_exception_translator([](std::exception_ptr raised) {
    try {
      if (raised) std::rethrow_exception(raised);
    } catch (const Error& e) {
      const py::object& type = e.kind() == ErrorKind::tie     ? static_cast<const py::object&>(tie_error)
                               : e.kind() == ErrorKind::input ? static_cast<const py::object&>(input_error)
                                                              : static_cast<const py::object&>(error);
      raise_error(type, e);
    }
  });
  note_warning = py::reinterpret_steal<py::object>(PyErr_NewExceptionWithDoc(
      "seatsim.NoteWarning", "What the CLI prints as a note: an unfilled reserved seat, withdrawn quotas, a tie.",
      PyExc_UserWarning, nullptr));
  m.attr("NoteWarning") = note_warning;
  tie_warning = py::reinterpret_steal<py::object>(PyErr_NewExceptionWithDoc(
      "seatsim.TieWarning", "A tie decided a seat (the rule in force broke it).", note_warning.ptr(), nullptr));
  m.attr("TieWarning") = tie_warning;

  // seatsim.System: the electoral system model (seatsim/io/system.hpp), read and written by the same code
  // as the command line's --system and the library in systems/.
  const auto json_module = [] { return py::module_::import("json"); };
  py::class_<System>(m, "System",
                     "An electoral system: its description (name, title, body, country, in_force, statute) and its "
                     "rule. System.load('norway-storting-2005') takes one from the library (seatsim.systems()), "
                     "System.load('file.toml') a file; from_toml/from_json/from_dict read the serialization, "
                     "to_toml/to_json/to_dict write it. Pass it as system= to Dataset methods.")
      .def_static("load", &load_system, py::arg("name_or_path"),
                  "A system of the library by name, or a system file (a value with '/' or ending .toml/.json).")
      .def_static(
          "from_toml", [](const std::string& text) { return parse_system("<toml>", text); }, py::arg("text"))
      .def_static(
          "from_json",
          [](const std::string& text) {
            const std::size_t first = text.find_first_not_of(" \t\r\n");
            if (first == std::string::npos || text[first] != '{') throw Error("<json>: expected a JSON object");
            return parse_system("<json>.json", text);
          },
          py::arg("text"))
      .def_static(
          "from_dict",
          [json_module](const py::dict& value) {
            const std::string text = json_module().attr("dumps")(value).cast<std::string>();
            const Json json = Json::parse(text);
            if (json.contains("system") && json.size() == 1) return system_from_json(json["system"], "<dict>");
            return system_from_json(json, "<dict>");
          },
          py::arg("value"), "From the dict to_dict() gives ({'system': {...}}, or the inner object).")
      .def("to_toml", &system_to_toml)
      .def("to_json",
           [](const System& system) {
             return Json{{"system", system_to_json(system)}}.dump(2) + "\n";
           })
      .def("to_dict",
           [json_module](const System& system) {
             return json_module().attr("loads")(Json{{"system", system_to_json(system)}}.dump());
           })
      .def(
          "with_rule",
          [](System system, const py::kwargs& keywords) {
            RuleSettings given;
            for (const auto& [key, value] : keywords)
              if (!value.is_none()) set_keyword(rule_keyword(py::str(key), {}), value, given);
            system.rule.override_with(given);
            (void)system.rule.build();
            return system;
          },
          "A copy with these rule keywords over the rule (the keywords of Dataset.allocate).")
      .def_property_readonly("name", [](const System& s) { return s.name; })
      .def_property_readonly("title", [](const System& s) { return s.title; })
      .def_property_readonly("body", [](const System& s) { return s.body; })
      .def_property_readonly("country", [](const System& s) { return s.country; })
      .def_property_readonly("in_force", [](const System& s) { return s.in_force; })
      .def_property_readonly("statute", [](const System& s) { return s.statute; })
      .def_property_readonly(
          "rule",
          [json_module](const System& s) {
            return json_module().attr("loads")(system_to_json(s)["rule"].dump()).cast<py::dict>();
          },
          "The rule's keys as a dict (decimals as str).")
      .def("__eq__", [](const System& a, const System& b) { return a == b; })
      .def("__repr__",
           [](const System& s) { return "<seatsim.System '" + (s.name.empty() ? s.title : s.name) + "'>"; });
  m.def(
      "systems",
      [] {
        std::vector<std::string> names;
        for (const System& system : library_systems()) names.push_back(system.name);
        return names;
      },
      "The library's electoral systems, as `seatsim systems` lists them.\n\nReturns\n-------\nlist of str, the names "
      "System.load() takes.\n\nExample\n-------\n>>> 'norway-storting-2005' in seatsim.systems()\nTrue");
  m.def(
      "rule_keys", &rule_key_names,
      "Every rule keyword: the command line's rule flags without the dashes and with '_', the keys of a system's "
      "rule.\n\nReturns\n-------\nlist of str.\n\nExample\n-------\n>>> 'first_divisor' in seatsim.rule_keys()\nTrue");
  m.def("methods", &method_names,
        "The allocation methods by their canonical names (method= of allocate).\n\nReturns\n-------\nlist of str."
        "\n\nExample\n-------\n>>> 'dhondt' in seatsim.methods()\nTrue");
  m.def("allocate", &allocate_entry, py::arg("votes"), py::arg("seats") = py::none(), py::arg("method") = py::none(),
        py::arg("first_divisor") = py::none(), py::arg("threshold") = py::none(), py::arg("ties") = py::none(),
        py::arg("seed") = py::none(), py::kw_only(), py::arg("return_ties") = false, py::arg("threads") = 1,
        py::arg("as_frame") = false,
        R"doc(Seats for votes, exactly (no floating point decides a seat).

Parameters
----------
votes : array, list, pandas.DataFrame, dict of columns, or path
    1-D numbers: one district. 2-D (scenarios x lists): a batch through the
    batched kernel, GIL released; C-contiguous int64 is read in place (no
    copy), int32 in place too and widened once by the allocating threads.
    A DataFrame or dict (columns district, party, votes[, published_seats])
    or a votes file / data-set folder: allocated as `seatsim allocate` does.
seats : int
    Seats to fill (per district, per row); for tables, optional when the
    table's published seats or a data set's districts.csv give them.
method : str, default 'sainte-lague' ('dhondt', 'hare', 'droop', ...; seatsim.methods()).
first_divisor : str, int, float or fractions.Fraction, default the method's own.
    A float is read through its shortest decimal form: 1.4 is exactly 7/5.
threshold : str '5%' or '1000v', or a share as Fraction/float (0.05); an int is refused.
ties : str, default 'more-votes' ('fewer-votes', 'list-order', 'lot', 'error').
seed : int, the seed of ties='lot'.
return_ties : bool, keyword only. Arrays: also return the tie marks.
threads : int, keyword only, default 1; 0 uses every core (2-D batches).
as_frame : bool, keyword only. Tables: return a pandas DataFrame.
**rule : any other rule key (seatsim.rule_keys()): divisors, threshold_strict
    for arrays; every key (threshold_scope, leveling_seats, ...) for tables.

Returns
-------
Arrays: an int32 array of the shape of votes, or (seats, ties) with
return_ties=True (ties: bool, the lists a tie decided). Tables: the columns
district, party, votes, seats, tie (+ district_seats, leveling_seats with
tiers) as a DataFrame for a DataFrame or as_frame=True, else a dict of columns.

A tie that decides a seat issues one seatsim.TieWarning per call;
ties='error' raises seatsim.TieError; bad input raises seatsim.InputError.

Examples
--------
>>> seatsim.allocate([45000, 21000, 17500], 11, first_divisor=1.4).tolist()
[6, 3, 2]
>>> seatsim.allocate(np.array([[60, 30, 10], [10, 30, 60]]), 4, method="dhondt").tolist()
[[3, 1, 0], [0, 1, 3]]
>>> seatsim.allocate(pd.DataFrame({"party": ["A", "B"], "votes": [60, 40]}), 5)  # a DataFrame
)doc");
  m.def(
      "_import_dataset",
      [](const std::string& kind, const std::string& source, const std::optional<std::string>& output,
         const std::string& recipe, const std::optional<std::string>& seats, const std::optional<std::string>& manifest,
         const std::optional<std::string>& lists, const std::optional<std::string>& agreements,
         const std::optional<std::string>& provenance) {
        return import_dataset(kind, source, output, recipe, {seats, manifest, lists, agreements, provenance});
      },
      py::arg("kind"), py::arg("source"), py::arg("output"), py::arg("recipe"), py::arg("seats"), py::arg("manifest"),
      py::arg("lists"), py::arg("agreements"), py::arg("provenance"),
      "`seatsim import KIND`: the data set's files as {name: text} with counts; written to output when given. "
      "seatsim.import_dataset() calls it.");
  py::class_<python::ExplorerHandle>(m, "_Explorer", "A running explorer (seatsim.serve(..., background=True)).")
      .def_property_readonly("port", &python::ExplorerHandle::port)
      .def_property_readonly("url", &python::ExplorerHandle::url)
      .def_property_readonly("name", &python::ExplorerHandle::name)
      .def_property_readonly("running", &python::ExplorerHandle::running)
      .def("stop", &python::ExplorerHandle::stop, py::call_guard<py::gil_scoped_release>(),
           "Stops serving (idempotent).");
  m.def(
      "_serve",
      [](const std::string& data_set, const std::string& host, int port, const ExplorerLimits& limits,
         std::size_t max_body, double read_time, int backlog, const py::kwargs& rule) {
        const KeywordSources sources = keyword_sources(rule, true);
        ServeOptions options;
        options.host = host;
        options.port = port;
        options.max_body = max_body;
        options.read_time = std::chrono::milliseconds(static_cast<std::int64_t>(read_time * 1000));
        options.backlog = backlog;
        py::gil_scoped_release release;
        return std::make_unique<python::ExplorerHandle>(data_set, limits, sources.rule, sources.seats, options);
      },
      py::arg("data_set"), py::arg("host"), py::arg("port"), py::arg("limits"), py::arg("max_body"),
      py::arg("read_time"), py::arg("backlog"),
      "Starts the explorer of `seatsim serve` on a thread; seatsim.serve() calls it.");
  py::class_<ExplorerLimits>(m, "_ExplorerLimits")
      .def(py::init([](std::int64_t seats, std::size_t lists, std::size_t sweep_values, std::uint64_t draws,
                       std::size_t reply, double seconds) {
             ExplorerLimits limits;
             limits.max_seats = seats;
             limits.max_lists = lists;
             limits.max_sweep_values = sweep_values;
             limits.max_draws = draws;
             limits.max_reply = reply;
             limits.max_time = std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
             return limits;
           }),
           py::arg("max_request_seats"), py::arg("max_lists"), py::arg("max_sweep_values"), py::arg("max_draws"),
           py::arg("max_reply"), py::arg("max_time"));
  m.def("_scenario_on_base", &scenario_on_base, py::arg("text"), py::arg("name"), py::arg("base"),
        "A scenario (TOML text; its `base` key ignored) over a Dataset: the pure-Python scenario(..., base=) calls "
        "it.");
  m.def("_dataset_from_columns", &dataset_from_columns, py::arg("columns"), py::arg("name"),
        py::arg("seat_columns") = py::none(),
        "A Dataset from a votes table given as columns of text (the pure-Python layer converts DataFrames and "
        "dicts), read by the same code as a votes file; seat_columns: district, seats[, reserved].");

  py::class_<Dataset>(m, "Dataset", "A data set or votes file, as load() read it.")
      .def_property_readonly("name", [](const Dataset& d) { return d.input.name; })
      .def_property_readonly("folder", [](const Dataset& d) { return d.input.folder; })
      .def_property_readonly("caveats", [](const Dataset& d) { return d.input.caveats; })
      .def_property_readonly("districts",
                             [](const Dataset& d) {
                               std::vector<std::string> names;
                               for (const District& district : d.input.election.districts)
                                 names.push_back(district.name);
                               return names;
                             })
      .def_property_readonly("files",
                             [](const Dataset& d) {
                               py::list files;
                               for (const InputFile& file : d.input.files) {
                                 py::dict entry;
                                 entry["path"] = file.path;
                                 entry["sha256"] = file.sha256;
                                 files.append(entry);
                               }
                               return files;
                             })
      .def_property_readonly("rule", &Dataset::rule_dict, "The data set's rule as applied (as in JSON meta).")
      .def("votes", &Dataset::votes_records, "Columns district, party, votes, published_seats.")
      .def("allocate", &Dataset::allocate_records,
           "Columns district, party, votes, seats, tie, as `seatsim allocate` writes them. Keywords override the "
           "data set's rule key by key (method, first_divisor, divisors, threshold, threshold_scope, "
           "threshold_strict, threshold_exempt, party_thresholds, ties, seed) and give seat totals (seats, "
           "seats_file).")
      .def("sweep", &Dataset::sweep_records, py::arg("break_points") = false, py::arg("threads") = 1,
           "A scenario's sweep as `seatsim scenario` writes it: columns value, district, party, votes, seats; with "
           "break_points=True the break points (before, after, district, party, seats_before, seats_after, "
           "votes_before, votes_after, at_value).")
      .def("compare", &Dataset::compare_records,
           "Columns district, party, votes, published_seats, seats, diff, as `seatsim compare` writes them "
           "(published_seats and diff None where the source is blank). Keywords as for allocate().")
      .def("indices", &Dataset::indices_records, py::arg("published") = false,
           "`seatsim allocate --view indices` as a dict of columns: level ('district' or 'national'), district, "
           "then gallagher, loosemore_hanby, sainte_lague, dhondt, rae, enp_votes, enp_seats, wasted_share "
           "(float; None where undefined; docs/indices.md). published=True: `seatsim compare --view indices`, a "
           "first column basis ('recomputed' or 'published'). Keywords as for allocate().")
      .def("compare_summary", &Dataset::compare_summary,
           "The line 'districts matched: M/N, seats differing: K'. Keywords as for allocate().")
      .def("margins", &Dataset::margins_records,
           "`seatsim margins` as a dict of three tables (dicts of columns): 'lists' (district, party, votes, seats, "
           "votes_to_gain, votes_to_lose, gain_from, lose_to), 'closest' (each district's closest seat: district, "
           "party, seats, margin, holder_loss, lose_to, challenger, challenger_gain) and 'ranking' (rank, then the "
           "same columns, every seat that can change hands, most fragile first). Missing numbers are None; "
           "gain_from, lose_to and challenger are '' where there is no such list. Keywords as for allocate().")
      .def(
          "simulate", &Dataset::simulate_records, py::arg("draws"), py::arg("noise"), py::arg("seed") = py::none(),
          py::arg("threads") = 1, py::arg("coalitions") = std::vector<std::string>{}, py::arg("indices") = false,
          "`seatsim simulate` as a dict of four tables (dicts of columns): 'summary' (party, seats, mean, sd, q05, "
          "q50, q95, p_majority), 'coalitions' (the same per coalition), 'districts' (district, party, seats, count, "
          "probability, at_least) and 'histogram' (level, district, party, seats, count, probability, at_least). "
          "noise: 'dirichlet:K', 'multinomial' or 'swing:SD[,DSD]'; seed: the seed of the draws (None: the data "
          "set's, else 0), so the same seed gives the CLI's numbers whatever threads (0: every core); coalitions: "
          "party names joined by '+'; indices=True adds 'indices', `seatsim simulate --view indices` (level, district, "
          "index, cast, draws, mean, sd, q05, q50, q95). Keywords as for allocate().")
      .def("fit", &Dataset::fit_records,
           "`seatsim fit` as a dict of columns: per district, the exact first divisors (fractions and decimals) under "
           "which the recomputation gives the published seats, and the standard methods that give them. Keywords as "
           "for allocate(). Example: seatsim.load('scenarios/iraq-2013').fit()")
      .def("paradoxes", &Dataset::paradoxes_records, py::arg("max_seconds") = 60.0,
           "`seatsim paradoxes` as a dict of columns: every paradox found (non-monotonicity, negative vote weight, "
           "Alabama, population, seats moving between districts), each re-checked; max_seconds bounds the search. "
           "Keywords as for allocate().")
      .def("curves", &Dataset::curves_records, py::arg("parties"), py::arg("swing") = "proportional",
           py::arg("view") = "pieces",
           "`seatsim curves` as a dict of columns: each party's seats as a function of its national vote share "
           "(swing 'proportional' or 'uniform'), exact break points; view='bias' gives the bias table. Keywords as "
           "for allocate().")
      .def("explain", &Dataset::explain_records, py::arg("district") = "",
           "`seatsim explain` as a dict of columns (the CLI's CSV): how the upper tier was reached, the leveling "
           "award table, the quota tier's districts, or the list alliances' split; district= one district. "
           "Keywords as for allocate(). Example: seatsim.load('scenarios/sweden-2022').explain()")
      .def("chart", &Dataset::chart_svg, py::arg("kind") = "hemicycle", py::arg("published") = false,
           py::arg("title") = "", py::arg("district") = "",
           "`seatsim chart` as an SVG string: kind 'hemicycle' (recomputed, or published=True), 'compare' "
           "(published against recomputed) or 'diff' (per district). Keywords as for allocate(). Example: "
           "open('h.svg', 'w').write(seatsim.load('scenarios/iraq-2013').chart())")
      .def("project", &project_records, py::arg("polls"), py::arg("mapping") = py::none(), py::arg("swing") = "uniform",
           py::arg("draws") = 0, py::arg("seed") = py::none(), py::arg("threads") = 1, py::arg("half_life") = 14.0,
           py::arg("covariance") = py::none(), py::arg("house_effects") = py::none(), py::arg("noise") = py::none(),
           py::arg("sampling") = true, py::arg("estimate_house_effects") = true,
           py::arg("coalitions") = std::vector<std::string>{}, py::arg("regions") = py::none(),
           py::arg("regional_covariance") = py::none(), py::arg("new_party_pattern") = py::none(),
           py::arg("turnout") = "unchanged", py::arg("chart") = false,
           "`seatsim project` over this data set as the base: a dict of tables 'parties', 'coalitions', "
           "'districts', 'histogram' (the CLI's CSV views), and with chart=True 'fan_chart' (the SVG of "
           "`--chart`). polls, mapping, covariance, house_effects, regions, "
           "regional_covariance, new_party_pattern: paths or "
           "dicts of text columns. Keywords as for allocate(). Example: "
           "seatsim.load('base.csv').project('polls.csv', draws=1000, seed=1)")
      .def("report", &Dataset::report_html, py::arg("parties") = "", py::arg("sweeps") = true,
           "`seatsim report` as a string: one self-contained HTML page (summary, each differing district explained, "
           "charts, the data set's what-if sweeps, indices, the upper tier, caveats). parties= a parties.csv for the "
           "colours; sweeps=False leaves out the what-if sweeps. Keywords as for allocate(). Example: "
           "open('r.html', 'w').write(seatsim.load('scenarios/iraq-2013').report())")
      .def("__repr__", [](const Dataset& d) { return "<seatsim.Dataset '" + d.input.name + "'>"; });

  m.def("load", &load_dataset, py::arg("path"),
        "Reads a data-set folder (election.toml, results.csv, districts.csv), a votes CSV, or a scenario file "
        "(*.toml: its operations applied to its base, under the base's rule with the scenario's [rule] over it).");
}
