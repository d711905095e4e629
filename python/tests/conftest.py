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


def python_wording(message):
    """The CLI's message as Python words it (interface.md, amendment 6): flags become parameter names
    ('--first-divisor' -> 'first_divisor'), and so does a rule key that leads the message."""
    out, i = [], 0
    while i < len(message):
        starts_flag = message.startswith("--", i) and i + 2 < len(message) and message[i + 2].islower() and (
            i == 0 or message[i - 1] in " ('`")
        if not starts_flag:
            out.append(message[i])
            i += 1
            continue
        i += 2
        while i < len(message) and (message[i].islower() or message[i].isdigit() or message[i] == "-"):
            out.append("_" if message[i] == "-" else message[i])
            i += 1
    text = "".join(out)
    for key in ("first-divisor",):
        if text.startswith(key + ":"):
            text = key.replace("-", "_") + text[len(key):]
    return text


def numbers_match(python_columns, cli_rows):
    """Same columns, same rows; decimals compared as the numbers the CLI's text reads as."""
    assert list(python_columns) == list(cli_rows[0].keys())
    assert len(python_columns[next(iter(python_columns))]) == len(cli_rows)
    for name, values in python_columns.items():
        for value, row in zip(values, cli_rows):
            text = row[name]
            if isinstance(value, str):
                assert value == text, (name, row)
            elif value is None:
                assert text == "", (name, row)
            else:
                assert value == (float(text) if "." in text else int(text)), (name, row)
