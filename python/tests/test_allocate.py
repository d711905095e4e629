"""seatsim.allocate on lists and numpy arrays: the exact kernel, batches, rule numbers, ties, errors."""
import warnings
from fractions import Fraction

import numpy as np
import pytest

import seatsim

from conftest import python_wording, cli_csv, cli_error


def test_textbook_example_under_every_divisor_method():
    votes = [100000, 80000, 30000, 20000]
    assert seatsim.allocate(votes, 8, method="dhondt").tolist() == [4, 3, 1, 0]
    assert seatsim.allocate(votes, 8, method="sainte-lague").tolist() == [3, 3, 1, 1]
    assert seatsim.allocate(votes, 8, method="hare").tolist() == [3, 3, 1, 1]
    assert seatsim.allocate(np.array(votes), 8, method="jefferson").tolist() == [4, 3, 1, 0]


def test_result_has_the_input_shape_and_an_int_dtype():
    one = seatsim.allocate([60, 30, 10], 4)
    assert one.shape == (3,) and one.dtype.kind == "i"
    batch = seatsim.allocate(np.array([[60, 30, 10], [10, 30, 60]]), 4)
    assert batch.shape == (2, 3) and batch.dtype == one.dtype
    assert batch.tolist() == [[3, 1, 0], [0, 1, 3]]


def test_the_45_21_tie_at_first_divisor_1_4_is_reported_as_a_tie(tmp_path):
    # 45/3 = 15 and 21/1.4 = 15 exactly: a tie. Read through binary floating point, 1.4 would be
    # 1.3999999999999999 and the second list would win the seat outright.
    for first in ("1.4", 1.4, Fraction(7, 5), "7/5"):
        with pytest.warns(seatsim.TieWarning, match="tie"):
            seats, ties = seatsim.allocate([45, 21], 2, first_divisor=first, return_ties=True)
        assert seats.tolist() == [2, 0]
        assert ties.tolist() == [True, True]
    with pytest.warns(seatsim.TieWarning):
        assert seatsim.allocate([45, 21], 2, first_divisor=1.4, ties="fewer-votes").tolist() == [1, 1]
    with pytest.raises(seatsim.TieError) as raised:
        seatsim.allocate([45, 21], 2, first_divisor=1.4, ties="error")
    assert isinstance(raised.value, seatsim.Error) and isinstance(raised.value, ValueError)
    # The same seats and tie marks as the CLI's.
    votes = tmp_path / "v.csv"
    votes.write_text("party,votes\nA,45\nB,21\n")
    rows = cli_csv("allocate", votes, "--seats", "2", "--first-divisor", "1.4")
    assert [(row["seats"], row["tie"]) for row in rows] == [("2", "tie"), ("0", "tie")]


def test_no_warning_without_a_tie():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        seatsim.allocate([45, 21], 2, first_divisor="1.5")


def test_a_2d_batch_equals_row_by_row_allocation():
    rng = np.random.default_rng(7)
    votes = rng.integers(0, 50_000, size=(300, 7))
    votes[::17, 2] = votes[::17, 3]  # equal votes: ties resolved the same way in both paths
    for method, first in (("sainte-lague", "1"), ("sainte-lague", 1.4), ("dhondt", "1"), ("hare", "1"),
                          ("huntington-hill", "1"), ("droop", "1")):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", seatsim.TieWarning)
            batch, batch_ties = seatsim.allocate(votes, 23, method=method, first_divisor=first, return_ties=True)
            for row in range(votes.shape[0]):
                seats, ties = seatsim.allocate(votes[row], 23, method=method, first_divisor=first, return_ties=True)
                assert batch[row].tolist() == seats.tolist(), (method, row)
                assert batch_ties[row].tolist() == ties.tolist(), (method, row)


def test_a_2d_batch_with_a_threshold_equals_row_by_row():
    rng = np.random.default_rng(11)
    votes = rng.integers(0, 10_000, size=(100, 6))
    batch = seatsim.allocate(votes, 10, threshold="12%")
    for row in range(votes.shape[0]):
        assert batch[row].tolist() == seatsim.allocate(votes[row].tolist(), 10, threshold="12%").tolist()


def test_a_batch_of_many_blocks_with_a_threshold_equals_row_by_row():
    """Beyond one block of scenarios (2048) and on two threads: blocks keep different lists (a list passes 5 % only
    in some rows, one list never does), int32 and int64, ties flagged as row by row; a row without votes in a later
    block raises the error of the whole batch."""
    rng = np.random.default_rng(5)
    rows = 5_000
    votes = rng.integers(0, 1_000, size=(rows, 8))
    votes[:, 0] += 20_000
    votes[:2_500, 5] += rng.integers(0, 3_000, size=2_500)  # passes 5 % in the first blocks only
    votes[:, 7] = rng.integers(0, 50, size=rows)  # never passes
    votes[100] = [1000, 1000, 0, 0, 0, 0, 0, 0]  # a tie for the last seat
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", seatsim.TieWarning)
        for array in (votes, votes.astype(np.int32)):
            seats, ties = seatsim.allocate(array, 9, threshold="5%", threads=2, return_ties=True)
            assert ties[100].any()
            for row in range(0, rows, 7):
                one, one_ties = seatsim.allocate(votes[row], 9, threshold="5%", return_ties=True)
                assert seats[row].tolist() == one.tolist(), row
                assert ties[row].tolist() == one_ties.tolist(), row
            assert (seats.sum(axis=1) == 9).all()
            assert (seatsim.allocate(array, 9, threshold="5%", threads=1) == seats).all()
    empty = votes.copy()
    empty[4_321] = 0
    with pytest.raises(seatsim.Error) as batch_error:
        seatsim.allocate(empty, 9, threshold="5%", threads=2)
    with pytest.raises(seatsim.Error) as row_error:
        seatsim.allocate(empty[4_321], 9, threshold="5%")
    assert str(batch_error.value).split(":")[-1] == str(row_error.value).split(":")[-1]


