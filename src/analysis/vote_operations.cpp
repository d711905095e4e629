#include "seatsim/analysis/vote_operations.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "seatsim/core/checked_arithmetic.hpp"
#include "seatsim/core/error.hpp"
#include "seatsim/io/name_lookup.hpp"

namespace seatsim {
namespace {

// Products of votes (< 10^12) and decimal denominators fit in 128 bits in every realistic case;
// the rest is reported rather than wrapped. In i128 whatever the arguments' types.
i128 mul(i128 a, i128 b) { return checked_mul(a, b); }
i128 add(i128 a, i128 b) { return checked_add(a, b); }
i128 abs128(i128 a) { return a < 0 ? -a : a; }
i128 gcd128(i128 a, i128 b) {
  a = abs128(a), b = abs128(b);
  while (b != 0) {
    const i128 t = a % b;
    a = b;
    b = t;
  }
  return a == 0 ? 1 : a;
}

// A sum of fractions kept exact while it fits, and as a long double beside it for display.
class RoundingSum {
 public:
  void add_fraction(i128 num, i128 den) {
    approx_ += static_cast<long double>(num) / static_cast<long double>(den);
    if (!exact_) return;
    try {
      const i128 n = add(mul(num_, den), mul(num, den_));
      const i128 d = mul(den_, den);
      const i128 g = gcd128(n, d);
      num_ = n / g, den_ = d / g;
    } catch (const ArithmeticOverflow&) {
      exact_ = false;
    }
  }
  // The sum as a Rational; false when it is only approximate (rounded to 10^-9).
  bool to_rational(Rational& out) const {
    constexpr i128 limit = static_cast<i128>(std::numeric_limits<std::int64_t>::max());
    if (exact_ && abs128(num_) <= limit && den_ <= limit) {
      out = Rational(static_cast<std::int64_t>(num_), static_cast<std::int64_t>(den_));
      return true;
    }
    out = Rational(static_cast<std::int64_t>(std::llround(approx_ * 1e9L)), 1'000'000'000);
    return false;
  }

 private:
  i128 num_ = 0, den_ = 1;
  long double approx_ = 0;
  bool exact_ = true;
};

std::string quoted(const std::string& name) { return "'" + name + "'"; }

// The operation being applied: its messages name it and the line of the key at fault.
struct Context {
  const VoteOperation& op;
  std::size_t index;
  const OperationOptions& options;

  std::string label() const {
    return "operation " + std::to_string(index) + " (" + std::string(operation_kind_name(op.kind)) + ")";
  }
  [[noreturn]] void fail(std::string_view key, const std::string& what) const {
    throw Error(op.source, op.line_of(key), label() + ": " + what);
  }
};

std::size_t find_list(const District& district, const std::string& party) {
  for (std::size_t i = 0; i < district.lists.size(); ++i)
    if (district.lists[i].party == party) return i;
  return district.lists.size();
}
bool has_list(const District& district, const std::string& party) {
  return find_list(district, party) < district.lists.size();
}

// The districts an operation covers, in the election's order.
std::vector<std::size_t> covered_districts(const Election& election, const Context& ctx) {
  std::vector<std::size_t> covered;
  if (ctx.op.districts.empty()) {
    for (std::size_t d = 0; d < election.districts.size(); ++d) covered.push_back(d);
    return covered;
  }
  std::vector<std::string> names;
  for (const District& district : election.districts) names.push_back(district.name);
  std::set<std::size_t> chosen;
  for (const std::string& wanted : ctx.op.districts) {
    const auto it = std::find(names.begin(), names.end(), wanted);
    if (it == names.end()) ctx.fail("districts", "no district " + quoted(wanted) + did_you_mean(wanted, names));
    chosen.insert(static_cast<std::size_t>(it - names.begin()));
  }
  return {chosen.begin(), chosen.end()};
}

// A list named by the operation must run in at least one district it covers: a name that
// matches nothing is a typo, never a silent no-op.
void require_list(const Election& election, const std::vector<std::size_t>& covered, const std::string& party,
                  std::string_view key, const Context& ctx) {
  std::vector<std::string> names;
  for (const std::size_t d : covered) {
    for (const ListResult& list : election.districts[d].lists) {
      if (list.party == party) return;
      names.push_back(list.party);
    }
  }
  const std::string where = ctx.op.districts.empty() ? "any district" : "the districts it covers";
  ctx.fail(key, "no list " + quoted(party) + " in " + where + did_you_mean(party, names));
}

// Edits one district: every new value is exact (num/den) and rounded half to even here.
class DistrictEdit {
 public:
  DistrictEdit(District& district, const Context& ctx) : district_(district), ctx_(ctx) {
    effect_.district = district.name;
    effect_.votes_before = district.total_votes();
  }

