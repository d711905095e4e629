"""Dataset.indices() and simulate(indices=True): the rows of `seatsim allocate --view indices`,
`seatsim compare --view indices` and `seatsim simulate --view indices`, number for number."""
import csv
import io
import warnings

import seatsim

from conftest import SOURCE_DIR, cli_csv, run_cli

IRAQ = str(SOURCE_DIR / "scenarios" / "iraq-2013")
SYNTHETIC = str(SOURCE_DIR / "tests" / "data" / "synthetic-reserved")
INDEX_NAMES = ["gallagher", "loosemore_hanby", "sainte_lague", "dhondt", "rae", "enp_votes", "enp_seats",
               "wasted_share"]


def quiet(call, *args, **keywords):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", seatsim.NoteWarning)
        return call(*args, **keywords)


def as_rows(columns):
    """Columns as rows of text, comparable with the CLI's CSV rows through `same`."""
    names = list(columns)
    return [{name: columns[name][r] for name in names} for r in range(len(columns[names[0]]))]


def same(columns, cli_rows):
    """The module's columns hold the CLI's CSV fields: text as is, numbers equal to float() of the field
    (the CLI's fixed decimals read as floats), None where the field is empty."""
    rows = as_rows(columns)
    assert len(rows) == len(cli_rows)
    for row, cli in zip(rows, cli_rows):
        assert list(row) == list(cli)
        for name, value in row.items():
            if value is None:
                assert cli[name] == "", (name, cli[name])
            elif isinstance(value, str):
                assert value == cli[name], (name, value, cli[name])
            else:
                assert float(value) == float(cli[name]), (name, value, cli[name])
    return True


def test_indices_are_the_allocate_view_with_the_json_names():
    columns = quiet(seatsim.load(IRAQ).indices)
    assert list(columns) == ["level", "district", *INDEX_NAMES]
    assert same(columns, cli_csv("allocate", IRAQ, "--view", "indices"))
    assert columns["level"][-1] == "national"


def test_published_indices_are_the_compare_view():
    columns = quiet(seatsim.load(IRAQ).indices, published=True)
    status, out, err = run_cli("compare", IRAQ, "--view", "indices", "--format", "csv")
    assert status in (0, 1), err  # 1: the comparison found differences
    assert same(columns, list(csv.DictReader(io.StringIO(out))))
    assert set(columns["basis"]) == {"recomputed", "published"}


def test_rule_keywords_change_the_indices():
    dataset = seatsim.load(SYNTHETIC)
    assert same(dataset.indices(method="dhondt"), cli_csv("allocate", SYNTHETIC, "--method", "dhondt", "--view",
                                                          "indices"))


def test_simulate_indices_are_the_simulate_view():
    result = seatsim.load(SYNTHETIC).simulate(300, "dirichlet:400", seed=4, indices=True)
    rows = cli_csv("simulate", SYNTHETIC, "--draws", "300", "--noise", "dirichlet:400", "--seed", "4", "--view",
                   "indices")
    assert same(result["indices"], rows)
    assert "indices" not in seatsim.load(SYNTHETIC).simulate(10, "dirichlet:400")
