"""The tiers from Python: a data set's [rule] tier keys and the same keywords as the CLI's tier flags."""
import pytest

import seatsim

from conftest import cli_csv, cli_error


@pytest.fixture
def leveling_set(tmp_path):
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "election.toml").write_text(
        'name = "two districts"\n[rule]\nfirst_divisor = 1.4\nleveling_seats = 2\nleveling_threshold = "4%"\n')
    (folder / "results.csv").write_text(
        "district,party,votes\nN,A,5100\nN,B,3000\nN,C,1500\nN,D,300\nS,A,2000\nS,B,3500\nS,C,1200\nS,D,400\n")
    (folder / "districts.csv").write_text("district,seats\nN,4\nS,3\n")
    return folder


def columns(rows, *names):
    return {name: [row[name] for row in rows] for name in names}


def test_leveling_from_the_manifest_and_keywords(leveling_set):
    loaded = seatsim.load(str(leveling_set))
    records = loaded.allocate()
    cli = columns(cli_csv("allocate", leveling_set), "district_seats", "leveling_seats", "seats")
    assert [str(v) for v in records["district_seats"]] == cli["district_seats"]
    assert [str(v) for v in records["leveling_seats"]] == cli["leveling_seats"]
    assert [str(v) for v in records["seats"]] == cli["seats"]
    assert sum(records["leveling_seats"]) == 2
    # Keywords override the manifest key by key, as flags do.
    three = loaded.allocate(leveling_seats=3, leveling_per_district=2)
    assert sum(three["leveling_seats"]) == 3
    assert list(three["seats"]) == [int(v) for v in columns(
        cli_csv("allocate", leveling_set, "--leveling-seats", "3", "--leveling-per-district", "2"), "seats")["seats"]]
    plain = loaded.allocate(leveling_seats=0)
    assert "leveling_seats" not in plain and sum(plain["seats"]) == 7


def test_biproportional_and_bounds_keywords(leveling_set):
    loaded = seatsim.load(str(leveling_set))
    bp = loaded.allocate(leveling_seats=0, biproportional=True, quorum_total="5%")
    cli = columns(cli_csv("allocate", leveling_set, "--leveling-seats", "0", "--biproportional", "--quorum-total", "5%"),
                  "seats")
    assert [str(v) for v in bp["seats"]] == cli["seats"]
    assert loaded.rule["leveling_seats"] == 2
    bounded = loaded.allocate(leveling_seats=0, max_seats=2)
    assert max(bounded["seats"]) <= 2
    with pytest.raises(seatsim.Error) as error:
        loaded.allocate(leveling_seats=0, min_seats=3)
    assert "minimums add up to" in str(error.value)
    assert "minimums add up to" in cli_error("allocate", leveling_set, "--leveling-seats", "0", "--min-seats", "3")