  std::int64_t votes(std::size_t list) const { return district_.lists[list].votes; }

  void set_exact(std::size_t list, i128 num, i128 den) {
    if (num < 0)
      ctx_.fail(key_for_negative(), "would make the votes of " + quoted(district_.lists[list].party) + " negative in " +
                                        district_.name + clamp_hint());
    const i128 rounded = round_half_even(num, den);
    if (rounded > max_votes)
      ctx_.fail(key_for_negative(), "would give " + quoted(district_.lists[list].party) + " more than " +
                                        std::to_string(max_votes) + " votes in " + district_.name);
    const i128 difference = mul(rounded, den) - num;  // (rounded − exact)·den
    if (difference != 0) {
      moved_.add_fraction(abs128(difference), den);
      net_.add_fraction(difference, den);
    }
    district_.lists[list].votes = static_cast<std::int64_t>(rounded);
  }
  void set_votes(std::size_t list, i128 votes) { set_exact(list, votes, 1); }
  void mark_clamped() { effect_.clamped = true; }

  DistrictEffect finish() {
    effect_.votes_after = district_.total_votes();
    const bool exact_moved = moved_.to_rational(effect_.rounding_moved);
    const bool exact_net = net_.to_rational(effect_.rounding_net);
    effect_.rounding_approximate = !exact_moved || !exact_net;
    return effect_;
  }

  District& district() { return district_; }

 private:
  std::string_view key_for_negative() const {
    switch (ctx_.op.kind) {
      case OperationKind::transfer:
        return ctx_.op.votes ? "votes" : "share";
      case OperationKind::uniform:
        return "points";
      case OperationKind::proportional:
      case OperationKind::turnout:
        return "factor";
      default:
        return "kind";
    }
  }
  static std::string clamp_hint() { return " (set clamp = true to cap the change at zero votes)"; }

