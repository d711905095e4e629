// seatsim compare: recompute and compare with the published seats, district by district.
#include <filesystem>
#include <iostream>

#include "command.hpp"
#include "common.hpp"
#include "input_flags.hpp"
#include "seatsim/analysis/comparator.hpp"
#include "seatsim/analysis/party_comparison.hpp"
#include "seatsim/io/party_seats.hpp"
#include "seatsim/kernel/election_allocation.hpp"
#include "seatsim/render/comparison_report.hpp"
#include "seatsim/render/indices_report.hpp"

namespace seatsim::cli {
namespace {

struct CompareCommand {
  std::string input;
  InputFlags reading;
  std::string view = "seats";
  RuleFlags rule;
  OutputFlags output;

  int run() const {
    const Prepared prepared = prepare(input, rule, reading.options());
    if (view == "parties") return run_parties(prepared);
    const Election& election = prepared.input.election;
    const Comparison comparison = compare(election, prepared.rule);
    print_notes(comparison.notes);
    const Meta meta = make_meta("compare", prepared);
    const Format format = chosen_format(output);
    std::string text;
    if (view == "indices") {
      text = render(output, recomputed_and_published_indices(election, allocate(election, prepared.rule)), meta);
    } else if (format == Format::table || format == Format::markdown) {
      const bool markdown = format == Format::markdown;
      text = comparison_report(election, comparison, prepared.input.name, prepared.rule, markdown);
      text += (markdown ? "\n" : "") + output.last_line(meta) + "\n" + (markdown ? "\n" : "");
      text += comparison.summary_line() + "\n";
    } else {
      text = render(output, comparison_table(election, comparison), meta, "results",
                    comparison_to_json(election, comparison));
    }
    emit(output, text);
    if (format == Format::csv || format == Format::json) std::cerr << comparison.summary_line() << '\n';
    return comparison.all_matched() ? 0 : 1;
  }

  // --view parties: seats per party over the whole election against the data set's national.csv, or
  // against the rows' published seats added up.
  int run_parties(const Prepared& prepared) const {
    const Election& election = prepared.input.election;
    Prepared read = prepared;
    std::vector<PublishedPartySeats> published;
    std::string published_file;
    if (!prepared.input.folder.empty()) {
      const std::filesystem::path national = std::filesystem::path(prepared.input.folder) / "national.csv";
      if (std::filesystem::exists(national)) {
        published_file = national.string();
        published = read_party_seats(published_file, read.input.files, reading.options());
      }
    }
    const ElectionOutcome outcome = allocate(election, prepared.rule);
    print_notes(outcome.notes);
    const PartiesComparison comparison = compare_parties(election, outcome, published, published_file);
    Table table;
    table.columns = {"party", "published_seats", "seats", "diff"};
    for (const PartyComparison& p : comparison.parties)
      table.add({p.party, p.published ? Cell(static_cast<long long>(*p.published)) : Cell(""),
                 Cell(static_cast<long long>(p.seats)),
                 p.published ? Cell(static_cast<long long>(p.seats - *p.published)) : Cell("")});
    table.add({"total", Cell(static_cast<long long>(comparison.published_total)),
               Cell(static_cast<long long>(comparison.seats_total)),
               Cell(static_cast<long long>(comparison.seats_total - comparison.published_total))});
    const Meta meta = make_meta("compare", read);
    emit(output, render(output, table, meta, "parties", Json{{"line", comparison.summary_line()}}));
    std::cerr << comparison.summary_line() << '\n';
    return comparison.all_matched() ? 0 : 1;
  }
};

const bool registered = register_command({
    "compare",
    "Recompute and compare with the published seats: where and why they differ",
    20,
    [](CLI::App& app) -> Runner {
      auto command = std::make_shared<CompareCommand>();
      app.footer(
          "Input: a data set (the rule comes from its election.toml, flags override key by key) or a votes CSV "
          "with a published_seats column.\nCSV columns: district,party,votes,published_seats,seats,diff (diff = "
          "seats - published); the last line on stderr is 'districts matched: M/N, seats differing: K'.\n"
          "A file with district_seats and leveling_seats is compared tier by tier (both must match; give the "
          "leveling flags), and the CSV adds published_district_seats,published_leveling_seats,district_seats,"
          "leveling_seats.\n"
          "table and markdown: a line per district, then for each district that differs its lists, the quotients "
          "of the disputed seats, the votes that would have had to move and the first divisors that reproduce "
          "the published seats.\nExit: 0 every district matches, 1 differences found, 2 bad input.\n"
          "--view indices: the disproportionality indices of the recomputed and of the published seats "
          "(basis,level,district,gallagher,...; published rows for the districts with every list's published seats, "
          "the national row when all have; docs/indices.md); the exit code is that of the comparison.\n"
          "--view parties: each party's seats over the whole election against the data set's national.csv "
          "(party,published_seats), or the rows' published seats added up (party,published_seats,seats,diff, then "
          "a total row); the last line on stderr is 'parties matched: M/N, seats differing: K'.\n"
          "Example: seatsim compare scenarios/iraq-2013 --format table");
      add_input(app, command->input);
      add_input_flags(app, command->reading);
      app.add_option("--view", command->view, "What to print: seats (default), indices, parties")
          ->check(CLI::IsMember({"seats", "indices", "parties"}));
      add_rule_flags(app, command->rule);
      add_output_flags(app, command->output);
      return [command] { return command->run(); };
    },
});

}  // namespace
}  // namespace seatsim::cli
