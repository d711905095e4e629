"""The type stubs match the module (mypy's stubtest), and help() on every public function shows its parameters,
its return shape and an example."""
import inspect
import os
import subprocess
import sys
from pathlib import Path

import seatsim

HERE = Path(__file__).resolve().parent


def test_stubtest_passes():
    done = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "seatsim", "--mypy-config-file", str(HERE / "stubtest.ini"),
         "--allowlist", str(HERE / "stubtest_allowlist.txt")],
        capture_output=True, text=True, env=dict(os.environ), cwd=HERE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success" in done.stdout


def test_every_public_function_documents_parameters_returns_and_an_example():
    functions = [name for name in seatsim.__all__ if callable(getattr(seatsim, name))
                 and not inspect.isclass(getattr(seatsim, name))]
    assert {"allocate", "load", "compare", "margins", "simulate", "scenario", "fit", "curves"} <= set(functions)
    for name in functions:
        doc = getattr(seatsim, name).__doc__ or ""
        assert "Returns" in doc or name == "chart", name
        assert "Example" in doc, name
        assert name in ("systems", "rule_keys", "methods") or "Parameters" in doc or "(votes" in doc, name
    for cls in (seatsim.Dataset, seatsim.System):
        for name, member in vars(cls).items():
            if not name.startswith("_") and callable(member):
                assert (member.__doc__ or "").strip(), f"{cls.__name__}.{name}"
    assert "Error" in (seatsim.Error.__doc__ or "") or "raises" in (seatsim.Error.__doc__ or "")
