#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bundled dataset against the tables data/README.md publishes.

    test-data.py SOURCE_ROOT HEISTLINE_BIN

- The yearly USD totals of the heist lane, computed from data/heistline.json,
  equal the README's "Yearly heist totals" table, and every year whose total
  differs by more than 10 % from Chainalysis' or TRM's figure says why.
- The ballistic and satellite launch events per year (and the missiles or
  rockets they count) equal the README's table of the CNS rows after the
  same grouping (one event per Korean date and launch site).
- Every event has a source; month-precision dates are first days of months;
  no heist has a made-up $0.
- `heistline --validate` accepts the file.
"""

import collections
import json
import os
import re
import subprocess
import sys

FIRST, LAST = 2017, 2024


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def table(readme, heading):
    """The rows of the first Markdown table after @heading, as lists of cells."""
    at = readme.find(heading)
    if at < 0:
        fail("data/README.md has no heading %r" % heading)
    rows = []
    for line in readme[at:].splitlines()[1:]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            rows.append(cells)
        elif rows:
            break
    if len(rows) < 3:
        fail("no table under %r" % heading)
    return rows[0], rows[2:]   # header, body (the separator row dropped)


def dollars(cell):
    """'$1,234' or '1,234' -> 1234; '' or '—' -> None."""
    m = re.search(r"[\d,]+(\.\d+)?", cell)
    return float(m.group(0).replace(",", "")) if m else None


def check_heist_totals(data, readme):
    header, body = table(readme, "### Yearly heist totals")
    col = {name: i for i, name in enumerate(header)}
    for need in ("Year", "Events", "Lane total (USD)", "Chainalysis (USD)", "TRM (USD)", "Why"):
        if need not in col:
            fail("the yearly totals table has no column %r (it has %r)" % (need, header))
    n = collections.Counter()
    usd = collections.defaultdict(float)
    for e in data["events"]:
        if e["lane"] == "heists":
            n[int(e["date"][:4])] += 1
            usd[int(e["date"][:4])] += e["usd"] or 0
    years = set()
    for row in body:
        year = int(row[col["Year"]])
        years.add(year)
        if int(row[col["Events"]]) != n[year]:
            fail("%d: README says %s heists, the file has %d" % (year, row[col["Events"]], n[year]))
        if dollars(row[col["Lane total (USD)"]]) != round(usd[year]):
            fail("%d: README says %s, the file adds up to %s"
                 % (year, row[col["Lane total (USD)"]], "{:,.0f}".format(usd[year])))
        for who in ("Chainalysis (USD)", "TRM (USD)"):
            ref = dollars(row[col[who]])
            if ref and abs(usd[year] - ref) > 0.1 * ref and len(row[col["Why"]]) < 20:
                fail("%d: %s from %s's figure, and the README does not say why"
                     % (year, "{:+.0%}".format(usd[year] / ref - 1), who.split()[0]))
    if years != set(range(FIRST, LAST + 1)):
        fail("the yearly totals table covers %r, not %d-%d" % (sorted(years), FIRST, LAST))
    print("ok - heist totals per year match data/README.md")


def check_launches(data, readme):
    header, body = table(readme, "### Launch events per year")
    col = {name: i for i, name in enumerate(header)}
    events = collections.Counter()
    missiles = collections.Counter()
    for e in data["events"]:
        if e["lane"] == "launches" and e.get("kind") != "cruise":
            events[int(e["date"][:4])] += 1
            missiles[int(e["date"][:4])] += e.get("count", 1)
    if sum(events[y] for y in events if not FIRST <= y <= LAST) != 0:
        fail("ballistic or satellite launches outside %d-%d" % (FIRST, LAST))
    years = set()
    for row in body:
        year = int(row[col["Year"]])
        years.add(year)
        want_events = int(row[col["Launch events"]])
        want_missiles = int(row[col["CNS rows"]])
        if events[year] != want_events:
            fail("%d: %d ballistic and satellite launch events, the CNS table grouped gives %d"
                 % (year, events[year], want_events))
        if missiles[year] != want_missiles:
            fail("%d: the events count %d missiles or rockets, the CNS table has %d rows"
                 % (year, missiles[year], want_missiles))
    if years != set(range(FIRST, LAST + 1)):
        fail("the launch table covers %r, not %d-%d" % (sorted(years), FIRST, LAST))
    print("ok - launch events per year match the CNS table in data/README.md")


def check_events(data):
    for e in data["events"]:
        if not e.get("sources"):
            fail("%s has no source" % e["id"])
        if e.get("date_precision") == "month" and not re.fullmatch(r"\d{4}-\d\d-01", e["date"]):
            fail("%s: a month-precision date must be the first of the month" % e["id"])
        if e["lane"] == "heists" and e.get("usd") == 0:
            fail("%s: $0 (write null when no amount is known)" % e["id"])
    lo, hi = data["default_range"]["from"], data["default_range"]["to"]
    if (lo, hi) != ("2023-07-01", "2024-01-31"):
        fail("default_range is %s to %s" % (lo, hi))
    print("ok - every event sourced, no invented day or $0, default range kept")


def check_schema(root, data):
    """The JSON Schema accepts the file, where python3-jsonschema is installed."""
    try:
        import jsonschema
    except ImportError:
        print("ok - # SKIP the schema (python3-jsonschema is not installed)")
        return
    with open(os.path.join(root, "data", "heistline-dataset.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(data))
    if errors:
        fail("the schema refuses the bundled file: %s at %s"
             % (errors[0].message, "/".join(str(p) for p in errors[0].path)))
    print("ok - the schema accepts the bundled file")


def check_validate(root, binary):
    path = os.path.join(root, "data", "heistline.json")
    out = subprocess.run([binary, "--validate", path], capture_output=True, text=True)
    if out.returncode != 0 or "valid, " not in out.stdout:
        fail("--validate refused the bundled file: %s%s" % (out.stdout, out.stderr))
    print("ok - " + out.stdout.strip())


def main():
    root, binary = sys.argv[1], sys.argv[2]
    with open(os.path.join(root, "data", "heistline.json"), encoding="utf-8") as f:
        data = json.load(f)
    with open(os.path.join(root, "data", "README.md"), encoding="utf-8") as f:
        readme = f.read()
    check_heist_totals(data, readme)
    check_launches(data, readme)
    check_events(data)
    check_schema(root, data)
    check_validate(root, binary)


if __name__ == "__main__":
    main()
