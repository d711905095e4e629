#include "seatsim/analysis/turnout_change.hpp"

#include <cstdint>

#include "seatsim/core/error.hpp"
#include "seatsim/core/int128.hpp"

namespace seatsim {

TurnoutChange TurnoutChange::parse(std::string_view text) {
  TurnoutChange turnout;
  turnout.text = std::string(text);
  if (text == "unchanged") return turnout;
  const std::string message =
      "--turnout '" + turnout.text + "': expected 'unchanged' or 'scale:F' with F a decimal > 0";
  if (!text.starts_with("scale:")) throw Error(message);
  const std::string_view factor = text.substr(6);
  try {
    if (factor.find('/') != std::string_view::npos) throw Error("not a decimal");
    turnout.factor = parse_rational(factor);
  } catch (const Error&) {
    throw Error(message);
  }
  if (turnout.factor <= Rational(0)) throw Error(message);
  return turnout;
}

std::int64_t TurnoutChange::total(std::int64_t votes) const {
  const i128 numerator = static_cast<i128>(votes) * factor.num();
  const i128 scaled = (2 * numerator + factor.den()) / (2 * static_cast<i128>(factor.den()));  // half up
  if (scaled > static_cast<i128>(INT64_MAX))
    throw Error("--turnout '" + text + "': a district's scaled votes pass 63 bits").with_kind(ErrorKind::limit);
  return static_cast<std::int64_t>(scaled);
}

std::string TurnoutChange::describe() const {
  if (factor == Rational(1)) return "turnout unchanged";
  return "turnout scaled: each district's votes * " + factor.to_string() + ", rounded half up";
}

}  // namespace seatsim
