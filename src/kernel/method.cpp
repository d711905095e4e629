#include "seatsim/kernel/method.hpp"

#include <algorithm>
#include <cctype>
#include <functional>

#include "seatsim/core/error.hpp"

namespace seatsim {
namespace {

Method quota_method(std::string name, QuotaRule::Kind kind) { return {std::move(name), QuotaRule(kind)}; }

// The built-in methods (interface.md, "Methods"); register_method adds others.
std::vector<MethodDefinition> built_in() {
  return {
      {"dhondt",
       {"jefferson", "hagenbach-bischoff-divisor", "greatest-divisors"},
       "1, 2, 3, ...",
       [] { return divisor_method("dhondt", DivisorRule::dhondt()); }},
      {"sainte-lague",
       {"webster", "schepers", "saint-lague", "major-fractions"},
       "1, 3, 5, ...",
       [] { return divisor_method("sainte-lague", DivisorRule::sainte_lague()); }},
      {"danish", {}, "1, 4, 7, ...", [] { return divisor_method("danish", DivisorRule::danish()); }},
      {"imperiali", {}, "2, 3, 4, ...", [] { return divisor_method("imperiali", DivisorRule::imperiali()); }},
      {"adams", {"smallest-divisors"}, "0, 1, 2, ...", [] { return divisor_method("adams", DivisorRule::adams()); }},
      {"dean", {"harmonic-mean"}, "2k(k+1)/(2k+1)", [] { return divisor_method("dean", DivisorRule::dean()); }},
      {"huntington-hill",
       {"equal-proportions", "hill"},
       "sqrt(k(k+1))",
       [] { return divisor_method("huntington-hill", DivisorRule::huntington_hill()); }},
      {"hare",
       {"hamilton", "hare-niemeyer", "largest-remainder", "vinton"},
       "quota V/S, largest remainders",
       [] { return quota_method("hare", QuotaRule::Kind::hare); }},
      {"droop",
       {},
       "quota V/(S+1) + 1, largest remainders",
       [] { return quota_method("droop", QuotaRule::Kind::droop); }},
      {"hagenbach-bischoff",
       {},
       "quota V/(S+1), largest remainders",
       [] { return quota_method("hagenbach-bischoff", QuotaRule::Kind::hagenbach_bischoff); }},
      {"imperiali-quota",
       {},
       "quota V/(S+2), largest remainders",
       [] { return quota_method("imperiali-quota", QuotaRule::Kind::imperiali); }},
  };
}

std::vector<MethodDefinition>& registry() {
  static std::vector<MethodDefinition> entries = built_in();
  return entries;
}

// Folds a name as people write it: ASCII letters to lower case, Latin letters with accents to their
// base letter, everything that is not a letter or digit (apostrophes, dashes, spaces) dropped.
std::string folded(std::string_view name) {
  static const std::pair<std::string_view, char> accents[] = {
      {"ë", 'e'}, {"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"Ë", 'e'}, {"É", 'e'}, {"á", 'a'}, {"à", 'a'},
      {"â", 'a'}, {"ä", 'a'}, {"í", 'i'}, {"ï", 'i'}, {"î", 'i'}, {"ó", 'o'}, {"ô", 'o'}, {"ö", 'o'},
      {"ú", 'u'}, {"ü", 'u'}, {"û", 'u'}, {"ç", 'c'}, {"ñ", 'n'}, {"ø", 'o'}, {"å", 'a'}, {"æ", 'a'}};
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    const unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x80) {
      if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
      ++i;
      continue;
    }
    bool matched = false;
    for (const auto& [accented, base] : accents)
      if (name.substr(i, accented.size()) == accented) {
        out += base;
        i += accented.size();
        matched = true;
        break;
      }
    if (!matched) out += name[i++];  // other characters count as written
  }
  return out;
}

bool answers_to(const MethodDefinition& entry, const std::string& wanted) {
  if (folded(entry.name) == wanted) return true;
  return std::any_of(entry.aliases.begin(), entry.aliases.end(),
                     [&](const std::string& alias) { return folded(alias) == wanted; });
}

}  // namespace

Method divisor_method(std::string name, DivisorRule rule) { return {std::move(name), std::move(rule)}; }

bool register_method(MethodDefinition definition) {
  std::vector<std::string> names = definition.aliases;
  names.push_back(definition.name);
  for (const std::string& name : names)
    for (const MethodDefinition& entry : registry())
      if (answers_to(entry, folded(name)))
        throw Error("method '" + name + "' is already registered (as " + entry.name + ")");
  registry().push_back(std::move(definition));
  return true;
}

Method method_by_name(std::string_view name) {
  const std::string wanted = folded(name);
  for (const MethodDefinition& entry : registry())
    if (answers_to(entry, wanted)) return entry.make();
  std::string known;
  for (const std::string& n : method_names()) known += (known.empty() ? "" : ", ") + n;
  throw Error("unknown method '" + std::string(name) + "' (known: " + known + "; or a custom divisor sequence)")
      .with_key("method");
}

std::vector<std::string> method_names() {
  std::vector<std::string> names;
  for (const MethodDefinition& entry : registry()) names.push_back(entry.name);
  return names;
}

std::vector<std::pair<std::string, std::string>> method_aliases() {
  std::vector<std::pair<std::string, std::string>> aliases;
  for (const MethodDefinition& entry : registry())
    for (const std::string& alias : entry.aliases) aliases.emplace_back(alias, entry.name);
  return aliases;
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
