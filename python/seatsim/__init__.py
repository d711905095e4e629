"""seatsim: exact seat allocation for elections, from Python.

Tables in, tables out: every function takes votes as a pandas DataFrame in long format (district, party, votes[,
published_seats]), a dict of such columns, or a votes file / data-set folder / scenario file, and returns a
DataFrame for a DataFrame (or with as_frame=True), else a dict of columns. Arrays of numbers go straight to the
kernel: seatsim.allocate(votes_array, seats) (2-D = scenarios x lists, batched, threads=).

    >>> import pandas as pd, seatsim
    >>> votes = pd.DataFrame({"party": ["A", "B", "C"], "votes": [45000, 21000, 17500]})
    >>> seatsim.allocate(votes, 11, first_divisor=1.4)["seats"].tolist()
    [6, 3, 2]

The functions mirror the command line (docs/python.md lists the counterparts): allocate, compare, margins,
simulate, scenario, sweep, indices, fit, curves, paradoxes, explain, chart, report, project, systems/System,
import_dataset and serve (the explorer). Errors are
seatsim.Error subclasses (InputError with file/line/key, TieError); notes are seatsim.NoteWarning and ties
seatsim.TieWarning, one warning per call.
"""
from ._core import (
    Dataset,
    Error,
    InputError,
    NoteWarning,
    System,
    TieError,
    TieWarning,
    __version__,
    allocate,
    methods,
    rule_keys,
    systems,
)
from ._commands import Explorer, import_dataset, serve
from ._tables import (
    chart,
    compare,
    curves,
    explain,
    fit,
    indices,
    load,
    margins,
    paradoxes,
    project,
    report,
    scenario,
    simulate,
    sweep,
)

__all__ = [
    "Dataset",
    "Error",
    "Explorer",
    "InputError",
    "NoteWarning",
    "System",
    "TieError",
    "TieWarning",
    "__version__",
    "allocate",
    "chart",
    "compare",
    "curves",
    "explain",
    "fit",
    "import_dataset",
    "indices",
    "load",
    "margins",
    "methods",
    "paradoxes",
    "project",
    "report",
    "rule_keys",
    "scenario",
    "serve",
    "simulate",
    "sweep",
    "systems",
]
