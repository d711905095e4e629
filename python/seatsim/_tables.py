"""Tables in and out: DataFrames, dicts of columns and files as seatsim data sets, results in the input's kind.

A DataFrame or dict is handed to the C++ reader as columns of text, the rows a votes file would have, so a
DataFrame and its to_csv() are read by the same code and give the same errors (row r is line r + 2). Nothing is
written to disk.
"""
from __future__ import annotations

import math
import os
import collections.abc as _abc
from typing import Any, Dict, Optional

from . import _core

Columns = Dict[str, Any]


def _is_frame(value: Any) -> bool:
    """A pandas DataFrame, without importing pandas for callers that never use it."""
    return type(value).__name__ == "DataFrame" and hasattr(value, "columns") and hasattr(value, "to_dict")


def _text(value: Any) -> str:
    """A cell as a votes file writes it: missing (None, NaN, pandas.NA) as empty, whole floats without '.0'."""
    if value is None or value is getattr(_pandas_na(), "NA", object()):
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer():
            return str(int(value))
    if isinstance(value, str):
        return value
    try:  # numpy and pandas scalars, which may be NaN or NA
        if value != value:
            return ""
    except (TypeError, ValueError):
        return ""
    return str(value)


def _pandas_na() -> Any:
    import sys

    return sys.modules.get("pandas")


def _columns(table: Any, parameter: str) -> Dict[str, list]:
    """A DataFrame or dict of columns as {column: [text, ...]}."""
    if _is_frame(table):
        if getattr(table.columns, "nlevels", 1) != 1:
            raise _core.InputError(f"{parameter}: a DataFrame with flat column names (district, party, votes)")
        items = [(str(name), table[name].tolist()) for name in table.columns]
    elif isinstance(table, _abc.Mapping):
        items = []
        for name, column in table.items():
            if isinstance(column, (str, bytes)) or not hasattr(column, "__len__"):
                raise _core.InputError(
                    f"{parameter}: a dict of columns (name -> list of values), but '{name}' is {type(column).__name__}"
                )
            items.append((str(name), list(column)))
    else:
        raise _core.InputError(
            f"{parameter}: expected a pandas DataFrame, a dict of columns, or a path, not {type(table).__name__}"
        )
    return {name: [_text(value) for value in column] for name, column in items}


def load(votes: Any, *, districts: Any = None, name: Optional[str] = None) -> _core.Dataset:
    """A Dataset from a DataFrame, a dict of columns, or a path.

    Parameters
    ----------
    votes : pandas.DataFrame, dict of columns, str or os.PathLike
        A long table with columns district (optional), party, votes and, optionally, published_seats
        (district_seats, leveling_seats, quota as in a votes file); or a votes CSV, a data-set folder
        (election.toml, results.csv, districts.csv) or a scenario file (*.toml).
    districts : DataFrame or dict, optional
        Seats per district (columns district, seats[, reserved]), a table's districts.csv.
    name : str, optional
        The name in messages and results (default: 'votes' for a table, the file name for a file).

    Returns
    -------
    seatsim.Dataset, whose methods (allocate, compare, margins, simulate, indices, sweep) return dicts of columns.

    Example
    -------
    >>> data = seatsim.load(pd.DataFrame({"party": ["A", "B"], "votes": [60, 40]}))
    >>> data.allocate(seats=5)["seats"].tolist()
    [3, 2]
    """
    if isinstance(votes, (str, os.PathLike)):
        if districts is not None:
            raise _core.InputError("districts: only with a table of votes (a data set has its districts.csv)")
        return _core.load(os.fspath(votes))
    if isinstance(votes, _core.Dataset):
        return votes
    seat_columns = None if districts is None else _columns(districts, "districts")
    return _core._dataset_from_columns(_columns(votes, "votes"), name or "votes", seat_columns)


def _load(votes: Any, rule: Dict[str, Any]) -> _core.Dataset:
    """load(votes), taking districts= (seat totals of a table) out of the rule keywords."""
    return load(votes, districts=rule.pop("districts", None))


def _mirror(result: Dict[str, Any], source: Any, as_frame: bool) -> Any:
    """A result as the input came: DataFrame for a DataFrame or as_frame, else the dict of columns."""
    if not (as_frame or _is_frame(source)):
        return result
    import pandas

    return pandas.DataFrame(result)


def _mirror_tables(result: Dict[str, Any], source: Any, as_frame: bool) -> Any:
    if not (as_frame or _is_frame(source)):
        return result
    import pandas

    # A chart (an SVG string) stays a string beside the tables.
    return {name: table if isinstance(table, str) else pandas.DataFrame(table) for name, table in result.items()}


