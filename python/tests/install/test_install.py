"""`pip install .` as a researcher runs it: a fresh virtual environment (system site packages for numpy and
pandas), no network, the package built by setup.py's CMake-driving build_ext, then imported from outside the
source tree. SEATSIM_BUILD_DIR (set by ctest) makes the build reuse this build tree, so the test costs seconds.
"""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

SOURCE_DIR = Path(os.environ.get("SEATSIM_SOURCE_DIR", Path(__file__).resolve().parents[3]))
BUILD_DIR = os.environ.get("SEATSIM_BUILD_DIR")


def run(*args, cwd, env=None):
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(map(str, args))}\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"
    return done.stdout


@pytest.fixture(scope="module")
def offline_env():
    if not BUILD_DIR:
        pytest.skip("SEATSIM_BUILD_DIR is not set (run through ctest)")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_CACHE_DIR="1",
               SEATSIM_BUILD_DIR=BUILD_DIR, CMAKE_BUILD_PARALLEL_LEVEL="2")
    return env


def test_pip_install_into_a_fresh_venv_and_import_outside_the_source_tree(offline_env, tmp_path):
    venv = Path(BUILD_DIR) / "python-install-venv"
    started = time.monotonic()
    run(sys.executable, "-m", "venv", "--clear", "--system-site-packages", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "--no-build-isolation", "--no-deps", "--no-index", SOURCE_DIR,
        cwd=tmp_path, env=offline_env)
    seconds = time.monotonic() - started
    print(f"venv + pip install: {seconds:.1f} s")
    check = (
        "import seatsim, numpy, sys\n"
        "assert seatsim.__file__.startswith(sys.prefix), seatsim.__file__\n"
        "assert seatsim.allocate([45000, 21000, 17500], 11, first_divisor=1.4).tolist() == [6, 3, 2]\n"
        "from pathlib import Path\n"
        "package = Path(seatsim.__file__).parent\n"
        "assert (package / '__init__.pyi').exists() and (package / 'py.typed').exists()\n"
        "print(seatsim.__version__, seatsim.__file__)\n"
    )
    out = run(python, "-c", check, cwd=tmp_path, env=offline_env)  # tmp_path: outside the source tree
    assert "python-install-venv" in out
    shown = run(python, "-m", "pip", "show", "seatsim", cwd=tmp_path, env=offline_env)
    assert "Name: seatsim" in shown


def test_build_makes_a_wheel_offline(offline_env, tmp_path):
    run(sys.executable, "-m", "build", "--no-isolation", "--wheel", "--outdir", tmp_path, SOURCE_DIR,
        cwd=SOURCE_DIR, env=offline_env)
    wheels = list(tmp_path.glob("seatsim-*.whl"))
    assert len(wheels) == 1, wheels
    import zipfile

    names = zipfile.ZipFile(wheels[0]).namelist()
    assert "seatsim/__init__.py" in names and "seatsim/__init__.pyi" in names and "seatsim/py.typed" in names
    assert any(name.startswith("seatsim/_core") and name.endswith(".so") for name in names), names
