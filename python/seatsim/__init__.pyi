# Type stubs of the package seatsim (checked against the module by `python3 -m mypy.stubtest seatsim`, test
# python/tests/test_stubs.py). Tables are pandas DataFrames or dicts of columns; results mirror the input.
import os
from fractions import Fraction
from typing import Any, Dict, List, Literal, Mapping, Optional, Sequence, Tuple, Union, overload

import numpy as np
import numpy.typing as npt

__version__: str

_Number = Union[str, int, float, Fraction]
_Threshold = Union[str, float, Fraction]
_Path = Union[str, os.PathLike[str]]
# A long votes table: a pandas DataFrame or a dict of columns (district, party, votes[, published_seats]).
_Table = Union[Mapping[str, Sequence[Any]], Any]
_Columns = Dict[str, Any]
_Votes = Union[npt.ArrayLike, Sequence[int]]

class Error(ValueError):
    file: Optional[str]
    line: Optional[int]
    key: Optional[str]

class InputError(Error): ...
class TieError(Error): ...
class NoteWarning(UserWarning): ...
class TieWarning(NoteWarning): ...

class System:
    @staticmethod
    def load(name_or_path: str) -> System: ...
    @staticmethod
    def from_toml(text: str) -> System: ...
    @staticmethod
    def from_json(text: str) -> System: ...
    @staticmethod
    def from_dict(value: Dict[str, Any]) -> System: ...
    def to_toml(self) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def with_rule(self, **keywords: Any) -> System: ...
    @property
    def name(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def country(self) -> str: ...
    @property
    def in_force(self) -> str: ...
    @property
    def statute(self) -> str: ...
    @property
    def rule(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...

class Dataset:
    @property
    def name(self) -> str: ...
    @property
    def folder(self) -> str: ...
    @property
    def caveats(self) -> List[str]: ...
    @property
    def districts(self) -> List[str]: ...
    @property
    def files(self) -> List[Dict[str, str]]: ...
    @property
    def rule(self) -> Dict[str, Any]: ...
    def votes(self) -> _Columns: ...
    def allocate(self, **keywords: Any) -> _Columns: ...
    def sweep(self, break_points: bool = ..., threads: int = ...) -> _Columns: ...
    def compare(self, **keywords: Any) -> _Columns: ...
    def indices(self, published: bool = ..., **keywords: Any) -> _Columns: ...
    def compare_summary(self, **keywords: Any) -> str: ...
    def margins(self, **keywords: Any) -> Dict[str, _Columns]: ...
    def simulate(
        self,
        draws: int,
        noise: str,
        seed: Optional[int] = ...,
        threads: int = ...,
        coalitions: List[str] = ...,
        indices: bool = ...,
        **keywords: Any,
    ) -> Dict[str, _Columns]: ...
    def fit(self, **keywords: Any) -> _Columns: ...
    def paradoxes(self, max_seconds: float = ..., **keywords: Any) -> _Columns: ...
    def curves(self, parties: List[str], swing: str = ..., view: str = ..., **keywords: Any) -> _Columns: ...
    def explain(self, district: str = ..., **keywords: Any) -> _Columns: ...
    def chart(self, kind: str = ..., published: bool = ..., title: str = ..., district: str = ..., **keywords: Any) -> str: ...
    def report(self, parties: str = ..., sweeps: bool = ..., **keywords: Any) -> str: ...
    def project(
        self,
        polls: Any,
        mapping: Any = ...,
        swing: str = ...,
        draws: int = ...,
        seed: Optional[int] = ...,
        threads: int = ...,
        half_life: float = ...,
        covariance: Any = ...,
        house_effects: Any = ...,
        noise: Optional[str] = ...,
        sampling: bool = ...,
        estimate_house_effects: bool = ...,
        coalitions: List[str] = ...,
        regions: Any = ...,
        regional_covariance: Any = ...,
        new_party_pattern: Any = ...,
        turnout: str = ...,
        chart: bool = ...,
        **keywords: Any,
    ) -> Dict[str, Any]: ...

def systems() -> List[str]: ...
def rule_keys() -> List[str]: ...
def methods() -> List[str]: ...
@overload
def allocate(
    votes: _Votes,
    seats: Optional[int] = ...,
    method: Optional[str] = ...,
    first_divisor: Optional[_Number] = ...,
    threshold: Optional[_Threshold] = ...,
    ties: Optional[str] = ...,
    seed: Optional[int] = ...,
    *,
    return_ties: Literal[False] = ...,
    threads: int = ...,
    as_frame: bool = ...,
    **rule: Any,
) -> Any: ...
@overload
def allocate(
    votes: _Votes,
    seats: Optional[int] = ...,
    method: Optional[str] = ...,
    first_divisor: Optional[_Number] = ...,
    threshold: Optional[_Threshold] = ...,
    ties: Optional[str] = ...,
    seed: Optional[int] = ...,
    *,
    return_ties: Literal[True],
    threads: int = ...,
    as_frame: bool = ...,
    **rule: Any,
) -> Tuple[npt.NDArray[np.int32], npt.NDArray[np.bool_]]: ...
def load(votes: Union[_Table, _Path, Dataset], *, districts: Optional[_Table] = ..., name: Optional[str] = ...) -> Dataset: ...
def compare(votes: Union[_Table, _Path, Dataset], *, as_frame: bool = ..., **rule: Any) -> Any: ...
def indices(votes: Union[_Table, _Path, Dataset], *, published: bool = ..., as_frame: bool = ..., **rule: Any) -> Any: ...
def margins(votes: Union[_Table, _Path, Dataset], *, as_frame: bool = ..., **rule: Any) -> Dict[str, Any]: ...
def simulate(
    votes: Union[_Table, _Path, Dataset],
    draws: int,
    noise: str,
    *,
    seed: Optional[int] = ...,
    threads: int = ...,
    coalitions: Optional[List[str]] = ...,
    indices: bool = ...,
    as_frame: bool = ...,
    **rule: Any,
) -> Dict[str, Any]: ...
def scenario(
    path: Union[_Path, Dataset],
    *,
    base: Union[_Table, _Path, Dataset, None] = ...,
    districts: Optional[_Table] = ...,
    sweep: bool = ...,
    break_points: bool = ...,
    threads: int = ...,
    as_frame: bool = ...,
    **rule: Any,
) -> Any: ...
def fit(votes: Union[_Table, _Path, Dataset], *, as_frame: bool = ..., **rule: Any) -> Any: ...
def paradoxes(
    votes: Union[_Table, _Path, Dataset], *, max_seconds: float = ..., as_frame: bool = ..., **rule: Any
) -> Any: ...
def curves(
    votes: Union[_Table, _Path, Dataset],
    parties: Union[str, Sequence[str]],
    *,
    swing: str = ...,
    view: str = ...,
    as_frame: bool = ...,
    **rule: Any,
) -> Any: ...
def chart(
    votes: Union[_Table, _Path, Dataset],
    kind: str = ...,
    *,
    published: bool = ...,
    title: str = ...,
    district: str = ...,
    **rule: Any,
) -> str: ...
def project(
    votes: Union[_Table, _Path, Dataset],
    polls: Union[_Table, _Path],
    *,
    mapping: Optional[Union[_Table, _Path]] = ...,
    swing: str = ...,
    draws: int = ...,
    seed: Optional[int] = ...,
    threads: int = ...,
    half_life: float = ...,
    covariance: Optional[Union[_Table, _Path]] = ...,
    house_effects: Optional[Union[_Table, _Path]] = ...,
    noise: Optional[str] = ...,
    sampling: bool = ...,
    estimate_house_effects: bool = ...,
    coalitions: Optional[List[str]] = ...,
    regions: Optional[Union[_Table, _Path]] = ...,
    regional_covariance: Optional[Union[_Table, _Path]] = ...,
    new_party_pattern: Optional[Union[_Table, _Path]] = ...,
    turnout: str = ...,
    chart: bool = ...,
    as_frame: bool = ...,
    **rule: Any,
) -> Any: ...
def report(votes: Union[_Table, _Path, Dataset], *, parties: str = ..., sweeps: bool = ..., **rule: Any) -> str: ...
def sweep(
    path: Union[_Path, Dataset],
    *,
    base: Union[_Table, _Path, Dataset, None] = ...,
    break_points: bool = ...,
    threads: int = ...,
    as_frame: bool = ...,
) -> Any: ...
def explain(
    votes: Union[_Table, _Path, Dataset], *, district: str = ..., as_frame: bool = ..., **rule: Any
) -> Any: ...
def import_dataset(
    kind: Literal["wikitable", "kerg2", "knesset", "riksdag"],
    source: _Path,
    *,
    output: Optional[_Path] = ...,
    recipe: str = ...,
    seats: Optional[_Path] = ...,
    manifest: Optional[_Path] = ...,
    lists: Optional[_Path] = ...,
    agreements: Optional[_Path] = ...,
    provenance: Optional[_Path] = ...,
) -> Dict[str, Any]: ...

class Explorer:
    def __init__(self, handle: Any) -> None: ...
    @property
    def url(self) -> str: ...
    @property
    def port(self) -> int: ...
    @property
    def running(self) -> bool: ...
    def stop(self) -> None: ...
    def __enter__(self) -> Explorer: ...
    def __exit__(self, *exc: Any) -> None: ...

def serve(
    data: _Path,
    *,
    port: int = ...,
    host: str = ...,
    background: bool = ...,
    max_request_seats: int = ...,
    max_lists: int = ...,
    max_sweep_values: int = ...,
    max_draws: int = ...,
    max_reply: int = ...,
    max_time: float = ...,
    max_body: int = ...,
    read_time: float = ...,
    backlog: int = ...,
    **rule: Any,
) -> Optional[Explorer]: ...
