"""seatsim.System: the electoral-system model in Python, read and written by the CLI's code."""
import json

import pytest

import seatsim

from conftest import SOURCE_DIR, cli_csv, cli_error, run_cli

NORWAY = SOURCE_DIR.parent / "shared" / "data" / "norway_2021_storting_full.csv"
# The flags the README uses for Norway 2021.
NORWAY_FLAGS = ["--first-divisor", "1.4", "--leveling-seats", "19", "--leveling-threshold", "4%"]


def test_the_library_and_its_round_trips():
    assert "norway-storting-2005" in seatsim.systems()
    system = seatsim.System.load("norway-storting-2005")
    assert system.name == "norway-storting-2005" and system.country == "Norway"
    assert system.rule["first_divisor"] == "1.4" and system.rule["leveling_seats"] == "19"
    assert seatsim.System.from_toml(system.to_toml()) == system
    assert seatsim.System.from_json(system.to_json()) == system
    assert seatsim.System.from_dict(system.to_dict()) == system
    assert seatsim.System.from_dict(system.to_dict()["system"]) == system
    status, out, _ = run_cli("systems", "show", "norway-storting-2005")
    assert status == 0 and out == system.to_toml()


def test_keywords_are_the_rule_keys():
    """Every rule key is a keyword (the CLI's flags without dashes): a misspelled one says so."""
    keys = seatsim.rule_keys()
    assert "first_divisor" in keys and "threshold_or" in keys and "leveling_per_district" in keys
    loaded = seatsim.load(str(SOURCE_DIR / "scenarios" / "example" / "votes.csv"))
    with pytest.raises(seatsim.Error, match=r"unknown keyword 'first_divisr' \(did you mean 'first_divisor'\?\)"):
        loaded.allocate(seats=11, first_divisr="1.4")
    # The same set as the command line's rule flags and the schema's rule keys.
    _, help_text, _ = run_cli("allocate", "--help")
    for key in keys:
        assert "--" + key.replace("_", "-") in help_text, key
    schema = json.loads(run_cli("systems", "schema")[1])
    assert list(schema["properties"]["system"]["properties"]["rule"]["properties"]) == keys
    system = seatsim.System.from_dict({"system": {"rule": {"method": "dhondt"}}})
    assert system.with_rule(threshold="5%", threshold_exempt=["A"]).rule == {
        "method": "dhondt", "threshold": "5%", "threshold_exempt": ["A"]}


def test_bad_system_dicts_name_the_key():
    with pytest.raises(seatsim.Error, match=r"unknown key 'methd' in system.rule \(did you mean 'method'\?\)"):
        seatsim.System.from_dict({"system": {"rule": {"methd": "dhondt"}}})
    with pytest.raises(seatsim.Error, match="schema_version 9"):
        seatsim.System.from_dict({"system": {"schema_version": 9}})
    with pytest.raises(seatsim.Error, match="did you mean 'norway-storting-2005'"):
        seatsim.System.load("norway-storting")


def test_names_must_exist_as_on_the_command_line():
    votes = SOURCE_DIR / "scenarios" / "example" / "votes.csv"
    loaded = seatsim.load(str(votes))
    with pytest.raises(seatsim.Error) as raised:
        loaded.allocate(seats=11, threshold="5%", threshold_exempt=["Purpel"])
    assert "did you mean 'Purple'?" in str(raised.value)
    assert "did you mean 'Purple'?" in cli_error("allocate", votes, "--seats", "11", "--threshold", "5%",
                                                 "--threshold-exempt", "Purpel")


def test_norway_with_a_system_file_written_from_the_readme_flags(tmp_path):
    if not NORWAY.exists():
        pytest.skip(f"{NORWAY} is absent")
    status, out, err = run_cli("systems", "show", *NORWAY_FLAGS)
    assert status == 0, err
    written = tmp_path / "F.toml"
    written.write_text(out)
    status, _, err = run_cli("compare", NORWAY, "--system", written, "--format", "csv")
    assert status == 0 and "districts matched: 19/19, seats differing: 0" in err
    cli = cli_csv("allocate", NORWAY, "--system", written)
    loaded = seatsim.load(str(NORWAY))
    by_file = loaded.allocate(system=str(written))
    by_object = loaded.allocate(system=seatsim.System.load(str(written)))
    by_name = loaded.allocate(system="norway-storting-2005")
    expected = [int(row["seats"]) for row in cli]
    for result in (by_file, by_object, by_name):
        assert [int(s) for s in result["seats"]] == expected
    assert loaded.compare_summary(system=str(written)) == "districts matched: 19/19, seats differing: 0"
    assert json.loads(seatsim.System.load(str(written)).to_json())["system"]["rule"]["leveling_seats"] == "19"