def _rule(method: Any = None, first_divisor: Any = None, threshold: Any = None, ties: Any = None, seed: Any = None,
          **rule: Any) -> Dict[str, Any]:
    given = dict(method=method, first_divisor=first_divisor, threshold=threshold, ties=ties, seed=seed, **rule)
    return {key: value for key, value in given.items() if value is not None}


def allocate_table(votes: Any, seats: Any, method: Any, first_divisor: Any, threshold: Any, ties: Any, seed: Any,
                   return_ties: bool, threads: int, as_frame: bool, **rule: Any) -> Any:
    """seatsim.allocate for tables (the C++ entry hands them here)."""
    if return_ties:
        raise _core.InputError("return_ties: tables have a 'tie' column; return_ties is for arrays")
    data = _load(votes, rule)
    keywords = _rule(method, first_divisor, threshold, ties, seed, **rule)
    if seats is not None:
        keywords["seats"] = seats
    return _mirror(data.allocate(**keywords), votes, as_frame)


def compare(votes: Any, *, as_frame: bool = False, **rule: Any) -> Any:
    """Recomputed against published seats, as `seatsim compare`.

    Parameters
    ----------
    votes : DataFrame, dict of columns or path (see seatsim.load); needs published_seats.
    as_frame : bool, return a DataFrame whatever the input.
    **rule : rule keys over the data's rule (method, first_divisor, threshold, ..., system, seats, seats_file).

    Returns
    -------
    Columns district, party, votes, published_seats, seats, diff (None where nothing is published).

    Example
    -------
    >>> seatsim.compare(pd.DataFrame({"party": ["A", "B"], "votes": [60, 40], "published_seats": [3, 2]}))
    """
    return _mirror(_load(votes, rule).compare(**rule), votes, as_frame)


def indices(votes: Any, *, published: bool = False, as_frame: bool = False, **rule: Any) -> Any:
    """Disproportionality indices, as `seatsim allocate --view indices` (published=True: `compare --view indices`).

    Parameters
    ----------
    votes : DataFrame, dict of columns or path (see seatsim.load); districts= a table of seats per district.
    published : bool, also the indices of the published seats (a first column basis).
    as_frame : bool, return DataFrames whatever the input.
    **rule : rule keys over the data's rule (method, first_divisor, threshold, ..., system, seats, seats_file).

    Returns
    -------
    Columns level, district, gallagher, loosemore_hanby, sainte_lague, dhondt, rae, enp_votes, enp_seats,
    wasted_share (a first column basis with published=True).

    Example
    -------
    >>> seatsim.indices(frame, seats=10)["gallagher"]
    """
    return _mirror(_load(votes, rule).indices(published=published, **rule), votes, as_frame)


def margins(votes: Any, *, as_frame: bool = False, **rule: Any) -> Any:
    """Seat margins, as `seatsim margins`.

    Parameters
    ----------
    votes : DataFrame, dict of columns or path (see seatsim.load); districts= a table of seats per district.
    as_frame : bool, return DataFrames whatever the input.
    **rule : rule keys over the data's rule (method, first_divisor, threshold, ..., system, seats, seats_file).

    Returns
    -------
    A dict of three tables: 'lists' (district, party, votes, seats, votes_to_gain, votes_to_lose, gain_from,
    lose_to, ...), 'closest' (each district's closest seat) and 'ranking' (every seat that can change hands, most
    fragile first); DataFrames for a DataFrame or as_frame=True, else dicts of columns.

    Example
    -------
    >>> seatsim.margins(frame, seats=10)["lists"][["party", "votes_to_gain"]]
    """
    return _mirror_tables(_load(votes, rule).margins(**rule), votes, as_frame)


def simulate(votes: Any, draws: int, noise: str, *, seed: Optional[int] = None, threads: int = 1,
             coalitions: Optional[list] = None, indices: bool = False, as_frame: bool = False, **rule: Any) -> Any:
    """Monte Carlo seat distributions, as `seatsim simulate`.

    Parameters
    ----------
    draws : int, at least 1.
    noise : 'dirichlet:K', 'multinomial' or 'swing:SD[,DSD]'.
    seed : the draws' seed (None: the data's, else 0); the same seed gives the CLI's numbers whatever threads.
    threads : 0 uses every core.
    coalitions : party names joined by '+' ('A+B').
    indices : also the distribution of the indices.

    Returns
    -------
    A dict of tables 'summary' (party, seats, mean, sd, q05, q50, q95, p_majority), 'coalitions', 'districts',
    'histogram' (and 'indices'); DataFrames for a DataFrame or as_frame=True.

    Example
    -------
    >>> seatsim.simulate(frame, 1000, "dirichlet:500", seats=10, seed=1)["summary"]
    """
    tables = _load(votes, rule).simulate(draws, noise, seed=seed, threads=threads, coalitions=list(coalitions or []),
                                  indices=indices, **rule)
    return _mirror_tables(tables, votes, as_frame)


