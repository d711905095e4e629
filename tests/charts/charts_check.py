#!/usr/bin/env python3
"""Chart checks that need no seatsim module, only python3's standard library and the CLI.

  charts_check.py xml CLI         every chart kind parses as XML and has one seat element per seat
  charts_check.py browser CLI     every chart kind rendered by headless Chromium is a real picture
  charts_check.py docs-image CLI OUT   writes the README's hemicycle (docs/images/example-hemicycle.svg)
  charts_check.py docs-check CLI FILE  the committed README image is what the project produces now

Chromium is Debian's (/usr/bin/chromium or on PATH); when it is absent the browser check prints
"SKIPPED:" and ctest reports it skipped.
"""
import csv
import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

SVG = "{http://www.w3.org/2000/svg}"
SOURCE = Path(__file__).resolve().parents[2]


def run(cli, *args):
    done = subprocess.run([cli, *map(str, args)], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"seatsim {' '.join(map(str, args))} failed ({done.returncode}): {done.stderr}")
    return done.stdout


def seats_of(cli, *args):
    rows = list(csv.DictReader(io.StringIO(run(cli, "allocate", *args, "--format", "csv"))))
    return sum(int(row["seats"]) for row in rows)


def make_dataset(folder):
    """A made-up data set: three districts with published seats (one differing), parties.csv colours."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "election.toml").write_text(
        'name = "Chart test"\ncaveats = ["made up for the chart tests"]\n[rule]\nmethod = "sainte-lague"\n')
    (folder / "results.csv").write_text(
        "district,party,votes,published_seats\n"
        "North,Blue,41000,5\nNorth,Green,23000,3\nNorth,Red,17000,2\nNorth,Yellow,9000,1\nNorth,\"Purple & Co <b>\",4000,0\n"
        "Centre,Blue,12000,2\nCentre,Green,30000,4\nCentre,Red,8000,1\nCentre,Yellow,2000,0\n"
        "South,Blue,5000,1\nSouth,Green,6000,1\nSouth,Red,22000,3\nSouth,Yellow,1000,0\n")
    (folder / "districts.csv").write_text("district,seats\nNorth,11\nCentre,7\nSouth,5\n")
    (folder / "parties.csv").write_text("party,colour,short\nRed,#cc3311,R\nGreen,#009988,G\n")
    (folder / "what-if").mkdir(exist_ok=True)
    (folder / "what-if" / "first-divisor.toml").write_text(
        'name = "First divisor from 1 to 2"\nbase = "../"\n[sweep]\nparameter = "rule.first_divisor"\n'
        'values = { from = "1", to = "2", step = "0.1" }\n')
    return folder


def sweep_expectations(cli, scenario):
    """(lists with a seat at some value, break points) as `seatsim scenario` reports them, in the districts the
    chart draws: those whose seats change when they are at most three and not all (docs/charts.md)."""
    rows = list(csv.DictReader(io.StringIO(run(cli, "scenario", scenario, "--format", "csv"))))
    breaks = list(csv.DictReader(io.StringIO(run(cli, "scenario", scenario, "--format", "csv", "--break-points"))))
    changed = {row["district"] for row in breaks}
    everywhere = {row["district"] for row in rows}
    drawn = changed if 0 < len(changed) <= 3 and len(changed) < len(everywhere) else everywhere
    lists = {row["party"] for row in rows if int(row["seats"]) > 0 and row["district"] in drawn}
    return len(lists), len({(row["before"], row["after"]) for row in breaks})


def charts(cli, work):
    """Every chart kind, as (name, file, expected seat elements, colours that must show)."""
    data = make_dataset(work / "set")
    recomputed = seats_of(cli, data)
    published = 23
    big = work / "big.csv"
    big.write_text("party,votes\n" + "".join(f"List {i},{1000 * (i + 1) ** 2}\n" for i in range(12)))
    made = []

    def chart(name, *args, seats):
        out = work / f"{name}.svg"
        run(cli, "chart", *args, "-o", out)
        made.append((name, out, seats))

    chart("hemicycle", data, "--parliament-json", work / "parliament.json", seats=recomputed)
    chart("hemicycle-published", data, "--published", seats=published)
    chart("hemicycle-447", big, "--seats", 447, "--method", "dhondt", seats=447)
    chart("hemicycle-from-json", work / "parliament.json", seats=recomputed)
    chart("compare", data, "--kind", "compare", seats=published + recomputed)
    chart("compare-marked", data, "--kind", "compare", "--layout", "marked", seats=recomputed)
    chart("diff", data, "--kind", "diff", "--method", "dhondt", seats=seats_of(cli, data, "--method", "dhondt"))
    chart("sweep", data / "what-if" / "first-divisor.toml", "--kind", "sweep", seats=0)
    return made


def check_curves(cli, work):
    """`seatsim curves --chart`: one step path per party, one marker per break point, each marker's
    tooltip the exact interval of the table's consecutive pieces."""
    data = make_dataset(work / "curves-set")
    out = work / "curves.svg"
    table = list(csv.DictReader(io.StringIO(run(cli, "curves", data, "--party", "Blue", "--party", "Red", "--format",
                                                "csv", "--chart", out))))
    root = ET.parse(out).getroot()
    assert root.tag == SVG + "svg", root.tag
    curves = [e for e in root.iter(SVG + "path") if e.get("class") == "curve"]
    assert [e.find(SVG + "title").text for e in curves] == ["Blue", "Red"], curves
    marks = [e.find(SVG + "title").text for e in root.iter(SVG + "circle") if e.get("class") == "break"]
    expected = []
    for party in ("Blue", "Red"):
        pieces = [row for row in table if row["party"] == party]
        for before, after in zip(pieces, pieces[1:]):
            expected.append(f"{party}: {before['seats']} \u2192 {after['seats']} seats between "
                            f"{before['share_to']} % and {after['share_from']} % of the votes")
    assert marks == expected and marks, (marks, expected)
    print(f"curves: well-formed, 2 curves, {len(marks)} break points as in the table")


