#!/usr/bin/env python3
"""Checks that docs/reference.md mentions every subcommand and every long flag that `--help` shows.

    reference_check.py docs/reference.md SEATSIM [SEATSIM_MPI]

Runs `SEATSIM --help`, then `SEATSIM CMD --help` for every subcommand it lists, and again for their own
subcommands (`import wikitable`); the same for seatsim-mpi when given. From each help text it takes the
subcommands (the lines under "Subcommands:") and every long flag (`--name`, also the `--no-name` of a negated
flag). The reference documents a subcommand as `seatsim NAME` (`seatsim import wikitable` for a nested one) and
a flag as `--name`, each in backquotes, anywhere in the page. Prints every one it lacks and fails, so that a new
command or flag cannot ship undocumented.
"""
import re
import subprocess
import sys
from pathlib import Path

# CLI11 prints an option's names first, comma-separated, e.g. "  -o,--output TEXT  Write ...". Flags are
# taken from that first word only, not from the descriptions (which mention other flags).
OPTION_LINE = re.compile(r"^\s{2,}(-\S*)")
LONG_FLAG = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")


def help_text(program, words):
    run = subprocess.run([program, *words, "--help"], capture_output=True, text=True, timeout=60)
    if run.returncode != 0:
        sys.exit(f"{' '.join([program, *words, '--help'])} exited {run.returncode}: {run.stderr.strip()}")
    return run.stdout


def subcommands(text):
    """Names listed under "Subcommands:" (CLI11 2.1: "  name   summary", one per line, until a blank line)."""
    names, inside = [], False
    for line in text.splitlines():
        if line.strip().lower() == "subcommands:":
            inside = True
        elif inside and not line.strip():
            inside = False
        elif inside and line.startswith("  ") and not line.startswith("   "):
            names.append(line.split()[0])
    return names


def long_flags(text):
    flags = set()
    for line in text.splitlines():
        match = OPTION_LINE.match(line)
        if match:
            flags.update(LONG_FLAG.findall(match.group(1)))
    return flags


def walk(program, words, found):
    """Adds (what, where) for the command `words` and everything below it."""
    text = help_text(program, words)
    for flag in long_flags(text):
        found.setdefault(("flag", flag), []).append(" ".join([Path(program).name, *words]))
    for name in subcommands(text):
        found.setdefault(("command", " ".join([*words, name])), []).append(Path(program).name)
        walk(program, [*words, name], found)


def documented(reference, kind, name):
    if kind == "command":
        return f"`seatsim {name}" in reference
    return re.search(r"`[^`\n]*" + re.escape(name) + r"(?![a-z0-9-])[^`\n]*`", reference) is not None


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    reference = Path(sys.argv[1]).read_text(encoding="utf-8")
    found = {}
    for program in sys.argv[2:]:
        walk(program, [], found)
    commands = sorted(name for kind, name in found if kind == "command")
    flags = sorted(name for kind, name in found if kind == "flag")
    if len(commands) < 5 or len(flags) < 20:
        sys.exit(f"too few commands ({len(commands)}) or flags ({len(flags)}) read from --help: has its layout changed?")
    missing = [(kind, name) for kind, name in sorted(found) if not documented(reference, kind, name)]
    for kind, name in missing:
        shown = f"seatsim {name}" if kind == "command" else name
        print(f"{sys.argv[1]}: {kind} {shown} (in --help of {', '.join(sorted(set(found[(kind, name)])))}) "
              f"is not documented")
    print(f"checked {len(commands)} commands and {len(flags)} flags: {len(missing)} undocumented")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
