"""Dataset.margins() and Dataset.simulate(): the tables of `seatsim margins` and `seatsim simulate`,
number for number, and their errors with the CLI's messages."""
import warnings

import pytest

import seatsim

from conftest import python_wording, SOURCE_DIR, cli_csv, cli_error, numbers_match

IRAQ = SOURCE_DIR / "scenarios" / "iraq-2013"
WHAT_IF = IRAQ / "what-if"
MARGINS_COLUMNS = ["district", "party", "votes", "seats", "votes_to_gain", "votes_to_lose", "gain_from", "lose_to",
                   "gain_at_lot", "lose_at_lot"]


def quiet(call, *args, **keywords):
    """The call with the CLI's notes (Basra's unfilled reserved seat) silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", seatsim.NoteWarning)
        return call(*args, **keywords)


def as_rows(columns):
    """Columns as the CLI's CSV rows: every value as text, None as an empty field."""
    names = list(columns)
    count = len(columns[names[0]]) if names else 0
    return [{name: "" if columns[name][r] is None else str(columns[name][r]) for name in names} for r in range(count)]


@pytest.fixture(scope="module")
def iraq():
    return seatsim.load(str(IRAQ))


def test_margins_are_the_cli_csv(iraq):
    with pytest.warns(seatsim.NoteWarning, match="Basra"):  # the note the CLI prints
        margins = iraq.margins()
    assert list(margins) == ["lists", "closest", "ranking"]
    assert list(margins["lists"]) == MARGINS_COLUMNS
    assert as_rows(margins["lists"]) == cli_csv("margins", IRAQ)
    for view in ("closest", "ranking"):
        assert as_rows(margins[view]) == cli_csv("margins", IRAQ, "--view", view), view
    # Missing numbers are None, not NaN or "": a list without seats has none to lose.
    lose = margins["lists"]["votes_to_lose"]
    assert [v is None for v in lose] == [s == 0 for s in margins["lists"]["seats"]]


def test_margins_take_rule_keywords_and_scenarios_as_the_cli_does(iraq):
    assert as_rows(quiet(iraq.margins, method="dhondt", first_divisor=1.6)["lists"]) == cli_csv(
        "margins", IRAQ, "--method", "dhondt", "--first-divisor", "1.6")
    for name in ("state-of-law-loses-10pct-baghdad-basra.toml", "threshold-5pct.toml"):  # operations; a [rule]
        scenario = seatsim.load(str(WHAT_IF / name))
        assert as_rows(quiet(scenario.margins)["ranking"]) == cli_csv("margins", WHAT_IF / name, "--view", "ranking")
        assert as_rows(quiet(scenario.margins, ties="fewer-votes")["lists"]) == cli_csv(
            "margins", WHAT_IF / name, "--ties", "fewer-votes")


def test_margins_go_into_pandas_as_is(iraq):
    pandas = pytest.importorskip("pandas")
    lists = pandas.DataFrame(quiet(iraq.margins)["lists"])
    assert list(lists.columns) == MARGINS_COLUMNS and len(lists) == len(iraq.votes()["party"])
    assert lists["seats"].dtype.kind == "i" and lists["seats"].sum() == quiet(iraq.allocate)["seats"].sum()
    assert lists["votes_to_lose"].isna().sum() == (lists["seats"] == 0).sum()  # None: nothing to lose


def test_simulate_summary_is_the_cli_summary(iraq):
    arguments = ["simulate", IRAQ, "--draws", "200", "--noise", "dirichlet:500", "--seed", "7"]
    tables = quiet(iraq.simulate, 200, "dirichlet:500", 7)
    assert list(tables) == ["summary", "coalitions", "districts", "histogram"]
    numbers_match(tables["summary"], cli_csv(*arguments, "--view", "summary"))
    # The CLI's CSV without a view is the summary too, as in every format; --view histogram gives the
    # long histogram (level, district, party, seats, ...), whose national rows are the summary's distributions.
    numbers_match(tables["summary"], cli_csv(*arguments))
    histogram = cli_csv(*arguments, "--view", "histogram")
    numbers_match(tables["histogram"], histogram)
    assert {row["level"] for row in histogram} == {"national", "district"}
    numbers_match(tables["districts"], cli_csv(*arguments, "--view", "districts"))
    # The draws depend on (seed, draw, district) only: threads change nothing.
    assert quiet(iraq.simulate, 200, "dirichlet:500", seed=7, threads=2)["summary"]["mean"].tolist() == \
        tables["summary"]["mean"].tolist()


def test_simulate_coalitions_and_rule_keywords_as_the_cli(iraq):
    coalition = "State of Law Coalition+Citizens Alliance"
    tables = quiet(iraq.simulate, 50, "swing:2", seed=3, coalitions=[coalition], method="dhondt")
    arguments = ["simulate", IRAQ, "--draws", "50", "--noise", "swing:2", "--seed", "3", "--coalition", coalition,
                 "--method", "dhondt"]
    numbers_match(tables["coalitions"], cli_csv(*arguments, "--view", "coalitions"))
    numbers_match(tables["summary"], cli_csv(*arguments, "--view", "summary"))
    assert tables["coalitions"]["coalition"] == [coalition]


def test_simulate_errors_carry_the_cli_message(iraq):
    for noise in ("gauss:3", "dirichlet:0", "swing:x"):
        with pytest.raises(seatsim.Error) as raised:
            iraq.simulate(10, noise, 1)
        assert str(raised.value) == python_wording(cli_error("simulate", IRAQ, "--draws", "10", "--noise", noise, "--seed", "1"))
    with pytest.raises(seatsim.Error) as raised:
        iraq.simulate(0, "multinomial")
    assert str(raised.value) == python_wording(cli_error("simulate", IRAQ, "--draws", "0", "--noise", "multinomial"))
    with pytest.raises(seatsim.Error) as raised:
        quiet(iraq.simulate, 5, "multinomial", coalitions=["Nobody+Muttahidoon"])
    assert str(raised.value) == python_wording(cli_error("simulate", IRAQ, "--draws", "5", "--noise", "multinomial", "--coalition",
                                          "Nobody+Muttahidoon"))


def test_analyses_refuse_what_the_cli_refuses(tmp_path):
    votes = tmp_path / "v.csv"
    votes.write_text("party,votes\nBlue,45000\nGreen,21000\nRed,17500\n")
    loaded = seatsim.load(str(votes))
    with pytest.raises(seatsim.Error) as raised:
        loaded.margins()
    assert str(raised.value) == python_wording(cli_error("margins", votes))
    assert as_rows(loaded.margins(seats=11)["lists"]) == cli_csv("margins", votes, "--seats", "11")
    sweep = WHAT_IF / "first-divisor-sweep.toml"
    with pytest.raises(seatsim.Error) as raised:
        seatsim.load(str(sweep)).margins()
    assert str(raised.value) == python_wording(cli_error("margins", sweep))
