#include "seatsim/method.hpp"

#include <functional>

#include "seatsim/error.hpp"

namespace seatsim {
namespace {

struct Entry {
  std::string_view name;
  std::vector<std::string_view> aliases;
  std::function<Method()> make;
};

Method divisor_method(std::string name, DivisorRule rule) { return {std::move(name), std::move(rule)}; }
Method quota_method(std::string name, QuotaRule::Kind kind) { return {std::move(name), QuotaRule(kind)}; }

// The registry: canonical names, aliases and how to build each rule (interface.md, "Methods").
const std::vector<Entry>& registry() {
  static const std::vector<Entry> entries = {
      {"dhondt",
       {"jefferson", "hagenbach-bischoff-divisor", "d'hondt"},
       [] { return divisor_method("dhondt", DivisorRule::dhondt()); }},
      {"sainte-lague",
       {"webster", "schepers", "saint-lague"},
       [] { return divisor_method("sainte-lague", DivisorRule::sainte_lague()); }},
      {"danish", {}, [] { return divisor_method("danish", DivisorRule::danish()); }},
      {"imperiali", {}, [] { return divisor_method("imperiali", DivisorRule::imperiali()); }},
      {"adams", {}, [] { return divisor_method("adams", DivisorRule::adams()); }},
      {"dean", {}, [] { return divisor_method("dean", DivisorRule::dean()); }},
      {"huntington-hill",
       {"equal-proportions"},
       [] { return divisor_method("huntington-hill", DivisorRule::huntington_hill()); }},
      {"hare", {"hamilton", "hare-niemeyer"}, [] { return quota_method("hare", QuotaRule::Kind::hare); }},
      {"droop", {}, [] { return quota_method("droop", QuotaRule::Kind::droop); }},
      {"hagenbach-bischoff",
       {},
       [] { return quota_method("hagenbach-bischoff", QuotaRule::Kind::hagenbach_bischoff); }},
      {"imperiali-quota", {}, [] { return quota_method("imperiali-quota", QuotaRule::Kind::imperiali); }},
  };
  return entries;
}

}  // namespace

Method method_by_name(std::string_view name) {
  for (const Entry& entry : registry()) {
    if (entry.name == name) return entry.make();
    for (std::string_view alias : entry.aliases)
      if (alias == name) return entry.make();
  }
  std::string known;
  for (const std::string& n : method_names()) known += (known.empty() ? "" : ", ") + n;
  throw Error("unknown method '" + std::string(name) + "' (known: " + known + ")");
}

std::vector<std::string> method_names() {
  std::vector<std::string> names;
  for (const Entry& entry : registry()) names.emplace_back(entry.name);
  return names;
}

Method custom_divisor_method(const std::vector<Rational>& divisors) {
  return divisor_method("custom", DivisorRule::custom(divisors));
}

Method with_first_divisor(const Method& method, const Rational& first) {
  if (!method.is_divisor()) throw Error("--first-divisor applies to divisor methods, not to " + method.name);
  return {method.name, method.divisor().with_first_divisor(first)};
}

std::string Method::describe() const {
  if (is_divisor()) return name + " (divisors " + divisor().describe() + ")";
  return name + " (" + quota().describe() + ")";
}

}  // namespace seatsim
