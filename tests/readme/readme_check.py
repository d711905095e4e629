#!/usr/bin/env python3
"""Runs every example of README.md (or of another page), so that the docs never promise what the tool does not do.

    readme_check.py PAGE.md BIN_DIR [PYTHON_MODULE_DIR]

Commands run in the repository root (the folder of the page, or the one above it for a page in docs/), so
that a page in docs/ shows the same paths as the README.

- ```console blocks: each line starting with "$ " is a command (run by bash in the repository root, BIN_DIR
  first on PATH); the lines after it, up to the next command, are expected output. Each expected line must
  appear, in order, in the command's stdout and stderr together. A command must exit 0, or 1 for
  `seatsim compare` and `seatsim fit` (1 means "differences found"). `seatsim serve` runs for a few seconds and is then stopped.
  A command naming ../shared/ is skipped when that folder is absent; `mpirun` and `srun` are skipped when absent, `seatsim-mpi` when not built.
- ```python blocks run with this interpreter, the module directory on PYTHONPATH; skipped when the module
  was not built.
- ```sh blocks are the install, test and benchmark commands, which CI runs itself; they are not run here.

Prints "skipped: ..." for every skipped example, and fails when any example fails.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

SERVE_SECONDS = 3


PAGE = "README.md"


def blocks(text):
    """(language, first line number, lines) of each fenced block."""
    found, language, start, lines = [], None, 0, []
    for number, line in enumerate(text.splitlines(), 1):
        fence = re.match(r"^```(\w*)\s*$", line)
        if fence and language is None:
            language, start, lines = fence.group(1) or "text", number + 1, []
        elif line.startswith("```") and language is not None:
            found.append((language, start, lines))
            language = None
        elif language is not None:
            lines.append(line)
    if language is not None:
        sys.exit(f"{PAGE}:{start - 1}: unclosed code block")
    return found


def console_examples(start, lines):
    """(line number, command, expected lines) of a console block."""
    examples = []
    for offset, line in enumerate(lines):
        if line.startswith("$ "):
            examples.append((start + offset, line[2:], []))
        elif examples and line.strip():
            examples[-1][2].append(line.rstrip())
        elif not examples and line.strip():
            sys.exit(f"{PAGE}:{start + offset}: output before any command")
    return examples


def run_console(root, env, number, command, expected, shared):
    where = f"{PAGE}:{number}"
    if "../shared/" in command and not shared.is_dir():
        print(f"skipped: {where}: {shared} absent: {command}")
        return "skipped"
    launcher = re.sub(r"^(\w+=\S*\s+)*", "", command).split()[0]  # past leading VAR=value assignments
    if launcher in ("mpirun", "srun") and not shutil.which(launcher):
        print(f"skipped: {where}: {launcher} absent")
        return "skipped"
    if "seatsim-mpi" in command and not shutil.which("seatsim-mpi", path=env["PATH"]):
        print(f"skipped: {where}: seatsim-mpi not built (-DSEATSIM_WITH_MPI=ON)")
        return "skipped"
    serving = "seatsim serve" in command
    try:
        result = subprocess.run(["bash", "-c", command], cwd=root, env=env, capture_output=True, text=True,
                                timeout=SERVE_SECONDS if serving else 600)
        output, status = result.stdout + result.stderr, result.returncode
    except subprocess.TimeoutExpired as stopped:
        if not serving:
            return f"{where}: timed out: {command}"
        output = "".join(part.decode() if isinstance(part, bytes) else (part or "")
                         for part in (stopped.stdout, stopped.stderr))
        status = 0
    allowed = {0, 1} if command.startswith(("seatsim compare", "seatsim fit")) else {0}
    if status not in allowed:
        return f"{where}: exit {status}: {command}\n{output[-2000:]}"
    actual = output.splitlines()
    position = 0
    for line in expected:
        while position < len(actual) and line.strip() not in actual[position]:
            position += 1
        if position == len(actual):
            return f"{where}: expected line not printed (in order): {line!r}\ncommand: {command}\n{output[-2000:]}"
        position += 1
    print(f"ok: {where}: {command}")
    return "ok"


def run_python(root, env, number, lines, module_dir):
    where = f"{PAGE}:{number}"
    # The package seatsim/ with its extension seatsim/_core*.so (a bare seatsim*.so before 2026-12-06).
    built = module_dir and (any(Path(module_dir).glob("seatsim*.so")) or any(Path(module_dir).glob("seatsim/_core*.so")))
    if not built:
        print(f"skipped: {where}: the Python module was not built (-DSEATSIM_PYTHON=ON)")
        return "skipped"
    python_env = dict(env, PYTHONPATH=str(module_dir))
    result = subprocess.run([sys.executable, "-c", "\n".join(lines)], cwd=root, env=python_env,
                            capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        return f"{where}: the Python example failed:\n{result.stdout}{result.stderr}"
    print(f"ok: {where}: python example")
    return "ok"


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    global PAGE
    readme, bin_dir = Path(sys.argv[1]).resolve(), Path(sys.argv[2]).resolve()
    module_dir = Path(sys.argv[3]).resolve() if len(sys.argv) == 4 else None
    root = readme.parent.parent if readme.parent.name == "docs" else readme.parent
    PAGE = str(readme.relative_to(root))
    shared = root.parent / "shared"
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ.get('PATH', '')}")
    failures, results = [], []
    for language, start, lines in blocks(readme.read_text(encoding="utf-8")):
        if language == "console":
            for number, command, expected in console_examples(start, lines):
                results.append(run_console(root, env, number, command, expected, shared))
        elif language == "python":
            results.append(run_python(root, env, start, lines, module_dir))
    failures = [r for r in results if r not in ("ok", "skipped")]
    for failure in failures:
        print("FAILED: " + failure)
    if not results:
        sys.exit(f"{PAGE} has no examples")
    print(f"{results.count('ok')} example(s) ran, {results.count('skipped')} skipped, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