  District& district_;
  const Context& ctx_;
  DistrictEffect effect_;
  RoundingSum moved_, net_;
};

void require_share(const Rational& share, std::string_view key, const Context& ctx) {
  if (share.is_negative()) ctx.fail(key, "share " + format_percent(share) + " is negative");
  if (share > Rational(1)) ctx.fail(key, "share " + format_percent(share) + " is above 100%");
}

bool transfer_in(DistrictEdit& edit, const Context& ctx) {
  const VoteOperation& op = ctx.op;
  District& district = edit.district();
  const std::size_t from = find_list(district, op.from), to = find_list(district, op.to);
  const i128 v_from = edit.votes(from), v_to = edit.votes(to);
  if (op.share) {
    // moved = v_from·a/b exactly: from keeps v_from·(b−a)/b, to gets v_to + v_from·a/b.
    const i128 a = op.share->num(), b = op.share->den();
    edit.set_exact(from, mul(v_from, b - a), b);
    edit.set_exact(to, add(mul(v_to, b), mul(v_from, a)), b);
    return true;
  }
  i128 moved = *op.votes;
  if (moved > v_from) {
    if (!ctx.options.clamp)
      ctx.fail("votes", "would take " + std::to_string(*op.votes) + " votes from " + quoted(op.from) + " in " +
                            district.name + ", which has " + std::to_string(static_cast<std::int64_t>(v_from)) +
                            " (set clamp = true to move only what it has)");
    moved = v_from;
    edit.mark_clamped();
  }
  edit.set_votes(from, v_from - moved);
  edit.set_votes(to, v_to + moved);
  return true;
}

bool uniform_in(DistrictEdit& edit, const Context& ctx) {
  const VoteOperation& op = ctx.op;
  District& district = edit.district();
  const std::size_t party = find_list(district, op.party);
  const i128 total = district.total_votes(), v_party = edit.votes(party), others = total - v_party;
  // gain g = total·a/(100·b): the party's share rises by a/b points, the others give g in
  // proportion to their votes: v_i·(1 − g/others) = v_i·(100·b·others − total·a)/(100·b·others).
  const i128 a = op.points->num(), b = mul(100, op.points->den());
  const bool too_much = mul(total, a) > mul(b, others);             // g > others
  const bool below_zero = add(mul(v_party, b), mul(total, a)) < 0;  // v_party + g < 0
  if (others == 0 && a != 0 && !ctx.options.clamp)
    ctx.fail("points", "no other list has votes in " + district.name + " to take points from or give them to" +
                           " (set clamp = true to leave the district unchanged)");
  if ((too_much || below_zero) && others != 0 && !ctx.options.clamp)
    ctx.fail("points", "would take the share of " + quoted(op.party) + " in " + district.name +
                           (too_much ? " above 100%" : " below 0%") +
                           " and make votes negative (set clamp = true to stop at 0% or 100%)");
  if (others == 0 || a == 0) {
    if (a != 0) edit.mark_clamped();
    return true;
  }
  if (too_much || below_zero) {
    edit.mark_clamped();
    // Capped: the party takes every vote (100%) or gives all of its own (0%).
    for (std::size_t i = 0; i < district.lists.size(); ++i) {
      if (i == party) {
        edit.set_votes(i, too_much ? total : 0);
      } else if (below_zero) {
        edit.set_exact(i, mul(edit.votes(i), total), others);
      } else {
        edit.set_votes(i, 0);
      }
    }
    return true;
  }
  const i128 keep = mul(b, others) - mul(total, a);
  const i128 others_den = mul(b, others);
  for (std::size_t i = 0; i < district.lists.size(); ++i) {
    if (i == party)
      edit.set_exact(i, add(mul(v_party, b), mul(total, a)), b);
    else
      edit.set_exact(i, mul(edit.votes(i), keep), others_den);
  }
  return true;
}

void scale_list(DistrictEdit& edit, std::size_t list, const Rational& factor, const Context& ctx) {
  if (factor.is_negative() && edit.votes(list) > 0) {
    if (!ctx.options.clamp)
      ctx.fail("factor", "factor " + factor.to_string() + " would make the votes of " +
                             quoted(edit.district().lists[list].party) + " negative in " + edit.district().name +
                             " (set clamp = true to set them to zero)");
    edit.mark_clamped();
    edit.set_votes(list, 0);
    return;
  }
  edit.set_exact(list, mul(edit.votes(list), factor.num()), factor.den());
}

bool merge_in(DistrictEdit& edit, const Context& ctx) {
  const VoteOperation& op = ctx.op;
  District& district = edit.district();
  std::vector<std::size_t> members;
  for (std::size_t i = 0; i < district.lists.size(); ++i) {
    const std::string& party = district.lists[i].party;
    if (party == op.into || std::find(op.parties.begin(), op.parties.end(), party) != op.parties.end())
      members.push_back(i);
  }
  const bool any_named = std::any_of(members.begin(), members.end(), [&](std::size_t i) {
    return std::find(op.parties.begin(), op.parties.end(), district.lists[i].party) != op.parties.end();
  });
  if (!any_named) return false;
  for (const std::size_t i : members)
    if (district.lists[i].quota_group != district.lists[members.front()].quota_group)
      ctx.fail("parties", "cannot merge lists of different quota groups in " + district.name + " (" +
                              quoted(district.lists[members.front()].party) + " and " +
                              quoted(district.lists[i].party) + ")");
  i128 sum = 0;
  for (const std::size_t i : members) sum += district.lists[i].votes;
  const std::size_t keep = members.front();
  ListResult& merged = district.lists[keep];
  merged.party = op.into;
  merged.published_seats.reset();
  merged.published_district_seats.reset();
  merged.published_leveling_seats.reset();
  edit.set_votes(keep, sum);
  for (auto it = members.rbegin(); it != members.rend(); ++it)
    if (*it != keep) district.lists.erase(district.lists.begin() + static_cast<std::ptrdiff_t>(*it));
  return true;
}

bool split_in(DistrictEdit& edit, const Context& ctx) {
  const VoteOperation& op = ctx.op;
  District& district = edit.district();
  const std::size_t source = find_list(district, op.party);
  const i128 votes = district.lists[source].votes;
  Rational assigned(0);
  for (const SplitPart& part : op.parts) assigned = assigned + part.share;
  const Rational rest = Rational(1) - assigned;
  const ListResult original = district.lists[source];
  std::size_t insert_at = source + 1;
  for (const SplitPart& part : op.parts) {
    std::size_t target = find_list(district, part.party);
    i128 num = mul(votes, part.share.num()), den = part.share.den();
    if (target == district.lists.size()) {
      ListResult created;
      created.party = part.party;
      created.quota_group = original.quota_group;
      created.line = original.line;
      district.lists.insert(district.lists.begin() + static_cast<std::ptrdiff_t>(insert_at), created);
      target = insert_at++;
    } else {
      if (district.lists[target].quota_group != original.quota_group)
        ctx.fail("into", quoted(part.party) + " belongs to another quota group than " + quoted(op.party) + " in " +
                             district.name);
      num = add(num, mul(district.lists[target].votes, den));  // an existing list keeps its place
    }
    edit.set_exact(target, num, den);
  }
  const std::size_t kept = find_list(district, op.party);
  if (rest.is_zero()) {
    district.lists.erase(district.lists.begin() + static_cast<std::ptrdiff_t>(kept));
  } else {
    edit.set_exact(kept, mul(votes, rest.num()), rest.den());
  }
  return true;
}

// Forms or dissolves an alliance in one district; the votes stay as they are.
bool alliance_in(District& district, const Context& ctx, std::string& skipped) {
  const VoteOperation& op = ctx.op;
  if (op.dissolve) {
    if (dissolve_alliance(district.alliances, op.name)) return true;
    skipped = district.name + ": no alliance " + quoted(op.name);
    return false;
  }
  for (const std::string& party : op.parties)
    if (!has_list(district, party)) {
      skipped = district.name + ": no list " + quoted(party);
      return false;
    }
  try {
    for (const std::string& party : op.parties) join_alliance(district.alliances, op.name, {}, party, op.line);
  } catch (const Error& error) {
    ctx.fail("parties", district.name + ": " + error.message() + " (dissolve the other alliance first)");
  }
  return true;
}

bool apply_in(DistrictEdit& edit, const Context& ctx, std::string& skipped) {
  const VoteOperation& op = ctx.op;
  District& district = edit.district();
  const auto need = [&](const std::string& party) {
    if (has_list(district, party)) return true;
    skipped = district.name + ": no list " + quoted(party);
    return false;
  };
  switch (op.kind) {
    case OperationKind::transfer:
      return need(op.from) && need(op.to) && transfer_in(edit, ctx);
    case OperationKind::uniform:
      return need(op.party) && uniform_in(edit, ctx);
    case OperationKind::proportional:
      if (!need(op.party)) return false;
      scale_list(edit, find_list(district, op.party), *op.factor, ctx);
      return true;
    case OperationKind::turnout:
      for (std::size_t i = 0; i < district.lists.size(); ++i) scale_list(edit, i, *op.factor, ctx);
      return true;
    case OperationKind::merge:
      return merge_in(edit, ctx);
    case OperationKind::split:
      return need(op.party) && split_in(edit, ctx);
    case OperationKind::remove:
      if (!need(op.party)) return false;
      district.lists.erase(district.lists.begin() + static_cast<std::ptrdiff_t>(find_list(district, op.party)));
      return true;
    case OperationKind::set:
      if (!need(op.party)) return false;
      edit.set_votes(find_list(district, op.party), *op.votes);
      return true;
    case OperationKind::alliance:
      return alliance_in(district, ctx, skipped);
  }
  return false;
}

// What every operation needs before it touches a district: its parameters present and in range,
// the lists it names running somewhere it applies.
void check_operation(const Election& election, const std::vector<std::size_t>& covered, const Context& ctx) {
  const VoteOperation& op = ctx.op;
  const auto require = [&](bool present, std::string_view key) {
    if (!present) ctx.fail("kind", "needs '" + std::string(key) + "'");
  };
  switch (op.kind) {
    case OperationKind::transfer:
      require(!op.from.empty(), "from");
      require(!op.to.empty(), "to");
      if (op.share.has_value() == op.votes.has_value()) ctx.fail("kind", "needs either 'share' or 'votes'");
      if (op.from == op.to) ctx.fail("to", "moves votes from " + quoted(op.from) + " to itself");
      if (op.share) require_share(*op.share, "share", ctx);
      if (op.votes && *op.votes < 0) ctx.fail("votes", "votes must not be negative");
      require_list(election, covered, op.from, "from", ctx);
      require_list(election, covered, op.to, "to", ctx);
      break;
    case OperationKind::uniform:
      require(!op.party.empty(), "party");
      require(op.points.has_value(), "points");
      if (*op.points > Rational(100) || *op.points < Rational(-100))
        ctx.fail("points", "points " + op.points->to_string() + " are beyond ±100 percentage points");
      require_list(election, covered, op.party, "party", ctx);
      break;
    case OperationKind::proportional:
      require(!op.party.empty(), "party");
      require(op.factor.has_value(), "factor");
      require_list(election, covered, op.party, "party", ctx);
      break;
    case OperationKind::turnout:
      require(op.factor.has_value(), "factor");
      break;
    case OperationKind::merge: {
      if (op.parties.empty()) ctx.fail("kind", "needs 'parties'");
      require(!op.into.empty(), "into");
      std::set<std::string> named;
      for (const std::string& party : op.parties)
        if (!named.insert(party).second) ctx.fail("parties", quoted(party) + " is named twice in 'parties'");
      if (op.parties.size() == 1 && op.parties.front() == op.into)
        ctx.fail("into", "merges " + quoted(op.into) + " into itself");
      for (const std::string& party : op.parties) require_list(election, covered, party, "parties", ctx);
      break;
    }
    case OperationKind::split: {
      require(!op.party.empty(), "party");
      if (op.parts.empty()) ctx.fail("kind", "needs 'into'");
      Rational sum(0);
      std::set<std::string> seen;
      for (const SplitPart& part : op.parts) {
        require_share(part.share, "into", ctx);
        if (part.party == op.party)
          ctx.fail("into", quoted(op.party) + " keeps what the parts do not take; do not name it in 'into'");
        if (!seen.insert(part.party).second) ctx.fail("into", quoted(part.party) + " is named twice");
        sum = sum + part.share;
      }
      if (sum > Rational(1)) ctx.fail("into", "the shares add up to " + format_percent(sum) + ", above 100%");
      require_list(election, covered, op.party, "party", ctx);
      break;
    }
    case OperationKind::remove:
      require(!op.party.empty(), "party");
      require_list(election, covered, op.party, "party", ctx);
      break;
    case OperationKind::set:
      require(!op.party.empty(), "party");
      require(op.votes.has_value(), "votes");
      if (*op.votes < 0 || *op.votes > max_votes)
        ctx.fail("votes", "votes must be between 0 and " + std::to_string(max_votes));
      require_list(election, covered, op.party, "party", ctx);
      break;
    case OperationKind::alliance: {
      require(!op.name.empty(), "name");
      if (op.dissolve) {
        if (!op.parties.empty()) ctx.fail("parties", "dissolving an alliance names no lists");
        break;
      }
      if (op.parties.empty()) ctx.fail("kind", "needs 'parties' (or dissolve = true)");
      std::set<std::string> named;
      for (const std::string& party : op.parties)
        if (!named.insert(party).second) ctx.fail("parties", quoted(party) + " is named twice in 'parties'");
      for (const std::string& party : op.parties) require_list(election, covered, party, "parties", ctx);
      break;
    }
  }
}

}  // namespace

double OperationReport::rounding_moved() const noexcept {
  double sum = 0;
  for (const DistrictEffect& effect : districts) sum += effect.rounding_moved.to_double();
  return sum;
}

bool OperationReport::clamped() const noexcept {
  return std::any_of(districts.begin(), districts.end(), [](const DistrictEffect& e) { return e.clamped; });
}

i128 round_half_even(i128 num, i128 den) noexcept {
  i128 q = num / den, r = num % den;
  if (r < 0) r += den, q -= 1;  // floor division
  if (2 * r > den || (2 * r == den && q % 2 != 0)) ++q;
  return q;
}

namespace {

// Applies `op` to `election` in place; on an error the election is left half-changed.
// set, for a mixed-member election: a constituency's new winner, a party of the votes or an independent
// (written as in constituencies.csv, seatsim/io/constituencies_file.hpp; that header is not included here
// because its <iomanip> would make std::quoted compete with this file's quoted()).
void set_constituency_winner(Election& election, const Context& ctx) {
  constexpr std::string_view independent_prefix = "independent:";
  const VoteOperation& op = ctx.op;
  std::vector<std::string> names;
  for (const ConstituencyResult& c : election.constituencies) names.push_back(c.name);
  const auto it = std::find(names.begin(), names.end(), op.constituency);
  if (it == names.end())
    ctx.fail("constituency",
             "no constituency " + quoted(op.constituency) + " in the data" + did_you_mean(op.constituency, names));
  ConstituencyResult& c = election.constituencies[static_cast<std::size_t>(it - names.begin())];
  const bool independent = op.winner.rfind(independent_prefix, 0) == 0;
  if (independent && op.winner.size() == independent_prefix.size())
    ctx.fail("winner", "an independent winner needs a name: 'independent:NAME'");
  if (!independent) {
    std::vector<std::string> parties;
    for (const District& district : election.districts)
      for (const ListResult& list : district.lists) parties.push_back(list.party);
    if (std::find(parties.begin(), parties.end(), op.winner) == parties.end())
      ctx.fail("winner", quoted(op.winner) + " is no party of the votes" + did_you_mean(op.winner, parties) +
                             "; write 'independent:" + op.winner + "' for a candidate without a party");
  }
  c.independent = independent;
  c.winner = independent ? op.winner.substr(independent_prefix.size()) : op.winner;
  c.winner_votes.reset();  // the counts were the old winner's
  c.valid_votes.reset();
}

OperationReport apply_in_place(Election& election, const VoteOperation& op, std::size_t index,
                               const OperationOptions& options) {
  const Context ctx{op, index, options};
  OperationReport report;
  report.index = index;
  report.description = op.describe();
  if (op.kind == OperationKind::set && !op.constituency.empty()) {
    set_constituency_winner(election, ctx);
    return report;
  }
  const std::vector<std::size_t> covered = covered_districts(election, ctx);
  check_operation(election, covered, ctx);
  try {
    for (const std::size_t d : covered) {
      DistrictEdit edit(election.districts[d], ctx);
      std::string skipped;
      if (apply_in(edit, ctx, skipped))
        report.districts.push_back(edit.finish());
      else if (!skipped.empty())
        report.skipped.push_back(skipped);
    }
  } catch (const ArithmeticOverflow&) {
    ctx.fail("kind", "numbers too large for exact arithmetic (votes times the denominators of its parameters)");
  }
  if (report.districts.empty() && op.kind == OperationKind::transfer)
    ctx.fail("from", quoted(op.from) + " and " + quoted(op.to) + " do not run together in any district it covers");
  if (report.districts.empty() && op.kind == OperationKind::alliance)
    ctx.fail(op.dissolve ? "name" : "parties",
             op.dissolve ? "no alliance " + quoted(op.name) + " in any district it covers"
                         : quoted_names(op.parties) + " do not run together in any district it covers");
  return report;
}

}  // namespace

OperationReport apply_operation(Election& election, const VoteOperation& op, std::size_t index,
                                const OperationOptions& options) {
  Election changed = election;  // all or nothing: the caller's election stays as it was on an error
  OperationReport report = apply_in_place(changed, op, index, options);
  election = std::move(changed);
  return report;
}

AppliedOperations apply_operations(Election election, std::span<const VoteOperation> operations,
                                   const OperationOptions& options) {
  AppliedOperations applied{std::move(election), {}};
  for (std::size_t i = 0; i < operations.size(); ++i)
    applied.reports.push_back(apply_in_place(applied.election, operations[i], i + 1, options));
  return applied;
}

}  // namespace seatsim
