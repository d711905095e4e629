"""seatsim.load: data sets and votes files, with the CLI's rule layering; records pandas takes as is."""
import csv
import io
import os
import runpy
import warnings
from pathlib import Path

import numpy as np
import pytest

import seatsim

from conftest import python_wording, SOURCE_DIR, cli_csv, cli_error, run_cli


@pytest.fixture
def dataset(tmp_path):
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "election.toml").write_text(
        'name = "Test set"\ncaveats = ["made up"]\n[rule]\nmethod = "sainte-lague"\nfirst_divisor = "1.4"\n')
    (folder / "results.csv").write_text(
        "district,party,votes,published_seats\n"
        "North,A,45,2\nNorth,B,21,0\nNorth,\"C, the third\",9,0\n"
        "South,A,1000,1\nSouth,B,3000,2\nSouth,C,1500,1\n")
    (folder / "districts.csv").write_text("district,seats\nNorth,2\nSouth,4\n")
    return folder


def records_from_cli(*args):
    rows = cli_csv("allocate", *args)
    return {column: [row[column] for row in rows] for column in ("district", "party", "votes", "seats", "tie")}


def as_cli_text(records):
    return {
        "district": list(records["district"]),
        "party": list(records["party"]),
        "votes": [str(v) for v in records["votes"]],
        "seats": [str(v) for v in records["seats"]],
        "tie": ["tie" if t else "" for t in records["tie"]],
    }


def test_round_trip_against_the_cli_csv(dataset):
    loaded = seatsim.load(str(dataset))
    assert loaded.name == "Test set" and loaded.caveats == ["made up"]
    assert loaded.districts == ["North", "South"]
    assert loaded.rule["first_divisor"] == "1.4"
    with pytest.warns(seatsim.TieWarning):  # North: 45/3 = 21/1.4
        assert as_cli_text(loaded.allocate()) == records_from_cli(dataset)
    for keywords, flags in ((dict(method="dhondt"), ["--method", "dhondt"]),
                            (dict(first_divisor=1.6), ["--first-divisor", "1.6"]),
                            (dict(threshold=0.2, threshold_scope="national"),
                             ["--threshold", "20%", "--threshold-scope", "national"]),
                            (dict(ties="fewer-votes"), ["--ties", "fewer-votes"]),
                            (dict(divisors=[1, 2, 3]), ["--divisors", "1,2,3"])):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", seatsim.TieWarning)
            assert as_cli_text(loaded.allocate(**keywords)) == records_from_cli(dataset, *flags), keywords


def test_a_votes_file_with_seats(tmp_path):
    votes = tmp_path / "v.csv"
    votes.write_text("party,votes\nBlue,45000\nGreen,21000\nRed,17500\n")
    loaded = seatsim.load(str(votes))
    assert as_cli_text(loaded.allocate(seats=11)) == records_from_cli(votes, "--seats", "11")
    assert loaded.votes()["published_seats"] == [None, None, None]
    with pytest.raises(seatsim.Error) as raised:
        loaded.allocate()
    assert str(raised.value) == python_wording(cli_error("allocate", votes))


