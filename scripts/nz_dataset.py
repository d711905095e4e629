"""What the New Zealand importers share (scripts/import_nz_votelib.py, scripts/import_nz_nzelect.py): the checks a
mixed-member data set must pass before it is written, and the writing of its files (results.csv,
constituencies.csv, districts.csv, election.toml). Each importer reads its own sources and writes its own
QUALITY.md; the numbers of the data set pass only through here."""
import os

from dataset_files import csv_text, sha256, write  # noqa: F401 - the importers take them from here

HOUSE = 120  # Electoral Act 1993, s. 191 (the seats the party vote apportions; overhang comes on top)
NATION = "New Zealand"


def electorates_won(winners):
    """Electorates per party from (electorate, party, votes) winners."""
    won = {}
    for _, party, _ in winners:
        won[party] = won.get(party, 0) + 1
    return won


def seat_checks(votes, won, published, checks, faults):
    """The checks every data set passes: each party with an electorate or a seat has party votes, the published
    seats' total against the 120 of s. 191, and no party with fewer seats than electorates."""
    unknown = sorted(p for p in list(won) + list(published) if p not in votes)
    (faults if unknown else checks).append(
        "every electorate winner's party and every party with seats has party votes"
        + (f" (not: {', '.join(unknown)})" if unknown else "")
    )
    total = sum(published.values())
    checks.append(f"published seats add up to {total} ({total - HOUSE} above the {HOUSE} of s. 191)")
    short = sorted(p for p in published if published[p] < won.get(p, 0))
    (faults if short else checks).append("every party holds at least the electorates it won")


def write_tables(output, votes, published, winners):
    """results.csv (one district: the nation), constituencies.csv and districts.csv."""
    os.makedirs(output, exist_ok=True)
    write(
        os.path.join(output, "results.csv"),
        csv_text(["district", "party", "votes", "published_seats"],
                 [(NATION, p, v, published.get(p, 0)) for p, v in votes.items()]),
    )
    write(
        os.path.join(output, "constituencies.csv"),
        csv_text(["constituency", "region", "winner"], [(name, NATION, party) for name, party, _ in winners]),
    )
    write(os.path.join(output, "districts.csv"), csv_text(["district", "seats", "reserved"], [(NATION, HOUSE, 0)]))


def write_election_toml(output, script, date, manifest_path):
    """election.toml: the date, then the hand-written manifest (name, system, source, caveats) unchanged."""
    with open(manifest_path, encoding="utf-8") as f:
        manifest = f.read()
    write(
        os.path.join(output, "election.toml"),
        f"# Written by {script} from source/ (see QUALITY.md). Do not edit here: edit\n"
        "# source/manifest.toml and re-import; a test checks that the import reproduces this folder.\n"
        f'date = "{date}"\n' + manifest,
    )
