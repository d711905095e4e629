"""seatsim.project: the CLI's `seatsim project`, from files or from DataFrames/dicts, the same numbers for the same
seed whatever the threads; bad polls raise InputError naming the table and row."""
import pytest
import seatsim

from conftest import cli_csv, numbers_match

VOTES = {"district": ["N", "N", "N", "S", "S", "S"], "party": ["A", "B", "C", "A", "B", "C"],
         "votes": [5100, 3000, 1500, 2000, 3500, 1200]}
SEATS = {"district": ["N", "S"], "seats": [5, 4]}
POLLS = {"pollster": ["P", "P", "P", "R", "R", "R"],
         "fieldwork_end": ["2025-08-01"] * 3 + ["2025-07-20"] * 3,
         "sample_size": ["1000"] * 3 + ["600"] * 3, "area": ["national"] * 6,
         "party": ["Alpha", "B", "C", "Alpha", "B", "C"], "share": ["40", "45", "15", "44", "41", "15"]}
MAPPING = {"poll_party": ["Alpha"], "base_party": ["A"], "weight": ["1"]}


def write_csv(path, columns):
    names = list(columns)
    rows = zip(*(columns[name] for name in names))
    path.write_text(",".join(names) + "\n" + "".join(",".join(map(str, row)) + "\n" for row in rows))
    return path


@pytest.fixture
def files(tmp_path):
    return {name: write_csv(tmp_path / f"{name}.csv", table)
            for name, table in {"votes": VOTES, "seats": SEATS, "polls": POLLS, "mapping": MAPPING}.items()}


@pytest.mark.parametrize("view, options", [
    ("districts", []),
    ("parties", ["--draws", "500", "--seed", "7"]),
    ("coalitions", ["--draws", "500", "--seed", "7", "--coalition", "AB=A+B", "--coalition", "A+C"]),
    ("parties", ["--draws", "300", "--seed", "3", "--swing", "proportional", "--half-life", "7"]),
])
def test_project_is_the_cli(files, view, options):
    rows = cli_csv("project", files["votes"], "--seats-file", files["seats"], "--polls", files["polls"],
                   "--mapping", files["mapping"], "--view", view, *options)
    keywords = {"draws": 0, "seed": None, "swing": "uniform", "half_life": 14.0, "coalitions": []}
    flags = dict(zip(options[::2], options[1::2]))
    coalitions = [options[i + 1] for i, flag in enumerate(options) if flag == "--coalition"]
    keywords.update(draws=int(flags.get("--draws", 0)), swing=flags.get("--swing", "uniform"),
                    half_life=float(flags.get("--half-life", 14)), coalitions=coalitions)
    if "--seed" in flags:
        keywords["seed"] = int(flags["--seed"])
    for polls, mapping in [(files["polls"], files["mapping"]), (POLLS, MAPPING)]:
        for threads in (1, 2):
            tables = seatsim.project(VOTES, polls, mapping=mapping, districts=SEATS, threads=threads, as_frame=False,
                                     **keywords)
            numbers_match(tables[view], rows)


def test_project_mirrors_a_data_frame():
    pandas = pytest.importorskip("pandas")
    tables = seatsim.project(pandas.DataFrame(VOTES), pandas.DataFrame(POLLS), mapping=MAPPING,
                             districts=SEATS, draws=100, seed=1)
    assert isinstance(tables["parties"], pandas.DataFrame)
    assert list(tables["parties"]["party"]) == ["A", "B", "C"]


def test_bad_polls_name_the_table_and_row():
    bad = dict(POLLS, share=["140"] + POLLS["share"][1:])
    with pytest.raises(seatsim.InputError) as raised:
        seatsim.project(VOTES, bad, mapping=MAPPING, districts=SEATS)
    assert raised.value.file == "polls" and raised.value.line == 2
    assert "share '140' is above 100 %" in str(raised.value)


REGIONS = {"district": ["N", "S"], "region": ["Upper", "Lower"]}
REGIONAL_POLLS = {name: POLLS[name] + extra for name, extra in {
    "pollster": ["Q", "Q", "Q"], "fieldwork_end": ["2025-08-01"] * 3, "sample_size": ["500"] * 3,
    "area": ["Upper"] * 3, "party": ["Alpha", "B", "C"], "share": ["50", "35", "15"]}.items()}
