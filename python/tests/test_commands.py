"""import_dataset, serve, and scenario/sweep over a table (issue 27: parity with `seatsim import`, `seatsim serve`
and a DataFrame as a scenario's base)."""
import json
import urllib.request
from pathlib import Path

import pytest

import seatsim

from conftest import SOURCE_DIR, run_cli

SEED = SOURCE_DIR.parent / "shared" / "seeds" / "000_3647352df70139e3.txt"
EXAMPLE = SOURCE_DIR / "scenarios" / "example" / "votes.csv"
TRANSFER = """name = "five per cent from Blue to Green"
[seats]
Nation = 11
[rule]
method = "dhondt"
[[op]]
kind = "transfer"
from = "Blue"
to = "Green"
share = "5%"
"""
SWEEP = """[seats]
Nation = 11
[[op]]
kind = "transfer"
from = "Blue"
to = "Red"
[sweep]
parameter = "op.1.share"
values = { from = "0%", to = "20%", step = "5%" }
"""


COLUMNS = {"district": ["Nation"] * 4, "party": ["Blue", "Green", "Red", "Yellow"],
           "votes": [45000, 21000, 17500, 9800], "published_seats": [6, 2, 2, 1]}


def votes_file(tmp_path):
    path = tmp_path / "votes.csv"
    rows = zip(*COLUMNS.values())
    path.write_text(",".join(COLUMNS) + "\n" + "".join(",".join(map(str, row)) + "\n" for row in rows),
                    encoding="utf-8")
    return path


def test_import_returns_the_data_set_the_command_writes(tmp_path):
    if not SEED.exists():
        pytest.skip("the seed is not beside the checkout")
    data = seatsim.import_dataset("wikitable", SEED)
    assert set(data["files"]) >= {"results.csv", "districts.csv", "election.toml", "QUALITY.md"}
    # The committed data set is this import's output, byte for byte.
    for name in ("results.csv", "districts.csv", "national.csv"):
        assert data["files"][name] == (SOURCE_DIR / "scenarios" / "iraq-2013" / name).read_text(encoding="utf-8")
    assert (data["districts"], data["seats"]) == (14, 447)
    status, _, err = run_cli("import", "wikitable", SEED, "-o", tmp_path / "cli")
    assert status == 0, err
    seatsim.import_dataset("wikitable", SEED, output=tmp_path / "py")
    for name in data["files"]:
        assert (tmp_path / "py" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name


def test_import_errors_name_the_parameter(tmp_path):
    with pytest.raises(seatsim.Error, match="kind"):
        seatsim.import_dataset("csv", EXAMPLE)
    with pytest.raises(seatsim.Error) as raised:
        seatsim.import_dataset("riksdag", EXAMPLE)
    assert raised.value.key == "manifest"
    assert not any(tmp_path.iterdir())


def test_serve_in_the_background_answers_the_api():
    with seatsim.serve(EXAMPLE, port=0, background=True, seats=11, first_divisor="1.4") as explorer:
        assert explorer.running and explorer.port > 0
        assert explorer.url == f"http://127.0.0.1:{explorer.port}/"
        with urllib.request.urlopen(explorer.url + "api/allocate", timeout=10) as reply:
            allocation = json.load(reply)
    assert not explorer.running
    explorer.stop()  # again: nothing happens
    seats = {row["party"]: row["seats"] for row in allocation["results"]}
    expected = seatsim.load(EXAMPLE).allocate(seats=11, first_divisor="1.4")
    assert seats == dict(zip(expected["party"], expected["seats"]))
    assert sum(seats.values()) == 11


def test_serve_refuses_bad_input_before_it_listens(tmp_path):
    with pytest.raises(seatsim.InputError, match="no seat total"):
        seatsim.serve(EXAMPLE, port=0, background=True)
    with pytest.raises(seatsim.Error):
        seatsim.serve(tmp_path / "absent.csv", port=0, background=True, seats=11)


def lists(columns):
    return {name: list(values) for name, values in columns.items()}


def test_scenario_over_a_frame_equals_the_scenario_file(tmp_path):
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(COLUMNS)
    on_file = tmp_path / "transfer.toml"
    on_file.write_text(f'base = "{votes_file(tmp_path)}"\n' + TRANSFER, encoding="utf-8")
    from_file = seatsim.scenario(on_file)
    from_frame = seatsim.scenario(TRANSFER, base=frame)
    assert type(from_frame).__name__ == "DataFrame"
    assert from_frame["seats"].tolist() == list(from_file["seats"])
    assert from_frame["votes"].tolist() == list(from_file["votes"])
    assert sum(from_file["seats"]) == 11 and from_file["votes"][1] == 21000 + 2250
    # The file's own base is ignored when base= is given.
    assert seatsim.scenario(on_file, base=frame.head(3))["party"].tolist() == ["Blue", "Green", "Red"]


def test_sweep_over_a_dict_equals_the_scenario_file(tmp_path):
    on_file = tmp_path / "sweep.toml"
    on_file.write_text(f'base = "{votes_file(tmp_path)}"\n' + SWEEP, encoding="utf-8")
    from_dict = seatsim.sweep(SWEEP, base=COLUMNS, break_points=True)
    assert lists(from_dict) == lists(seatsim.sweep(on_file, break_points=True))
    assert len(from_dict["district"]) > 0
    assert lists(seatsim.sweep(SWEEP, base=COLUMNS)) == lists(seatsim.sweep(on_file))
    with pytest.raises(seatsim.Error):
        seatsim.sweep(SWEEP.replace("op.1.share", "op.7.share"), base=COLUMNS)
