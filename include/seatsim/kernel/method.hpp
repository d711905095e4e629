#pragma once
// A method: a divisor rule or a quota rule, registered under canonical names and aliases
// (the names of interface.md). The registry is the single place that maps names to rules.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "seatsim/kernel/divisor_rule.hpp"
#include "seatsim/kernel/quota_rule.hpp"

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

// A method as the registry knows it: a canonical name, the other names people use, and how to build
// its rule. Adding a method is one definition and one registration:
//   const bool registered = register_method({"swedish", {"modified-odd"}, "1.4, 3, 5, ...",
//       [] { return divisor_method("swedish", DivisorRule::sainte_lague().with_first_divisor(Rational(7, 5))); }});
struct MethodDefinition {
  std::string name;
  std::vector<std::string> aliases;
  std::string description;
  std::function<Method()> make;
};
// Adds a method; throws seatsim::Error when its name or an alias is taken. Returns true (for a
// static registration).
bool register_method(MethodDefinition definition);
Method divisor_method(std::string name, DivisorRule rule);

// Looks up a canonical name or alias as people write them: case, accents, apostrophes, spaces and
// dashes do not matter ("D'Hondt", "Sainte-Laguë", "hare niemeyer"). Throws seatsim::Error naming the
// known methods, with the closest one.
Method method_by_name(std::string_view name);
// Every alias of every method, "alias -> canonical" (for --help and the docs).
std::vector<std::pair<std::string, std::string>> method_aliases();
// A custom divisor method from an explicit sequence ("1.4,3,5" already split).
Method custom_divisor_method(const std::vector<Rational>& divisors);
// Applies --first-divisor; throws for quota methods and for non-linear divisor rules.
Method with_first_divisor(const Method& method, const Rational& first);

// Every canonical name, in a stable order (for --help and error messages).
std::vector<std::string> method_names();

}  // namespace seatsim
