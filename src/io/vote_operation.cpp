#include "seatsim/io/vote_operation.hpp"

#include <algorithm>
#include <iterator>

#include "seatsim/core/error.hpp"
#include "seatsim/io/name_lookup.hpp"

namespace seatsim {
namespace {

constexpr std::string_view kind_names[] = {"transfer", "uniform", "proportional", "turnout", "merge",
                                           "split",    "remove",  "set",          "alliance"};

std::string quoted(const std::string& name) { return "'" + name + "'"; }

std::string percent_or_votes(const VoteOperation& op) {
  return op.share ? format_percent(*op.share) : std::to_string(op.votes.value_or(0)) + " votes";
}

}  // namespace

std::string_view operation_kind_name(OperationKind kind) noexcept { return kind_names[static_cast<std::size_t>(kind)]; }

OperationKind operation_kind_by_name(std::string_view name) {
  for (std::size_t i = 0; i < std::size(kind_names); ++i)
    if (kind_names[i] == name) return static_cast<OperationKind>(i);
  std::vector<std::string> names(std::begin(kind_names), std::end(kind_names));
  std::string known;
  for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
  throw Error("unknown operation kind '" + std::string(name) + "'" + did_you_mean(name, names) + " (known: " + known +
              ")");
}

std::size_t VoteOperation::line_of(std::string_view key) const {
  const auto it = key_lines.find(key);
  return it == key_lines.end() ? line : it->second;
}

std::string VoteOperation::describe() const {
  std::string text;
  switch (kind) {
    case OperationKind::transfer:
      text = "transfer " + percent_or_votes(*this) + (share ? " of " : " from ") + quoted(from) + " to " + quoted(to);
      break;
    case OperationKind::uniform: {
      const Rational p = points.value_or(Rational(0));
      text = "uniform swing: " + quoted(party) + (p.is_negative() ? " loses " : " gains ") +
             (p.is_negative() ? Rational(0) - p : p).to_string() + " percentage points, the others in proportion";
      break;
    }
    case OperationKind::proportional:
      text = "votes of " + quoted(party) + " times " + factor.value_or(Rational(1)).to_string();
      break;
    case OperationKind::turnout:
      text = "turnout: every list's votes times " + factor.value_or(Rational(1)).to_string();
      break;
    case OperationKind::merge:
      text = "merge " + quoted_names(parties) + " into " + quoted(into);
      break;
    case OperationKind::split: {
      text = "split " + quoted(party) + " into ";
      for (std::size_t i = 0; i < parts.size(); ++i)
        text += (i ? ", " : "") + quoted(parts[i].party) + " " + format_percent(parts[i].share);
      break;
    }
    case OperationKind::remove:
      text = "remove " + quoted(party);
      break;
    case OperationKind::set:
      text = constituency.empty() ? "set the votes of " + quoted(party) + " to " + std::to_string(votes.value_or(0))
                                  : "set the winner of constituency " + quoted(constituency) + " to " + quoted(winner);
      break;
    case OperationKind::alliance:
      text = dissolve ? "dissolve the alliance " + quoted(name)
                      : "alliance " + quoted(name) + " of " + quoted_names(parties);
      break;
  }
  if (!districts.empty()) {
    text += " in ";
    for (std::size_t i = 0; i < districts.size(); ++i) text += (i ? ", " : "") + districts[i];
  }
  return text;
}

std::vector<std::string> operation_parameters(OperationKind kind) {
  switch (kind) {
    case OperationKind::transfer:
      return {"share", "votes"};
    case OperationKind::uniform:
      return {"points"};
    case OperationKind::proportional:
    case OperationKind::turnout:
      return {"factor"};
    case OperationKind::set:
      return {"votes"};
    default:
      return {};
  }
}

void set_operation_parameter(VoteOperation& op, const std::string& field, const Rational& value) {
  const std::vector<std::string> fields = operation_parameters(op.kind);
  if (std::find(fields.begin(), fields.end(), field) == fields.end()) {
    std::string known;
    for (const std::string& f : fields) known += (known.empty() ? "" : ", ") + f;
    throw Error("a " + std::string(operation_kind_name(op.kind)) + " operation has no numeric parameter '" + field +
                "'" + (known.empty() ? std::string(" (it has none)") : " (it has: " + known + ")"));
  }
  if (field == "share") {
    op.share = value;
    op.votes.reset();
  } else if (field == "votes") {
    if (!value.is_integer() || value.is_negative())
      throw Error("votes '" + value.to_string() + "' must be a whole number, not negative");
    op.votes = value.num();
    op.share.reset();
  } else if (field == "points") {
    op.points = value;
  } else {
    op.factor = value;
  }
}

}  // namespace seatsim