NEW_MAPPING = {"poll_party": ["Alpha", "D"], "base_party": ["A", "new:D"], "weight": ["1", "1"]}
NEW_POLLS = dict(POLLS, party=["Alpha", "B", "D", "Alpha", "B", "D"])
PATTERN = {"party": ["D", "D"], "district": ["N", "S"], "weight": ["3", "1"]}
REGIONAL_COVARIANCE = {"party": ["A", "B"], "A": ["4", "-1"], "B": ["-1", "4"]}


@pytest.mark.parametrize("case", ["regional", "pattern", "regional-error"])
def test_project_regions_patterns_turnout_are_the_cli(tmp_path, case):
    polls, mapping = {"regional": (REGIONAL_POLLS, MAPPING), "pattern": (NEW_POLLS, NEW_MAPPING),
                      "regional-error": (POLLS, MAPPING)}[case]
    paths = {name: write_csv(tmp_path / f"{name}.csv", table) for name, table in {
        "votes": VOTES, "seats": SEATS, "polls": polls, "mapping": mapping, "regions": REGIONS, "pattern": PATTERN,
        "cov": REGIONAL_COVARIANCE}.items()}
    flags = ["--regions", paths["regions"], "--turnout", "scale:1.25"]
    keywords = {"regions": REGIONS, "turnout": "scale:1.25"}
    view = "districts"
    if case == "pattern":
        flags += ["--new-party-pattern", paths["pattern"]]
        keywords["new_party_pattern"] = PATTERN
    if case == "regional-error":
        flags += ["--regional-covariance", paths["cov"], "--draws", "400", "--seed", "3"]
        keywords.update(regional_covariance=REGIONAL_COVARIANCE, draws=400, seed=3)
        view = "parties"
    rows = cli_csv("project", paths["votes"], "--seats-file", paths["seats"], "--polls", paths["polls"],
                   "--mapping", paths["mapping"], "--view", view, *flags)
    for threads in (1, 2):
        tables = seatsim.project(VOTES, polls, mapping=mapping, districts=SEATS, threads=threads, as_frame=False,
                                 **keywords)
        numbers_match(tables[view], rows)
    if case != "regional-error":
        votes = [int(v) for v in tables["districts"]["votes"]]
        assert sum(votes) == round(sum(VOTES["votes"]) * 1.25)


def test_bad_regions_name_the_table_and_row():
    with pytest.raises(seatsim.InputError) as raised:
        seatsim.project(VOTES, POLLS, mapping=MAPPING, districts=SEATS, regions={"district": ["N", "X"],
                                                                                 "region": ["U", "U"]})
    assert raised.value.file == "regions" and raised.value.line == 3


def fan_bands(svg):
    """The bands of a fan chart: (party, level, low, high) from each band's data attributes."""
    import re

    return sorted(re.findall(r'data-party="([^"]*)" data-level="([^"]*)" data-lo="([^"]*)" data-hi="([^"]*)"',
                             svg))


def test_project_chart_is_the_cli_fan_chart(files, tmp_path):
    chart = tmp_path / "fan.svg"
    cli_csv("project", files["votes"], "--seats-file", files["seats"], "--polls", files["polls"], "--mapping",
            files["mapping"], "--draws", "400", "--seed", "5", "--chart", chart)
    pandas = pytest.importorskip("pandas")
    tables = seatsim.project(pandas.DataFrame(VOTES), POLLS, mapping=MAPPING, districts=SEATS, draws=400, seed=5,
                             chart=True)
    assert isinstance(tables["fan_chart"], str) and isinstance(tables["parties"], pandas.DataFrame)
    assert fan_bands(tables["fan_chart"]) == fan_bands(chart.read_text())
    assert len(fan_bands(tables["fan_chart"])) >= 3
    with pytest.raises(seatsim.InputError, match="draws"):
        seatsim.project(VOTES, POLLS, mapping=MAPPING, districts=SEATS, chart=True)