def scenario(path: Any, *, base: Any = None, districts: Any = None, sweep: bool = True, break_points: bool = False, threads: int = 1,
             as_frame: bool = False, **rule: Any) -> Any:
    """A scenario, as `seatsim scenario`: its sweep, or (without [sweep], or sweep=False) its allocation.

    Parameters
    ----------
    path : a scenario file (*.toml; its base is a data set or votes file), or a Dataset from seatsim.load; with
        base=, a scenario file or the scenario's TOML text, whose own `base` is then ignored.
    base : DataFrame, dict of columns or path (see seatsim.load), optional. The votes the scenario starts from,
        instead of the file's `base` (seat totals from its published_seats, or districts=); the result mirrors it
        (a DataFrame for a DataFrame).
    districts : with base=, seats per district (columns district, seats[, reserved]), as for seatsim.load.
    break_points : the sweep's exact break points instead of every step.
    threads : 0 uses every core.
    **rule : rule keys over the scenario's rule (allocation only).

    Returns
    -------
    The sweep's columns (value, district, party, votes, seats) or its break points; or the allocation's columns.

    Example
    -------
    >>> seatsim.scenario("scenarios/example/sweep.toml", break_points=True)
    >>> frame = pd.DataFrame({"party": ["A", "B", "C"], "votes": [45000, 21000, 17500],
    ...                       "published_seats": [6, 3, 2]})
    >>> seatsim.scenario('[[op]]\nkind = "transfer"\nfrom = "A"\nto = "C"\nshare = "10%"\n', base=frame)
    """
    data = _scenario_dataset(path, base, districts)
    mirrored = path if base is None else base
    try:
        if sweep and not rule:
            return _mirror(data.sweep(break_points=break_points, threads=threads), mirrored, as_frame)
    except _core.Error as error:
        if "not a scenario with a" not in str(error):
            raise
    return _mirror(data.allocate(**rule), mirrored, as_frame)


def _scenario_dataset(path: Any, base: Any, districts: Any = None) -> _core.Dataset:
    """load(path), or the scenario (a file or its TOML text) over the votes given as base=."""
    if base is None:
        if districts is not None:
            raise _core.InputError("districts: only with base= (a scenario file's base has its own seats)")
        return load(path)
    if isinstance(path, _core.Dataset):
        raise _core.InputError("base: give the scenario as a file or TOML text when base= supplies its votes")
    if isinstance(path, os.PathLike) or (isinstance(path, str) and "\n" not in path and "=" not in path):
        name = os.fspath(path)
        with open(name, encoding="utf-8") as handle:
            text = handle.read()
    elif isinstance(path, str):
        name, text = "scenario", path
    else:
        raise _core.InputError(f"path: a scenario file or TOML text, not {type(path).__name__}")
    return _core._scenario_on_base(text, name, load(base, districts=districts))


def fit(votes: Any, *, as_frame: bool = False, **rule: Any) -> Any:
    """Which rule produced the published seats, as `seatsim fit`.

    Parameters
    ----------
    votes : DataFrame, dict of columns or path (see seatsim.load), with published_seats.
    **rule : rule keys over the data's rule (method: the linear method whose first divisor varies).

    Returns
    -------
    Per district: the exact first-divisor interval (as fractions and decimals) under which the recomputation gives
    the published seats, the standard methods that give them, and why none can where that is known.

    Example
    -------
    >>> seatsim.fit("scenarios/iraq-2013", as_frame=True)[["district", "first_divisors"]]
    """
    return _mirror(_load(votes, rule).fit(**rule), votes, as_frame)


def paradoxes(votes: Any, *, max_seconds: float = 60.0, as_frame: bool = False, **rule: Any) -> Any:
    """Paradoxes of the election under its rule, as `seatsim paradoxes`, each re-checked.

    Parameters
    ----------
    votes : DataFrame, dict of columns or path (see seatsim.load); districts= a table of seats per district.
    max_seconds : float, the search's time limit (default 60).
    as_frame : bool, return DataFrames whatever the input.
    **rule : rule keys over the data's rule (method, first_divisor, threshold, ..., system, seats, seats_file).

    Returns
    -------
    Columns kind, change, district, party, amount, before, after, seats_before, seats_after, rechecked, detail
    (no rows: none found within max_seconds).

    Example
    -------
    >>> seatsim.paradoxes(frame, seats=10, max_seconds=5)
    """
    return _mirror(_load(votes, rule).paradoxes(max_seconds=max_seconds, **rule), votes, as_frame)


