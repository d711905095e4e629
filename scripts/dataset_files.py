"""What every importer script writes with: a file's SHA-256 (for QUALITY.md), a text file with Unix line ends, and
CSV text quoted only where a field needs it."""
import hashlib


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def csv_text(header, rows):
    out = [",".join(header)]
    for row in rows:
        out.append(",".join(f'"{v}"' if isinstance(v, str) and ("," in v or '"' in v) else str(v) for v in row))
    return "\n".join(out) + "\n"
