"""seatsim.import_dataset and seatsim.serve: the two commands that act on files and sockets (`seatsim import`,
`seatsim serve`), over the same library code as the command line."""
import os
import time
from typing import Any, Dict, Optional

from . import _core


def _path(value: Any) -> Optional[str]:
    return None if value is None else os.fspath(value)


def import_dataset(kind: str, source: Any, *, output: Any = None, recipe: str = "auto", seats: Any = None,
                   manifest: Any = None, lists: Any = None, agreements: Any = None,
                   provenance: Any = None) -> Dict[str, Any]:
    """Published tables converted into a data set, as `seatsim import KIND`.

    Parameters
    ----------
    kind : 'wikitable' (scraped text with '## Section' headings and tab-separated tables, the Iraq 2013 seed),
        'kerg2' (the Bundeswahlleiterin's kerg2.csv), 'knesset' (the Central Elections Committee's expc.csv) or
        'riksdag' (Valmyndigheten's JSON).
    source : str or os.PathLike, the published file.
    output : str or os.PathLike, optional. The data set's folder, created, its files replaced; without it nothing
        is written and the files come back as text only.
    recipe : 'auto', 'none', a built-in recipe's name or a recipe folder (wikitable only).
    seats, manifest : the published seats table and the hand-written election.toml (kerg2; manifest also for
        knesset and, required, riksdag).
    lists, agreements, provenance : the letters table, the surplus agreements (both required) and the provenance
        text (knesset).

    Returns
    -------
    dict with 'files' ({file name: text}: results.csv, election.toml, QUALITY.md, ...) and the counts 'districts',
    'lists', 'seats', 'reserved' and 'findings' (the inconsistencies QUALITY.md lists).

    Example
    -------
    >>> data = seatsim.import_dataset("wikitable", "../shared/seeds/000_3647352df70139e3.txt")
    >>> data["districts"], data["seats"]
    (14, 447)
    """
    return _core._import_dataset(kind, os.fspath(source), _path(output), recipe, _path(seats), _path(manifest),
                                 _path(lists), _path(agreements), _path(provenance))


class Explorer:
    """A running explorer (seatsim.serve(..., background=True)): its url, stop(), and a `with` block that stops it."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    @property
    def url(self) -> str:
        """The page's address, http://HOST:PORT/."""
        return str(self._handle.url)

    @property
    def port(self) -> int:
        """The port it listens on (the one the system chose for port=0)."""
        return int(self._handle.port)

    @property
    def running(self) -> bool:
        """Whether it still serves."""
        return bool(self._handle.running)

    def stop(self) -> None:
        """Stops serving; calling it again does nothing."""
        self._handle.stop()

    def __enter__(self) -> "Explorer":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<seatsim.Explorer {self._handle.name!r} at {self.url} ({state})>"


def serve(data: Any, *, port: int = 8080, host: str = "127.0.0.1", background: bool = False,
          max_request_seats: int = 100_000, max_lists: int = 10_000, max_sweep_values: int = 1_000,
          max_draws: int = 20_000, max_reply: int = 16 * 1024 * 1024, max_time: float = 10.0,
          max_body: int = 256 * 1024, read_time: float = 5.0, backlog: int = 128, **rule: Any) -> Optional[Explorer]:
    """The what-if explorer of `seatsim serve` for one data set, in the browser.

    Parameters
    ----------
    data : str or os.PathLike, a data-set folder, a votes CSV or a scenario file without a sweep (the explorer
        reads it once, when it starts; nothing a request sends reaches the file system).
    port : int, 0 picks a free one. host : str, 127.0.0.1 (this machine only) unless you say otherwise.
    background : bool. False serves until Ctrl-C (KeyboardInterrupt); True returns an Explorer at once (a notebook
        keeps running), which stop() or a `with` block ends.
    max_request_seats, max_lists, max_sweep_values, max_draws, max_reply, max_time (seconds) : the work one request
        may ask for; max_body (bytes), read_time (seconds), backlog : the transport's limits (docs/explorer.md).
    **rule : the rule the page starts from, over the data set's (system=, method=, first_divisor=, seats=, ...).

    Returns
    -------
    seatsim.Explorer with background=True, else None once stopped.

    Example
    -------
    >>> with seatsim.serve("scenarios/iraq-2013", port=0, background=True) as explorer:
    ...     print(explorer.url)
    http://127.0.0.1:PORT/
    """
    limits = _core._ExplorerLimits(max_request_seats, max_lists, max_sweep_values, max_draws, max_reply, max_time)
    handle = _core._serve(os.fspath(data), host, port, limits, max_body, read_time, backlog, **rule)
    explorer = Explorer(handle)
    if background:
        return explorer
    print(f"seatsim: exploring {handle.name} at {explorer.url} (Ctrl-C stops)", flush=True)
    try:
        while explorer.running:
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        explorer.stop()
    return None