def curves(votes: Any, parties: Any, *, swing: str = "proportional", view: str = "pieces", as_frame: bool = False,
           **rule: Any) -> Any:
    """Seats-votes curves, as `seatsim curves`: each party's seats against its national vote share.

    Parameters
    ----------
    parties : a party name or a list of them.
    swing : 'proportional' or 'uniform'.
    view : 'pieces' (the exact break points) or 'bias' (seats at 50 %, bias).

    Returns
    -------
    Columns party, swing, seats, votes_from, votes_to, share_from, share_to (view='pieces').

    Example
    -------
    >>> seatsim.curves(frame, "A", seats=10)
    """
    names = [parties] if isinstance(parties, str) else list(parties)
    return _mirror(_load(votes, rule).curves(names, swing=swing, view=view, **rule), votes, as_frame)


def chart(votes: Any, kind: str = "hemicycle", *, published: bool = False, title: str = "", district: str = "",
          **rule: Any) -> str:
    """The parliament as an SVG string, as `seatsim chart`.

    Parameters
    ----------
    votes : DataFrame, dict of columns or path (see seatsim.load).
    kind : 'hemicycle' (the recomputed seats, or published=True the published ones), 'compare' (published against
        recomputed) or 'diff' (seats won and lost per district).
    title, district : the chart's title (default: the data's name and what is drawn); one district only.
    **rule : rule keys over the data's rule.

    Returns
    -------
    str, an SVG document (default party colours).

    Example
    -------
    >>> svg = seatsim.chart(frame, seats=10)
    >>> svg.startswith("<svg")
    True
    """
    return _load(votes, rule).chart(kind=kind, published=published, title=title, district=district, **rule)


def _table_argument(value: Any, parameter: str) -> Any:
    """A table argument as the module takes it: None, a path (str), or a dict of text columns."""
    if value is None:
        return None
    if isinstance(value, (str, os.PathLike)):
        return os.fspath(value)
    return _columns(value, parameter)


def project(votes: Any, polls: Any, *, mapping: Any = None, swing: str = "uniform", draws: int = 0,
            seed: Optional[int] = None, threads: int = 1, half_life: float = 14.0, covariance: Any = None,
            house_effects: Any = None, noise: Optional[str] = None, sampling: bool = True,
            estimate_house_effects: bool = True, coalitions: Optional[list] = None, regions: Any = None,
            regional_covariance: Any = None, new_party_pattern: Any = None, turnout: str = "unchanged",
            chart: bool = False, as_frame: bool = False, **rule: Any) -> Any:
    """From polls to seats over a base election, as `seatsim project` (docs/projection.md).

    Parameters
    ----------
    votes : the base election: DataFrame, dict of columns or path (see seatsim.load).
    polls : DataFrame or dict with columns pollster, fieldwork_end, sample_size, area, party, share (percent, as
        exact decimals: strings keep them exact), or a path (CSV, or ROPF when it ends in .ropf).
    mapping : poll parties to base lists (poll_party, base_party, weight), a table or a path.
    swing : 'uniform', 'proportional' or 'mix:W'.
    draws : Monte Carlo draws (0: the point projection only).
    seed : the draws' seed (None: the data's, else 0); the same seed gives the CLI's numbers whatever threads.
    threads : 0 uses every core.
    half_life : days; a poll weighs its sample size times 2^(-age/half_life).
    covariance : national error, party x party in squared points (a table or a path).
    house_effects : given house effects (pollster, party, points), a table or a path; else estimated unless
        estimate_house_effects=False.
    noise : district noise on the projected votes, 'dirichlet:K' or 'multinomial'.
    sampling : False leaves out the poll sampling error.
    coalitions : 'NAME=A+B' or 'A+B', for majority probabilities.
    regions : regions above the districts (district, region), a table or a path; default the rule's leveling
        regions. A poll's area may name one: it swings the region's districts against the region's base.
    regional_covariance : regional error, party x party in squared points, one draw per region (needs regions).
    new_party_pattern : new lists spread in proportion to district weights (party, district, weight).
    turnout : 'unchanged' or 'scale:F' (each district's votes times F, rounded half up).
    chart : with draws, also the fan chart (per party the 50-99 % seat intervals, median and base seats) as an SVG
        string under 'fan_chart', as `seatsim project --chart` draws it.
    **rule : rule keys over the base's rule (system=..., threshold=...).

    Returns
    -------
    A dict of tables 'parties' (base and poll shares, base and projected seats; with draws mean, median, 80/90/95/99 %
    intervals, P(passing each threshold)), 'coalitions' (P(majority), inclusive and exclusive), 'districts' (each
    list's projected votes and seats) and 'histogram'; DataFrames for a DataFrame or as_frame=True; with chart=True
    'fan_chart', an SVG string.

    Example
    -------
    >>> polls = {"pollster": ["P"], "fieldwork_end": ["2024-01-01"], "sample_size": ["1000"], "area": ["national"],
    ...          "party": ["A"], "share": ["60"]}
    >>> seatsim.project(frame, polls, seats=10)["parties"]
    """
    tables = _load(votes, rule).project(
        _table_argument(polls, "polls"), mapping=_table_argument(mapping, "mapping"), swing=swing, draws=draws,
        seed=seed, threads=threads, half_life=half_life, covariance=_table_argument(covariance, "covariance"),
        house_effects=_table_argument(house_effects, "house_effects"), noise=noise, sampling=sampling,
        estimate_house_effects=estimate_house_effects, coalitions=list(coalitions or []),
        regions=_table_argument(regions, "regions"),
        regional_covariance=_table_argument(regional_covariance, "regional_covariance"),
        new_party_pattern=_table_argument(new_party_pattern, "new_party_pattern"), turnout=turnout, chart=chart,
        **rule)
    return _mirror_tables(tables, votes, as_frame)