@pytest.mark.parametrize("threshold, strict", [("5%", False), ("5%", True), ("1000v", False), ("1000v", True),
                                               (Fraction(1, 3), False)])
def test_block_thresholds_are_exact_at_the_boundary(threshold, strict):
    """The blocked batch turns each scenario's threshold into a smallest passing vote count: a list exactly at the
    threshold passes unless the threshold is strict, one vote below never does, as row by row."""
    rng = np.random.default_rng(3)
    votes = rng.integers(0, 3_000, size=(3_000, 6))
    votes[:, 0] += 10_000
    votes[::5, 2] = 1000  # exactly at 1000 votes
    votes[1::5, 2] = 999  # one below
    totals = votes.sum(axis=1)
    exact = totals % 20 == 0  # 5 % of these totals is a whole number of votes
    moved = totals[exact] // 20 - votes[exact, 1]
    votes[exact, 1] += moved  # list 1 exactly at 5 %, the total kept by taking the difference from list 0
    votes[exact, 0] -= moved
    assert exact.sum() > 100 and (votes[exact, 1] * 20 == votes[exact].sum(axis=1)).all()
    keywords = dict(threshold=threshold, threshold_strict=strict)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", seatsim.TieWarning)
        for array in (votes, votes.astype(np.int32)):
            batch = seatsim.allocate(array, 12, threads=2, **keywords)
            for row in range(0, votes.shape[0], 3):
                assert batch[row].tolist() == seatsim.allocate(votes[row], 12, **keywords).tolist(), row


def test_batches_accept_any_integer_layout():
    votes = np.array([[500, 300, 200], [100, 100, 800]], dtype=np.int32)
    expected = seatsim.allocate(votes.astype(np.int64), 5).tolist()
    assert seatsim.allocate(votes, 5).tolist() == expected
    assert seatsim.allocate(np.asfortranarray(votes), 5).tolist() == expected
    assert seatsim.allocate(votes.T.copy().T, 5).tolist() == expected
    assert seatsim.allocate(votes.astype(float), 5).tolist() == expected
    assert seatsim.allocate(np.zeros((0, 3), dtype=np.int64), 5).shape == (0, 3)


def test_thresholds_accept_a_str_with_its_unit_a_fraction_and_a_float():
    votes = [900, 50, 50]
    assert seatsim.allocate(votes, 11, threshold="5%").tolist() == [9, 1, 1]
    assert seatsim.allocate(votes, 11, threshold=Fraction(1, 20)).tolist() == [9, 1, 1]
    assert seatsim.allocate(votes, 11, threshold=0.05).tolist() == [9, 1, 1]  # a share of one
    assert seatsim.allocate(votes, 11, threshold="51v").tolist() == [11, 0, 0]  # votes
    assert seatsim.allocate(votes, 11, threshold="50v").tolist() == [9, 1, 1]
    assert seatsim.allocate(votes, 11, threshold=0.0501).tolist() == [11, 0, 0]


def test_a_threshold_without_a_unit_is_refused(tmp_path):
    # Amendment 1 of 2026-12-06: threshold=5 meant five votes; people meant 5%.
    with pytest.raises(seatsim.Error, match=r"threshold=5 has no unit: write threshold='5%' .* threshold='5v'"):
        seatsim.allocate([900, 50, 50], 11, threshold=5)
    with pytest.raises(seatsim.Error, match=r"'5' has no unit: write 5% for a share or 5v for votes"):
        seatsim.allocate([900, 50, 50], 11, threshold="5")
    votes = tmp_path / "v.csv"
    votes.write_text("party,votes\nA,10\nB,5\n")
    loaded = seatsim.load(str(votes))
    for keywords in (dict(threshold=5), dict(threshold="1000"), dict(leveling_seats=1, leveling_threshold=4),
                     dict(biproportional=True, quorum_total=5), dict(biproportional=True, quorum_any_district="5")):
        with pytest.raises(seatsim.Error, match="has no unit"):
            loaded.allocate(seats=3, **keywords)


def test_errors_carry_the_cli_message(tmp_path):
    votes = tmp_path / "v.csv"
    votes.write_text("party,votes\nA,10\nB,5\n")
    cases = [
        (dict(method="borda"), ["--method", "borda"]),
        (dict(first_divisor="x"), ["--first-divisor", "x"]),
        (dict(threshold="150%"), ["--threshold", "150%"]),
        (dict(threshold="5"), ["--threshold", "5"]),
        (dict(ties="coin"), ["--ties", "coin"]),
        (dict(method="hare", first_divisor="1.4"), ["--method", "hare", "--first-divisor", "1.4"]),
    ]
    for keywords, flags in cases:
        with pytest.raises(seatsim.Error) as raised:
            seatsim.allocate([10, 5], 3, **keywords)
        assert str(raised.value) == python_wording(cli_error("allocate", votes, "--seats", "3", *flags))


def test_bad_votes_are_errors_not_silent_conversions():
    for votes in ([1, -2], [1.5, 2], ["a", "b"], [[[1]]], [10**13]):
        with pytest.raises(seatsim.Error):
            seatsim.allocate(votes, 2)
    with pytest.raises(seatsim.Error, match="first_divisor"):
        seatsim.allocate([1, 2], 2, first_divisor=float("nan"))
    with pytest.raises(seatsim.Error, match="first_divisor"):
        seatsim.allocate([1, 2], 2, first_divisor=True)
    with pytest.raises(seatsim.Error, match="no list"):
        seatsim.allocate([0, 0], 2)
