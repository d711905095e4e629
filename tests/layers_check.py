#!/usr/bin/env python3
"""The layers of seatsim (docs/architecture.md): every public header lives in one layer's folder
under include/seatsim/, and a layer's headers and sources include only their own layer and those
below it: core < kernel < io < analysis < render < server. The front ends (src/cli, src/mpi,
python/) may include anything.
Usage: layers_check.py REPOSITORY_ROOT"""
import pathlib
import re
import sys

ORDER = ["core", "kernel", "io", "analysis", "render", "server"]
RANK = {layer: rank for rank, layer in enumerate(ORDER)}
INCLUDE = re.compile(r'^\s*#\s*include\s+[<"]seatsim/([^/">]+)(/[^">]+)?[">]', re.M)


def layer_of(path: pathlib.Path, root: pathlib.Path):
    parts = path.relative_to(root).parts
    if parts[:2] == ("include", "seatsim"):
        return parts[2] if len(parts) > 3 else None
    if parts[0] == "src" and parts[1] in RANK:
        return parts[1]
    return "front end"


def main() -> int:
    root = pathlib.Path(sys.argv[1]).resolve()
    problems = []
    for header in (root / "include" / "seatsim").iterdir():
        if header.is_file():
            problems.append(f"{header.relative_to(root)}: a public header outside a layer's folder")
        elif header.name not in RANK:
            problems.append(f"{header.relative_to(root)}: not a layer ({', '.join(ORDER)})")
    files = list((root / "include").rglob("*.hpp")) + list((root / "src").rglob("*.cpp")) + list(
        (root / "src").rglob("*.hpp"))
    for path in sorted(files):
        layer = layer_of(path, root)
        if layer == "front end":
            continue
        text = path.read_text(encoding="utf-8")
        for match in INCLUDE.finditer(text):
            included, rest = match.group(1), match.group(2)
            line = text.count("\n", 0, match.start()) + 1
            if rest is None:
                problems.append(f"{path.relative_to(root)}:{line}: seatsim/{included} is not in a layer's folder")
            elif included not in RANK:
                problems.append(f"{path.relative_to(root)}:{line}: seatsim/{included}{rest}: no layer '{included}'")
            elif layer is not None and RANK[included] > RANK[layer]:
                problems.append(f"{path.relative_to(root)}:{line}: {layer} includes seatsim/{included}{rest}, "
                                f"a layer above it")
    for problem in problems:
        print(problem)
    print(f"layers: {len(files)} files checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
