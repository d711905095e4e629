#pragma once
// A method: a divisor rule or a quota rule, registered under canonical names and aliases
// (the names of interface.md). The registry is the single place that maps names to rules.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "seatsim/divisor_rule.hpp"
#include "seatsim/quota_rule.hpp"

namespace seatsim {

struct Method {
  std::string name;  // canonical name, or "custom"
  std::variant<DivisorRule, QuotaRule> rule;

  bool is_divisor() const noexcept { return std::holds_alternative<DivisorRule>(rule); }
  const DivisorRule& divisor() const { return std::get<DivisorRule>(rule); }
  const QuotaRule& quota() const { return std::get<QuotaRule>(rule); }
  // "sainte-lague (1.4, 3, 5, 7, ...)" / "hare (quota V/S, largest remainders)"
  std::string describe() const;
};

// Looks up a canonical name or alias; throws seatsim::Error naming the known methods.
Method method_by_name(std::string_view name);
// A custom divisor method from an explicit sequence ("1.4,3,5" already split).
Method custom_divisor_method(const std::vector<Rational>& divisors);
// Applies --first-divisor; throws for quota methods and for non-linear divisor rules.
Method with_first_divisor(const Method& method, const Rational& first);

// Every canonical name, in a stable order (for --help and error messages).
std::vector<std::string> method_names();

}  // namespace seatsim
