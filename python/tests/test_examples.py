"""Every script of python/examples/ runs (from the repository root, as docs/python.md shows) and prints its result."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SOURCE_DIR

EXAMPLES = sorted((SOURCE_DIR / "python" / "examples").glob("*.py"))
EXPECTED = {  # a line each script must print
    "recompute_parliament.py": "lists differ in",
    "sweep_rule.py": "State of Law Coalition",
    "margins.py": "votes_to_gain",
    "monte_carlo.py": "P(Green+Red+Yellow holds a majority of 51) = ",
    "pandas_example.py": "districts matched:",
}


def test_every_example_is_checked():
    assert {path.name for path in EXAMPLES} == set(EXPECTED)


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda path: path.name)
def test_example_runs(script, tmp_path):
    env = dict(os.environ, MPLBACKEND="Agg")
    # Run in a copy-free way: cwd is the repository root (the scripts read scenarios/...); outputs go to tmp_path.
    done = subprocess.run([sys.executable, str(script)], cwd=SOURCE_DIR, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert EXPECTED[script.name] in done.stdout, done.stdout
    Path(SOURCE_DIR / "monte_carlo.svg").unlink(missing_ok=True)
