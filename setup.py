"""Builds the extension seatsim._core with the project's CMake build (pyproject.toml names setuptools).

build_ext configures the source tree with -DSEATSIM_PYTHON=ON (no tests, benchmarks or MPI) in a folder of its
own and builds only the module target, then copies the extension into the package. With SEATSIM_BUILD_DIR set to
an already configured build tree (one configured with -DSEATSIM_PYTHON=ON), it builds the module target there
instead: the install test and CI reuse the objects of the ordinary build. SEATSIM_CMAKE_ARGS adds configure
arguments (";"-separated is not needed: they are split on spaces); CMAKE_BUILD_PARALLEL_LEVEL sets the jobs.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


def project_version() -> str:
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    found = re.search(r"project\(seatsim VERSION ([0-9.]+)", text)
    if not found:
        raise RuntimeError("CMakeLists.txt: no 'project(seatsim VERSION x.y.z'")
    return found.group(1)


class CMakeExtension(Extension):
    def __init__(self, name: str, target: str) -> None:
        super().__init__(name, sources=[])
        self.target = target


class CMakeBuild(build_ext):
    """Runs CMake instead of compiling sources itself."""

    def build_extension(self, ext: Extension) -> None:
        assert isinstance(ext, CMakeExtension)
        reused = os.environ.get("SEATSIM_BUILD_DIR")
        build_dir = Path(reused).resolve() if reused else Path(self.build_temp).resolve() / "cmake"
        if not (build_dir / "CMakeCache.txt").exists():
            if reused:
                raise RuntimeError(f"SEATSIM_BUILD_DIR={reused}: not a configured CMake build tree")
            self.configure(build_dir)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(min(os.cpu_count() or 1, 2)))
        subprocess.run(["cmake", "--build", str(build_dir), "--target", ext.target, "-j", jobs], check=True)
        built = sorted((build_dir / "python" / "seatsim").glob("_core*" + self.suffix()))
        if not built:
            raise RuntimeError(f"{build_dir}/python/seatsim: no _core extension after the build")
        destination = Path(self.get_ext_fullpath(ext.name))
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], destination)

    @staticmethod
    def suffix() -> str:
        import sysconfig

        return sysconfig.get_config_var("EXT_SUFFIX") or ".so"

    @staticmethod
    def configure(build_dir: Path) -> None:
        build_dir.mkdir(parents=True, exist_ok=True)
        arguments = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir), "-DCMAKE_BUILD_TYPE=Release",
            "-DSEATSIM_PYTHON=ON", "-DSEATSIM_TESTS=OFF", "-DSEATSIM_BENCH=OFF", "-DSEATSIM_WITH_MPI=OFF",
            f"-DPython_EXECUTABLE={sys.executable}",
        ]
        if shutil.which("ninja"):
            arguments += ["-G", "Ninja"]
        arguments += os.environ.get("SEATSIM_CMAKE_ARGS", "").split()
        subprocess.run(arguments, check=True)


setup(
    version=project_version(),
    ext_modules=[CMakeExtension("seatsim._core", target="seatsim_python")],
    cmdclass={"build_ext": CMakeBuild},
    # setuptools' own scratch folder, apart from the CMake build tree build/.
    options={"build": {"build_base": "build/setuptools"}},
)
