"""Parity with the CLI (issue 27): every subcommand `seatsim --help` lists and every rule key of the CLI's registry
(`seatsim systems schema`) has its Python counterpart. A subcommand missing from COUNTERPARTS fails the test, as
does a counterpart that the module lacks."""
import json

import pytest

import seatsim

from conftest import SOURCE_DIR, run_cli

# Subcommand -> the module's counterparts (attribute paths under seatsim).
COUNTERPARTS = {
    "systems": ["systems", "System.load", "System.to_toml"],
    "allocate": ["allocate", "Dataset.allocate", "indices"],
    "compare": ["compare", "Dataset.compare", "Dataset.compare_summary"],
    "fit": ["fit", "Dataset.fit"],
    "scenario": ["scenario", "sweep", "Dataset.sweep"],
    "margins": ["margins", "Dataset.margins"],
    "paradoxes": ["paradoxes", "Dataset.paradoxes"],
    "curves": ["curves", "Dataset.curves"],
    "simulate": ["simulate", "Dataset.simulate"],
    "chart": ["chart", "Dataset.chart"],
    "explain": ["explain", "Dataset.explain"],
    "report": ["report", "Dataset.report"],
    "project": ["project", "Dataset.project"],
    "import": ["import_dataset"],
    "serve": ["serve", "Explorer.stop"],
}
# Not bound yet, each with the reason; the list may only shrink (binding one and leaving it here fails).
NOT_YET_BOUND: dict = {}
# Subcommands being written whose binding is still to come (none at present).
PENDING: set = set()


def cli_subcommands():
    status, out, err = run_cli("--help")
    assert status == 0, err
    lines = out.splitlines()
    start = lines.index("Subcommands:") + 1
    names = [line.split()[0] for line in lines[start:] if line.startswith("  ") and line.strip()]
    assert "allocate" in names and "compare" in names
    return names


def resolve(path):
    value = seatsim
    for part in path.split("."):
        value = getattr(value, part)
    return value


def test_every_cli_subcommand_has_a_python_counterpart():
    missing = []
    for name in cli_subcommands():
        if name in PENDING or name in NOT_YET_BOUND:
            continue
        if name not in COUNTERPARTS:
            missing.append(f"{name}: no counterpart listed")
            continue
        for path in COUNTERPARTS[name]:
            try:
                assert callable(resolve(path))
            except AttributeError:
                missing.append(f"{name}: seatsim.{path} is missing")
    assert not missing, missing
    for name in NOT_YET_BOUND:
        assert not hasattr(seatsim, name), f"seatsim.{name} exists: move '{name}' to COUNTERPARTS"


def test_every_rule_key_of_the_cli_is_a_python_keyword():
    schema = json.loads(run_cli("systems", "schema")[1])
    cli_keys = list(schema["properties"]["system"]["properties"]["rule"]["properties"])
    assert cli_keys == seatsim.rule_keys()
    data = seatsim.load(str(SOURCE_DIR / "scenarios" / "example" / "votes.csv"))
    for key in cli_keys:
        # A value of the wrong kind reaches the key's own parser: the error names the key, never "unknown keyword".
        with pytest.raises((seatsim.Error, TypeError, RuntimeError)) as raised:
            data.allocate(seats=11, **{key: object()})
        assert "unknown keyword" not in str(raised.value), key
        system = seatsim.System.load("norway-storting-2005")
        assert "unknown keyword" not in _error_of(lambda: system.with_rule(**{key: object()})), key


def _error_of(call):
    try:
        call()
    except Exception as error:  # noqa: BLE001 - any refusal is fine here, only its wording is checked
        return str(error)
    return ""


def test_the_newly_bound_commands_give_the_cli_csv():
    """fit, explain, curves and paradoxes: the module's columns are the CLI's CSV, row for row."""
    from conftest import run_cli  # noqa: F401 - the CLI of this build
    import csv
    import io

    def cli_rows(*args):
        status, out, err = run_cli(*args, "--format", "csv")
        assert status in (0, 1), err
        return list(csv.DictReader(io.StringIO(out)))

    def same(columns, rows):
        assert list(columns) == list(rows[0]), (list(columns), list(rows[0]))
        for name, values in columns.items():
            texts = [("" if value is None else str(value)) for value in list(values)]
            expected = [row[name] for row in rows]
            for got, want in zip(texts, expected):
                if got != want:  # decimals: the CLI's fixed text read as float
                    assert float(got) == pytest.approx(float(want), abs=1e-6), (name, got, want)

    sweden = str(SOURCE_DIR / "scenarios" / "sweden-2022")
    same(seatsim.load(sweden).explain(), cli_rows("explain", sweden))
    iraq = str(SOURCE_DIR / "scenarios" / "iraq-2013")
    same(seatsim.load(iraq).fit(), cli_rows("fit", iraq))
    example = str(SOURCE_DIR / "scenarios" / "example" / "votes.csv")
    same(seatsim.load(example).curves(["Blue"], seats=11, first_divisor="1.4"),
         cli_rows("curves", example, "--seats", "11", "--first-divisor", "1.4", "--party", "Blue"))
