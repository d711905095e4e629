"""DataFrames and dicts in and out (issue 27): the same rows as the votes file the CLI reads, results in the input's
kind, errors as InputError with file/line/key worded with Python parameters, one warning per call."""
import warnings

import numpy as np
import pandas as pd
import pytest

import seatsim

import csv
import io

from conftest import SOURCE_DIR, cli_csv, run_cli

FRAME = pd.DataFrame({
    "district": ["North", "North", "North", "South", "South", "South"],
    "party": ["Blue", "Green", "Red", "Blue", "Green", "Red"],
    "votes": [45000, 21000, 17500, 12000, 30000, 9000],
    "published_seats": [3, 1, 1, 1, 3, 0],
})


def test_a_dataframe_gives_what_the_cli_gives_for_its_csv(tmp_path):
    path = tmp_path / "votes.csv"
    FRAME.to_csv(path, index=False)
    result = seatsim.compare(FRAME)
    assert isinstance(result, pd.DataFrame)
    status, out, err = run_cli("compare", path, "--format", "csv")
    assert status in (0, 1), err  # 1: differences found
    rows = list(csv.DictReader(io.StringIO(out)))
    assert result["seats"].tolist() == [int(row["seats"]) for row in rows]
    assert result["diff"].tolist() == [int(row["diff"]) for row in rows]
    allocated = seatsim.allocate(FRAME, method="dhondt")
    cli = cli_csv("allocate", path, "--method", "dhondt")
    assert isinstance(allocated, pd.DataFrame)
    assert allocated["seats"].tolist() == [int(row["seats"]) for row in cli]


def test_results_mirror_the_input_kind():
    columns = {name: FRAME[name].tolist() for name in FRAME.columns}
    as_dict = seatsim.compare(columns)
    assert isinstance(as_dict, dict) and list(as_dict["seats"]) == seatsim.compare(FRAME)["seats"].tolist()
    assert isinstance(seatsim.compare(columns, as_frame=True), pd.DataFrame)
    path = SOURCE_DIR / "scenarios" / "example" / "votes.csv"
    assert isinstance(seatsim.allocate(str(path), 11), dict)
    assert isinstance(seatsim.allocate(path, 11, as_frame=True), pd.DataFrame)
    margins = seatsim.margins(FRAME)
    assert set(margins) == {"lists", "closest", "ranking"} and all(isinstance(t, pd.DataFrame) for t in margins.values())
    summary = seatsim.simulate(FRAME, 200, "dirichlet:300", seed=3, coalitions=["Blue+Red"])["summary"]
    assert isinstance(summary, pd.DataFrame) and summary["party"].tolist() == ["Blue", "Green", "Red"]
    assert isinstance(seatsim.indices(FRAME), pd.DataFrame)
    assert isinstance(seatsim.fit(FRAME), pd.DataFrame)
    assert isinstance(seatsim.curves(FRAME, "Blue"), pd.DataFrame)
    assert seatsim.chart(FRAME, "compare").lstrip().startswith("<")


def test_a_table_with_nan_published_seats_and_float_votes_reads_as_its_csv():
    frame = FRAME.astype({"votes": float}).assign(published_seats=[3, 1, 1, None, None, None])
    seats = {"district": ["North", "South"], "seats": [5, 4]}
    result = seatsim.compare(frame, districts=seats, method="dhondt")
    assert result["published_seats"].isna().tolist() == [False] * 3 + [True] * 3
    assert result["seats"].tolist() == [3, 1, 1, 1, 3, 0]
    with pytest.raises(seatsim.InputError, match="no seat total for district 'South'"):  # as the CLI says
        seatsim.compare(frame)


def test_districts_give_seat_totals_without_files():
    frame = FRAME.drop(columns="published_seats")
    seats = pd.DataFrame({"district": ["North", "South"], "seats": [5, 4]})
    result = seatsim.allocate(frame, districts=seats, method="dhondt")
    assert result["seats"].tolist() == [3, 1, 1, 1, 3, 0]
    assert list(seatsim.load(frame, districts=seats).allocate(method="dhondt")["seats"]) == [3, 1, 1, 1, 3, 0]