def check_fan(cli, work):
    """`seatsim project --chart`: well-formed XML, five bands per party drawn, its 80-99 % bands the table's."""
    polls = work / "polls.csv"
    polls.write_text("pollster,fieldwork_end,sample_size,area,party,share\n"
                     "P,2025-08-01,1000,national,Unity,40\nP,2025-08-01,1000,national,Renewal,35\n"
                     "P,2025-08-01,1000,national,Greens,25\n")
    out = work / "fan.svg"
    table = list(csv.DictReader(io.StringIO(run(cli, "project", SOURCE / "tests/data/synthetic-reserved", "--polls",
                                                polls, "--draws", "500", "--seed", "1", "--format", "csv",
                                                "--chart", out))))
    root = ET.parse(out).getroot()
    assert root.tag == SVG + "svg", root.tag
    bands = [e for e in root.iter(SVG + "rect") if e.get("class") == "band"]
    by_party = {row["party"]: row for row in table}
    for band in bands:
        row, level = by_party[band.get("data-party")], band.get("data-level")
        if level != "50":
            assert (band.get("data-lo"), band.get("data-hi")) == (row["lo" + level], row["hi" + level]), band.attrib
    parties = {band.get("data-party") for band in bands}
    assert parties and len(bands) == 5 * len(parties), (len(bands), parties)
    print(f"fan: well-formed, {len(parties)} parties, their bands the table's intervals")


def check_xml(cli):
    with tempfile.TemporaryDirectory() as tmp:
        check_curves(cli, Path(tmp))
        check_fan(cli, Path(tmp))
        made = charts(cli, Path(tmp))
        for name, path, seats in made:
            root = ET.parse(path).getroot()  # raises on anything that is not well-formed XML
            assert root.tag == SVG + "svg", (name, root.tag)
            found = [e for e in root.iter() if "seat" in e.get("class", "").split()]
            assert len(found) == seats, f"{name}: {len(found)} seat elements for {seats} seats"
            for seat in found:
                assert seat.tag in (SVG + "circle", SVG + "rect"), (name, seat.tag)
            if name == "sweep":
                lists, breaks = sweep_expectations(cli, Path(tmp) / "set" / "what-if" / "first-divisor.toml")
                drawn = [e for e in root.iter(SVG + "path") if e.get("class") == "list"]
                marked = [e for e in root.iter(SVG + "line") if e.get("class") == "break"]
                assert len(drawn) == lists and len(marked) == breaks and breaks > 0, (len(drawn), lists, len(marked), breaks)
                print(f"{name}: well-formed, {lists} lists, {breaks} break points")
                continue
            print(f"{name}: well-formed, {seats} seat elements")
    print(f"{len(made)} passed, 0 failed")


