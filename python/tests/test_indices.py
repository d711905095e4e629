"""Dataset.indices() and simulate(indices=True): the rows of `seatsim allocate --view indices`,
`seatsim compare --view indices` and `seatsim simulate --view indices`, number for number."""
import warnings

import seatsim

from conftest import SOURCE_DIR, cli_csv

IRAQ = SOURCE_DIR / "scenarios" / "iraq-2013"
SYNTHETIC = SOURCE_DIR / "tests" / "data" / "synthetic-reserved"
INDEX_NAMES = ["gallagher", "loosemore_hanby", "sainte_lague", "dhondt", "rae", "enp_votes", "enp_seats",
               "wasted_share"]


def quiet(call, *args, **keywords):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", seatsim.NoteWarning)
        return call(*args, **keywords)


def as_rows(columns):
    """Columns as the CLI's CSV rows: numbers with the CLI's six decimals, None as an empty field."""
    names = list(columns)
    def text(value):
        if value is None:
            return ""
        return f"{value:.6f}" if isinstance(value, float) else str(value)
    return [{name: text(columns[name][r]) for name in names} for r in range(len(columns[names[0]]))]


def test_indices_are_the_allocate_view_with_the_json_names():
    columns = quiet(seatsim.load(IRAQ).indices)
    assert list(columns) == ["level", "district", *INDEX_NAMES]
    assert as_rows(columns) == cli_csv("allocate", IRAQ, "--view", "indices")
    assert columns["level"][-1] == "national"


def test_published_indices_are_the_compare_view():
    columns = quiet(seatsim.load(IRAQ).indices, published=True)
    assert as_rows(columns) == cli_csv("compare", IRAQ, "--view", "indices")
    assert set(columns["basis"]) == {"recomputed", "published"}


def test_rule_keywords_change_the_indices():
    dataset = seatsim.load(SYNTHETIC)
    assert as_rows(dataset.indices(method="dhondt")) == cli_csv("allocate", SYNTHETIC, "--method", "dhondt",
                                                                 "--view", "indices")


def test_simulate_indices_are_the_simulate_view():
    result = seatsim.load(SYNTHETIC).simulate(300, "dirichlet:400", seed=4, indices=True)
    rows = cli_csv("simulate", SYNTHETIC, "--draws", "300", "--noise", "dirichlet:400", "--seed", "4", "--view",
                   "indices")
    assert as_rows(result["indices"]) == rows
    assert "indices" not in seatsim.load(SYNTHETIC).simulate(10, "dirichlet:400")