def report(votes: Any, *, parties: str = "", sweeps: bool = True, **rule: Any) -> str:
    """The self-contained HTML report as a string, as `seatsim report` writes it.

    Parameters
    ----------
    votes : DataFrame, dict of columns or path (see seatsim.load).
    parties : path of a parties.csv (party,colour,short) for the charts' colours; default: the data set's.
    sweeps : bool, draw the data set's what-if/*.toml sweeps (False leaves them out).
    **rule : rule keys over the data's rule.

    Returns
    -------
    str, one HTML page: summary, each differing district explained (with published seats), charts, sweeps,
    disproportionality indices, the upper tier's tables, the data set's caveats.

    Example
    -------
    >>> html = seatsim.report(frame, seats=10)
    >>> html.startswith("<!DOCTYPE html>")
    True
    """
    return _load(votes, rule).report(parties=parties, sweeps=sweeps, **rule)


def sweep(path: Any, *, base: Any = None, break_points: bool = False, threads: int = 1,
          as_frame: bool = False) -> Any:
    """A scenario file's sweep (its [sweep] section), as `seatsim scenario` writes it.

    Parameters
    ----------
    path : a scenario file with a [sweep] (or its Dataset from seatsim.load); with base=, a file or TOML text.
    base : DataFrame, dict of columns or path, optional: the votes to sweep instead of the file's `base`.
    break_points : bool, the exact break points instead of every step.
    threads : int, 0 uses every core.
    as_frame : bool, return a DataFrame.

    Returns
    -------
    Columns value, district, party, votes, seats; with break_points=True the exact break points (before, after,
    district, party, seats_before, seats_after, votes_before, votes_after, at_value).

    Example
    -------
    >>> seatsim.sweep("scenarios/iraq-2013-sweep.toml", break_points=True)
    """
    data = _scenario_dataset(path, base)
    return _mirror(data.sweep(break_points=break_points, threads=threads), path if base is None else base, as_frame)


def explain(votes: Any, *, district: str = "", as_frame: bool = False, **rule: Any) -> Any:
    """How the upper tier was reached, as `seatsim explain` writes it as CSV.

    Parameters
    ----------
    votes : DataFrame, dict of columns or path (see seatsim.load).
    district : one district only ('' for all).
    as_frame : bool, return a DataFrame whatever the input.
    **rule : rule keys over the data's rule (system=, leveling_seats, quota_tier, ...).

    Returns
    -------
    The leveling award table (leveling seats: national apportionment, each party's entitlement, the award order),
    the quota tier's districts (quotas, whole quotas, remainders), or the list alliances' split.

    Example
    -------
    >>> seatsim.explain("scenarios/sweden-2022", as_frame=True).head()
    """
    return _mirror(_load(votes, rule).explain(district=district, **rule), votes, as_frame)
