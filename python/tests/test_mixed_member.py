"""Mixed-member systems from Python: a data set's constituencies.csv travels with seatsim.load, and the
allocation is the CLI's (New Zealand 2014: 121 seats, United Future's electorate an overhang seat)."""
import seatsim

from conftest import SOURCE_DIR, cli_csv


def test_new_zealand_2014_as_the_cli_allocates_it():
    data = SOURCE_DIR / "scenarios" / "new-zealand-2014"
    records = seatsim.load(str(data)).allocate()
    seats = dict(zip(records["party"], records["seats"]))
    assert sum(seats.values()) == 121
    assert seats["United Future"] == 1 and seats["National Party"] == 60
    assert {row["party"]: int(row["seats"]) for row in cli_csv("allocate", data)} == seats


def test_constituency_keys_are_keywords():
    data = SOURCE_DIR / "scenarios" / "new-zealand-2014"
    # Without the electorate route, ACT (0.6%), the Māori Party (1.3%) and United Future (0.2%) hold their
    # electorates outside the apportionment: 117 seats apportioned, no overhang, a House of 120.
    records = seatsim.load(str(data)).allocate(constituency_route=0)
    seats = dict(zip(records["party"], records["seats"]))
    assert sum(seats.values()) == 120
    assert seats["United Future"] == 1 and seats["Māori Party"] == 1
