"""seatsim.report: the CLI's HTML report, the same page but for the CLI's "How this was made" section (its
version, command and input digests), which a library call has no command line to fill."""
import re

import pytest
import seatsim

from conftest import SOURCE_DIR, cli_csv, numbers_match, run_cli


def without_provenance(html):
    html = re.sub(r'<li><a href="#provenance">.*?</li>\n?', "", html)
    return re.sub(r'<section id="provenance".*?</section>\n?', "", html, flags=re.S)


@pytest.mark.parametrize(
    "data, rule",
    [
        ("scenarios/iraq-2013", {}),  # a comparison with differing districts and what-if sweeps
        ("scenarios/iraq-2013", {"method": "dhondt", "sweeps": False}),
        ("scenarios/new-zealand-2014", {"system": "new-zealand-house"}),  # the mixed-member tables
    ],
)
def test_the_report_is_the_cli_report(data, rule):
    python_rule = {key: value for key, value in rule.items() if key != "sweeps"}
    html = seatsim.report(str(SOURCE_DIR / data), sweeps=rule.get("sweeps", True), **python_rule)
    args = [SOURCE_DIR / data]
    if "method" in rule:
        args += ["--method", rule["method"]]
    if "system" in rule:
        args += ["--system", rule["system"]]
    if rule.get("sweeps") is False:
        args.append("--no-sweeps")
    status, out, err = run_cli("report", *args)
    assert status == 0, err
    assert 'id="provenance"' in out and 'id="provenance"' not in html
    assert html.startswith("<!DOCTYPE html>")
    assert without_provenance(out) == html


def test_report_without_sweeps_has_fewer_charts():
    data = str(SOURCE_DIR / "scenarios/iraq-2013")
    assert seatsim.report(data).count("What if:") > seatsim.report(data, sweeps=False).count("What if:") == 0


def test_explain_on_a_mixed_member_system_is_the_cli_table():
    data = SOURCE_DIR / "scenarios/new-zealand-2014"
    columns = seatsim.explain(str(data), system="new-zealand-house")
    numbers_match(columns, cli_csv("explain", data, "--system", "new-zealand-house"))