def test_errors_name_the_row_and_the_parameter():
    broken = FRAME.copy()
    broken.loc[4, "votes"] = -5
    with pytest.raises(seatsim.InputError) as raised:
        seatsim.compare(broken)
    assert raised.value.file == "votes" and raised.value.line == 6  # row 4 is line 6 of to_csv(index=False)
    assert str(raised.value).startswith("votes:6: ")
    with pytest.raises(seatsim.InputError) as raised:
        seatsim.allocate(np.array([10, 20]), 3, threshold=5)
    assert raised.value.key == "threshold" and raised.value.file is None and raised.value.line is None
    with pytest.raises(seatsim.InputError) as raised:
        seatsim.allocate(np.array([10, 20]))
    assert raised.value.key == "seats"
    with pytest.raises(seatsim.InputError) as raised:
        seatsim.compare(FRAME, first_divisr="1.4")
    assert "did you mean 'first_divisor'" in str(raised.value) and raised.value.key == "first_divisr"
    with pytest.raises(seatsim.InputError) as raised:
        seatsim.simulate(FRAME, 0, "multinomial")
    assert str(raised.value).startswith("draws must be at least 1") and raised.value.key == "draws"
    with pytest.raises(seatsim.InputError, match="seats, seats_file"):  # the CLI says --seats, --seats-file
        seatsim.allocate(FRAME.drop(columns="published_seats"))
    assert issubclass(seatsim.InputError, seatsim.Error) and issubclass(seatsim.TieError, seatsim.Error)
    with pytest.raises(seatsim.TieError) as raised:
        seatsim.allocate([45, 21], 2, first_divisor=1.4, ties="error")
    assert not isinstance(raised.value, seatsim.InputError)


def test_one_warning_per_call_however_many_rows_tie():
    batch = np.tile(np.array([[45, 21]], dtype=np.int64), (500, 1))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        seatsim.allocate(batch, 2, first_divisor=1.4)
    assert len(caught) == 1 and "500 of 500" in str(caught[0].message)
    tied = pd.DataFrame({"district": ["A", "A", "B", "B"], "party": ["X", "Y", "X", "Y"], "votes": [45, 21, 45, 21],
                         "published_seats": [2, 0, 2, 0]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        seatsim.allocate(tied, first_divisor=1.4)
    assert len(caught) == 1 and issubclass(caught[0].category, seatsim.TieWarning)


def test_batches_in_int32_with_threads_and_a_threshold_equal_row_by_row():
    rng = np.random.default_rng(11)
    votes = rng.integers(0, 60_000, size=(9000, 9))
    expected = np.array([seatsim.allocate(row, 25, threshold="5%") for row in votes[:300]])
    for array in (votes.astype(np.int64), votes.astype(np.int32)):
        for threads in (1, 2, 0):
            got = seatsim.allocate(array, 25, threshold="5%", threads=threads)
            assert got[:300].tolist() == expected.tolist()
            assert got.tolist() == seatsim.allocate(votes, 25, threshold="5%").tolist()
    # Lists below the threshold in every row leave the kernel (they take no seat); the rest keep their places,
    # and their ties and lot draws are those of the row-by-row path.
    skewed = votes * np.array([40, 30, 1, 20, 1, 1, 10, 1, 5])
    for ties in ("more-votes", "lot", "list-order"):
        batch, batch_ties = seatsim.allocate(skewed, 25, threshold="4%", ties=ties, seed=9, return_ties=True, threads=2)
        for row in (0, 1, 2, 4000, 8999):
            one, one_ties = seatsim.allocate(skewed[row], 25, threshold="4%", ties=ties, seed=9, return_ties=True)
            assert batch[row].tolist() == one.tolist() and batch_ties[row].tolist() == one_ties.tolist()
    plain = seatsim.allocate(votes, 25, threads=2)
    assert plain.tolist() == seatsim.allocate(votes.astype(np.int32), 25).tolist()
    with pytest.raises(seatsim.InputError, match="votes must be between"):
        bad = votes.copy()
        bad[8000, 3] = -1
        seatsim.allocate(bad, 25, threads=2)