def test_load_errors_carry_the_cli_message(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("party,votes\nA,10\nB,-3\n")
    for path in (bad, tmp_path / "missing.csv"):
        with pytest.raises(seatsim.Error) as raised:
            seatsim.load(str(path))
        assert str(raised.value) == python_wording(cli_error("allocate", path, "--seats", "2"))
    with pytest.raises(seatsim.Error, match="unknown keyword 'sets'"):
        seatsim.load(str(bad.with_name("ok.csv")) if bad.with_name("ok.csv").write_text("party,votes\nA,1\n")
                     else "").allocate(sets=3)


def test_records_are_columns_pandas_takes_as_is(dataset):
    pandas = pytest.importorskip("pandas")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", seatsim.TieWarning)
        frame = pandas.DataFrame(seatsim.load(str(dataset)).allocate())
    assert list(frame.columns) == ["district", "party", "votes", "seats", "tie"]
    assert frame["seats"].sum() == 6
    assert frame.groupby("district")["seats"].sum().to_dict() == {"North": 2, "South": 4}
    votes = pandas.DataFrame(seatsim.load(str(dataset)).votes())
    assert votes["published_seats"].sum() == 6


def test_the_readme_pandas_example_runs(capsys):
    pytest.importorskip("pandas")
    cwd = os.getcwd()
    os.chdir(SOURCE_DIR)
    try:
        runpy.run_path(str(Path(__file__).resolve().parents[1] / "examples" / "pandas_example.py"))
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    assert "State of Law Coalition" in out and "published_seats" in out
    assert "districts matched: " in out


def compare_from_cli(*args):
    status, out, err = run_cli("compare", *args, "--format", "csv")
    assert status in (0, 1), err
    rows = list(csv.DictReader(io.StringIO(out)))
    return {column: [row[column] for row in rows] for column in rows[0]}, err.strip().splitlines()[-1]


def as_text(columns):
    return {name: ["" if v is None else str(v) for v in values] for name, values in columns.items()}


def test_compare_round_trip_against_the_cli(dataset):
    loaded = seatsim.load(str(dataset))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", seatsim.TieWarning)
        for keywords, flags in ((dict(), []), (dict(method="dhondt"), ["--method", "dhondt"])):
            expected, summary = compare_from_cli(dataset, *flags)
            columns = loaded.compare(**keywords)
            assert list(columns) == ["district", "party", "votes", "published_seats", "seats", "diff"]
            assert as_text(columns) == expected
            assert loaded.compare_summary(**keywords) == summary


def test_compare_on_the_iraq_data_set_keeps_blanks_as_none():
    pandas = pytest.importorskip("pandas")
    iraq = seatsim.load(str(SOURCE_DIR / "scenarios" / "iraq-2013"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = pandas.DataFrame(iraq.compare())
        expected, summary = compare_from_cli(SOURCE_DIR / "scenarios" / "iraq-2013")
        assert as_text(iraq.compare()) == expected
    assert frame["seats"].sum() == 447 - 1  # Basra's Christian reserved seat stays unfilled
    assert frame["published_seats"].isna().sum() >= 1  # Saladin's blank seat cell
    assert iraq.compare_summary() == summary
    assert len(iraq.caveats) >= 1
    notes = [w for w in caught if issubclass(w.category, seatsim.NoteWarning)]
    assert any("reserved seat(s) stay unfilled" in str(w.message) for w in notes)
    assert not any(issubclass(w.category, seatsim.TieWarning) and "reserved" in str(w.message) for w in notes)


WHAT_IF = SOURCE_DIR / "scenarios" / "iraq-2013" / "what-if"


def cli_rows(*args):
    status, out, err = run_cli(*args, "--format", "csv")
    assert status == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def test_a_scenario_file_loads_as_its_election_under_its_rule():
    scenario = WHAT_IF / "first-divisor-1.6.toml"
    loaded = seatsim.load(str(scenario))
    expected = [row for row in cli_rows("scenario", scenario) if row["level"] == "district"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", seatsim.NoteWarning)
        seats = loaded.allocate()
    assert [(r["district"], r["party"], r["votes"], r["seats"]) for r in expected] == \
        list(zip(seats["district"], seats["party"], map(str, seats["votes"]), map(str, seats["seats"])))
    assert str(scenario) in [f["path"] for f in loaded.files]


def test_a_scenario_sweep_and_its_break_points_as_the_cli_writes_them():
    scenario = WHAT_IF / "first-divisor-sweep.toml"
    loaded = seatsim.load(str(scenario))
    for keywords, flags in ((dict(), []), (dict(break_points=True), ["--break-points"])):
        rows = cli_rows("scenario", scenario, *flags)
        columns = loaded.sweep(**keywords)
        assert as_text(columns) == {name: [row[name] for row in rows] for name in rows[0]}
    with pytest.raises(seatsim.Error, match="not a scenario with a"):
        seatsim.load(str(WHAT_IF / "first-divisor-1.6.toml")).sweep()


def test_a_sweep_of_an_operation_parameter_loads_and_sweeps():
    # najaf-last-seat.toml leaves the transfer's votes to its sweep: the loaded election is the base's.
    scenario = WHAT_IF / "najaf-last-seat.toml"
    loaded = seatsim.load(str(scenario))
    rows = cli_rows("scenario", scenario, "--break-points")
    columns = loaded.sweep(break_points=True)
    assert as_text(columns) == {name: [row[name] for row in rows] for name in rows[0]}
    assert as_text(columns)["before"] == ["20", "20"] and as_text(columns)["after"] == ["21", "21"]