# --- PNG decoding (standard library only) -------------------------------------------------------

def png_pixels(data):
    """(width, height, rows of RGB(A) bytes) of an 8-bit RGB or RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour_type in (2, 6), f"unexpected PNG format {depth}/{colour_type}"
            channels = 4 if colour_type == 6 else 3
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        filter_type = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if filter_type == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif filter_type == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif filter_type == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif filter_type == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + predictor) & 0xFF
        rows.append(line)
        previous = line
    return width, height, channels, rows


def colours_in(png):
    width, height, channels, rows = png_pixels(png)
    counts = {}
    for line in rows:
        for x in range(0, width * channels, channels):
            key = bytes(line[x:x + 3])
            counts[key] = counts.get(key, 0) + 1
    return width * height, counts


def find_chromium():
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name) or (f"/usr/bin/{name}" if os.path.exists(f"/usr/bin/{name}") else None)
        if path:
            return path
    return None


def screenshot(chromium, svg, png, size):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--hide-scrollbars", "--force-device-scale-factor=1", f"--user-data-dir={profile}",
                        f"--screenshot={png}", f"--window-size={size[0]},{size[1]}", svg.as_uri()],
                       capture_output=True, timeout=120, check=True)


def check_browser(cli):
    chromium = find_chromium()
    if not chromium:
        print("SKIPPED: chromium is not installed (the browser check runs where it is, as in CI)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        made = charts(cli, Path(tmp))
        for name, path, _ in made:
            root = ET.parse(path).getroot()
            size = (int(float(root.get("width"))), int(float(root.get("height"))))
            png = path.with_suffix(".png")
            screenshot(chromium, path, png, size)
            pixels, counts = colours_in(png.read_bytes())
            white = counts.get(b"\xff\xff\xff", 0)
            fills = {e.get("fill").lower() for e in root.iter() if e.get("class") == "party" and e.get("fill", "").startswith("#")}
            fills |= {e.get("stroke").lower() for e in root.iter() if e.get("class") == "list"}
            wanted = {bytes.fromhex(c[1:] if len(c) == 7 else "".join(ch * 2 for ch in c[1:])) for c in fills}
            missing = [c.hex() for c in wanted if counts.get(c, 0) < 20]
            assert white < pixels * 0.98, f"{name}: the picture is (almost) blank"
            assert len(counts) >= len(wanted) + 2, f"{name}: only {len(counts)} colours"
            assert not missing, f"{name}: party colours not drawn: {missing}"
            print(f"{name}: {size[0]}x{size[1]} px, {len(counts)} colours, every party colour drawn")
        # The HTML report of the Iraq 2013 data set: charts inline, nothing fetched.
        report = Path(tmp) / "report.html"
        run(cli, "report", SOURCE / "scenarios/iraq-2013", "-o", report)
        png = report.with_suffix(".png")
        screenshot(chromium, report, png, (1200, 2000))
        pixels, counts = colours_in(png.read_bytes())
        assert counts.get(b"\xff\xff\xff", 0) < pixels * 0.98 and len(counts) > 50, "report: (almost) blank"
        print(f"report: 1200x2000 px, {len(counts)} colours")
    print(f"{len(made) + 1} passed, 0 failed")


def docs_image(cli, out):
    run(cli, "chart", SOURCE / "scenarios/example/votes.csv", "--seats", 101, "--first-divisor", "1.4",
        "--parties", SOURCE / "scenarios/example/parties.csv",
        "--title", "101 seats under Sainte-Lagu\u00eb, first divisor 1.4 (scenarios/example)", "-o", out)


def check_docs_image(cli, committed):
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.svg"
        docs_image(cli, fresh)
        assert fresh.read_bytes() == Path(committed).read_bytes(), \
            f"{committed} is stale: regenerate it with tests/charts/charts_check.py docs-image"
    print("1 passed, 0 failed")


if __name__ == "__main__":
    command, cli = sys.argv[1], sys.argv[2]
    if command == "xml":
        check_xml(cli)
    elif command == "browser":
        check_browser(cli)
    elif command == "docs-image":
        docs_image(cli, Path(sys.argv[3]))
    elif command == "docs-check":
        check_docs_image(cli, sys.argv[3])
    else:
        raise SystemExit(__doc__)
