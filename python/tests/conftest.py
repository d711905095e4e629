"""Shared helpers: the CLI built beside the module, and running it."""
import csv
import io
import os
import subprocess
from pathlib import Path

import pytest

SOURCE_DIR = Path(os.environ.get("SEATSIM_SOURCE_DIR", Path(__file__).resolve().parents[2]))


def cli_path():
    path = os.environ.get("SEATSIM_CLI")
    if not path:
        pytest.skip("SEATSIM_CLI is not set (run the suite through ctest)")
    return path


def run_cli(*args, stdin=""):
    """Runs `seatsim ARGS`; returns (exit status, stdout, stderr)."""
    done = subprocess.run([cli_path(), *map(str, args)], input=stdin, capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def cli_csv(*args):
    status, out, err = run_cli(*args, "--format", "csv")
    assert status == 0, err
    return list(csv.DictReader(io.StringIO(out)))


def cli_error(*args):
    """The CLI's one-line error message, without the leading 'seatsim: '."""
    status, _, err = run_cli(*args)
    assert status == 2, err
    line = err.strip()
    assert line.startswith("seatsim: ")
    return line[len("seatsim: "):]
