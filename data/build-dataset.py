#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerates data/heistline.json for 2017-2024 from the reference tables.

Run by hand, from the top of the source tree, and commit its output:

    python3 data/build-dataset.py REFERENCE_DIR > data/heistline.json.new
    mv data/heistline.json.new data/heistline.json

REFERENCE_DIR holds heists-2017-2024.json, heists.json, aggregates.json and
nagix-nk-missile-tests.json (the project's shared reference folder). The
events of 0.1 (June 2023 - January 2024) are read from the current
data/heistline.json and kept as they are; this script adds the incidents of
heists-2017-2024.json, the launches of the CNS-derived table, the UN
panel's reporting periods and the yearly totals as facts. It invents
nothing: every value comes from one of those files (see data/README.md,
"How the 2017-2024 file is built"). The output is the same for the same
input, so a rerun shows as no change in git.
"""

import collections
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIRST_YEAR, LAST_YEAR = 2017, 2024
KST = datetime.timedelta(hours=9)
CNS_URL = "https://github.com/nagix/nk-missile-tests"
CNS_NAME = "CNS North Korea Missile Test Database via nagix/nk-missile-tests"

# The reference's grades onto the format's confidence values.
GRADES = {
    "official": "official",
    "UN panel": "analyst",
    "analyst": "analyst",
    "suspected": "suspected",
}

# CNS missile names onto the renderer's kind table (data/README.md, Kinds),
# with the designation the title uses ("" when CNS names no type).
MISSILES = {
    "hwasong-14": ("ICBM", "Hwasong-14"),
    "hwasong-15": ("ICBM", "Hwasong-15"),
    "hwasong-17": ("ICBM", "Hwasong-17"),
    "hwasong-18": ("ICBM", "Hwasong-18"),
    "hwasong-19": ("ICBM", "Hwasong-19"),
    "hwasong-12": ("IRBM", "Hwasong-12"),
    "hwasong-12a": ("IRBM", "Hwasong-12A"),
    "hwasong-12b": ("IRBM", "Hwasong-8"),
    "hwasong-16a": ("IRBM", "Hwasong-16A"),
    "hwasong-16b": ("IRBM", "Hwasong-16B"),
    "new-irbm-2022": ("IRBM", "new"),
    "pukguksong-2": ("MRBM", "Pukguksong-2"),
    "er-scud": ("MRBM", "extended-range Scud"),
    "pukguksong-3": ("SLBM", "Pukguksong-3"),
    "hwasong-11s": ("SLBM", "Hwasong-11S"),
    "scud-b-marv": ("SRBM", "Scud-B MaRV"),
    "scud-c-marv": ("SRBM", "Scud-C MaRV"),
    "kn-25": ("SRBM", "KN-25"),
    "hwasong-11a": ("SRBM", "Hwasong-11A"),
    "hwasong-11b": ("SRBM", "Hwasong-11B"),
    "hwasong-11c": ("SRBM", "Hwasong-11C"),
    "hwasong-11d": ("SRBM", "Hwasong-11D"),
    "hwasong-11-da-45": ("SRBM", "Hwasong-11Da-4.5"),
    "rail-mobile-kn-23": ("SRBM", "rail-mobile KN-23"),
    "silo-based-kn-23": ("SRBM", "silo-based KN-23"),
    "chollima-1": ("satellite", "Chollima-1"),
    "unknown": ("ballistic", ""),
}
KIND_ORDER = ["satellite", "ICBM", "IRBM", "MRBM", "SLBM", "SRBM", "ballistic"]
KIND_WORDS = {
    "satellite": ("satellite launch", "satellite launches"),
    "ballistic": ("ballistic missile", "ballistic missiles"),
}
REPORTED = re.compile(r"Joint Chiefs|Ministry of Defen[cs]e|Japanese government|KCNA|"
                      r"press release|state media")


def load(ref, name):
    with open(os.path.join(ref, name), encoding="utf-8") as f:
        return json.load(f)


def millions(usd):
    return "${:,.2f}M".format(usd / 1e6).replace(".00M", "M")


# ---- Heists -------------------------------------------------------------

def merge_sources(*lists):
    """Sources in order, one per URL: quotes of the same page joined."""
    out, by_url = [], {}
    for sources in lists:
        for s in sources:
            url = s["url"]
            quote = s.get("quote")
            if url in by_url:
                kept = by_url[url]
                if quote and quote not in kept.get("quote", ""):
                    kept["quote"] = (kept["quote"] + " … " + quote) if kept.get("quote") else quote
                continue
            kept = {"title": s.get("title") or s.get("site") or url, "url": url}
            if quote:
                kept["quote"] = quote
            by_url[url] = kept
            out.append(kept)
    return out


def heist_notes(row, context):
    parts = []
    if row["contested"]:
        parts.append("Contested: the reference flags credible counter-evidence (graded "
                     "\u201cdisputed\u201d here; the reference's grade is \u201c%s\u201d)."
                     % row["confidence"])
    if row["single_source"]:
        parts.append("Single source: rests on one analyst list.")
    if row["confidence"] == "UN panel" and not row["contested"]:
        parts.append("Grade in the reference: UN panel (named by the UN Panel of Experts as a "
                     "suspected DPRK attack), shown as \u201canalyst\u201d.")
    parts.append("Attributed by: %s." % row["attribution"].rstrip("."))
    if row["usd_best"] is None:
        parts.append("No USD figure was published for this incident.")
    elif row["usd_range"] and row["usd_range"][0] != row["usd_range"][1]:
        parts.append("Published figures range from %s to %s; %s is the figure most sources "
                     "give." % (millions(row["usd_range"][0]), millions(row["usd_range"][1]),
                                millions(row["usd_best"])))
    if row["date_precision"] == "month":
        parts.append("Only the month is known.")
    if row.get("date_note"):
        parts.append(row["date_note"].rstrip(".") + ".")
    if row.get("notes"):
        parts.append(row["notes"].rstrip(".") + ".")
    if context is not None and context.get("notes"):
        parts.append("Earlier context row: " + context["notes"].rstrip(".") + ".")
    return " ".join(parts)


def heist_event(row, context):
    ev = {"id": row["id"], "lane": "heists"}
    if row["date_precision"] == "month":
        ev["date"] = row["date"] + "-01"
        ev["date_precision"] = "month"
    else:
        assert row["date_precision"] == "day" and len(row["date"]) == 10, row["id"]
        ev["date"] = row["date"]
    ev["title"] = row["name"]
    ev["usd"] = row["usd_best"]
    rng = row["usd_range"]
    if rng is not None and row["usd_best"] is not None and rng[0] != rng[1]:
        ev["usd_range"] = rng
    ev["kind"] = row["kind"]
    ev["actor"] = row["actor"]
    ev["confidence"] = "disputed" if row["contested"] else GRADES[row["confidence"]]
    ev["notes"] = heist_notes(row, context)
    ev["sources"] = merge_sources(row["sources"], context["sources"] if context else [])
    return ev


def heists(ref):
    table = load(ref, "heists-2017-2024.json")
    context = {r["id"]: r for r in load(ref, "heists.json")}
    events = []
    for row in table["events"]:
        ctx = context.get(row["supersedes_context_row"]) if row["supersedes_context_row"] else None
        events.append(heist_event(row, ctx))
    return events


# ---- Launches -----------------------------------------------------------

def cns_rows(ref):
    """(row, KST date-time or None, the day it is grouped on) for 2017-2024."""
    out = []
    for tb in load(ref, "nagix-nk-missile-tests.json")["timeBins"]:
        for r in tb["data"]:
            if not FIRST_YEAR - 1 <= int(r["date"][:4]) <= LAST_YEAR:
                continue
            m = re.fullmatch(r"(\d\d):(\d\d) \(UTC\)", r["time"])
            if m:
                utc = datetime.datetime.fromisoformat(r["date"]).replace(
                    hour=int(m.group(1)), minute=int(m.group(2)))
                local = utc + KST
                day = local.date().isoformat()
            else:
                assert r["time"] == "unknown" and len(r["date"]) == 10, r
                local, day = None, r["date"]
            if FIRST_YEAR <= int(day[:4]) <= LAST_YEAR:
                out.append((r, local, day))
    return out


def launch_groups(ref):
    groups = collections.OrderedDict()
    for r, local, day in sorted(cns_rows(ref), key=lambda x: (x[2], x[1] or datetime.datetime.min)):
        groups.setdefault((day, r["facility"]), []).append((r, local))
    return groups


def plural(kind, n, designation):
    one, many = KIND_WORDS.get(kind, (kind, kind + "s"))
    word = one if n == 1 else many
    name = (designation + " " + word) if designation else word
    if n == 1:
        return name[0].upper() + name[1:]
    return "%d %s" % (n, name)


def launch_title(kind, rows):
    names = {MISSILES[r["missile"]][1] for r, _ in rows if MISSILES[r["missile"]][0] == kind}
    designation = names.pop() if len(names) == 1 else ""
    if designation == "new":
        designation = "new"
    return plural(kind, len(rows), designation)


def outcome_words(rows):
    c = collections.Counter(r["outcome"] for r, _ in rows)
    n = len(rows)
    if c["success"] == n:
        return "Success (CNS)."
    if c["failure"] == n:
        return "Failure (CNS)." if n == 1 else "All failed (CNS)."
    if c["unknown"] == n:
        return "Outcome not known (CNS)."
    parts = ["%d %s" % (c[k], w) for k, w in (("success", "succeeded"), ("failure", "failed"),
                                               ("unknown", "outcome not known")) if c[k]]
    return "CNS: " + ", ".join(parts) + "."


def figure(value, unit):
    return "%s %s" % (value, unit) if isinstance(value, (int, float)) else None


def unique(items):
    return list(collections.OrderedDict.fromkeys(items))


def launch_notes(day, facility, rows):
    types = collections.Counter(r["missile"] for r, _ in rows)
    parts = ["CNS North Korea Missile Test Database (via nagix/nk-missile-tests): %s from "
             "the site it calls \u201c%s\u201d, %s." % (
                 plural("missile", len(rows), "") if len(rows) > 1 else "one launch",
                 facility,
                 ", ".join("%d %s" % (n, m if m != "unknown" else "of unidentified type")
                           for m, n in sorted(types.items())))]
    times = unique("%s UTC" % r["time"].split(" ")[0] for r, local in rows if local is not None)
    untimed = sum(1 for _, local in rows if local is None)
    if times:
        parts.append("Launch times (UTC, as CNS gives them): %s; the date is the Korean "
                     "date." % ", ".join(times))
        if untimed:
            parts.append("%d of the rows give no time and are grouped by their UTC date."
                         % untimed)
    else:
        parts.append("CNS gives no time, so the launch is grouped by its UTC date (%s)." % day)
    figs = []
    for r, _ in rows:
        f = [x for x in (figure(r.get("apogee"), "km apogee"),
                         figure(r.get("distance"), "km range")) if x]
        if f:
            figs.append(", ".join(f))
    if figs:
        parts.append("CNS: %s." % "; ".join(unique(figs)))
    return " ".join(parts)


def cns_source(rows):
    return {"title": CNS_NAME, "url": CNS_URL}


def iso_local(local):
    return local.strftime("%Y-%m-%dT%H:%M:00+09:00")


def launch_event(day, facility, rows, used_ids):
    kinds = {MISSILES[r["missile"]][0] for r, _ in rows}
    kind = min(kinds, key=KIND_ORDER.index)
    first_local = rows[0][1]
    slug = {"satellite": "slv"}.get(kind, kind.lower())
    ev_id = "%s-%s" % (day, slug)
    if ev_id in used_ids:
        ev_id = "%s-%s-%s" % (day, slug, facility)
    used_ids.add(ev_id)
    ev = {"id": ev_id, "lane": "launches",
          "date": iso_local(first_local) if first_local else day,
          "title": launch_title(kind, rows), "count": len(rows), "kind": kind,
          "outcome": outcome_words(rows)}
    if any(REPORTED.search(r["description"]) for r, _ in rows):
        ev["confidence"] = "official"
    ev["notes"] = launch_notes(day, facility, rows)
    if "confidence" not in ev:
        ev["notes"] += " The CNS row names no government or state-media report."
    ev["sources"] = [cns_source(rows)]
    return ev


def cross_check(old, day, facility, rows):
    """0.1's event, kept; its time from CNS, and what CNS says otherwise."""
    ev = dict(old)
    ev["notes"] = old.get("notes", "").split(" Cross-checked with the CNS")[0]
    kinds = {MISSILES[r["missile"]][0] for r, _ in rows}
    if rows[0][1] is not None:
        ev["date"] = iso_local(rows[0][1])
    diffs = []
    if old.get("count", 1) != len(rows):
        diffs.append("CNS lists %d missiles from this site on this day, this event %s"
                     % (len(rows), old.get("count", "no count")))
    if kinds == {"ballistic"} and old.get("kind") != "ballistic":
        diffs.append("CNS does not name the missile type")
    elif old.get("kind") not in kinds and old.get("kind") != "ballistic":
        diffs.append("CNS types it %s" % "/".join(sorted(kinds)))
    note = "Cross-checked with the CNS North Korea Missile Test Database (via " \
           "nagix/nk-missile-tests): %s; time from CNS (%s UTC)." % (
               "; ".join(diffs) if diffs else "the date, site count and type agree",
               rows[0][0]["time"].split(" ")[0])
    ev["notes"] = (ev["notes"].rstrip() + " " + note).strip()
    # 0.1's own citation of the repository stays; this script's is made anew.
    sources = [s for s in ev.get("sources", []) if s["title"] != CNS_NAME
               and not s["title"].startswith(CNS_NAME + ",")]
    if CNS_URL not in [s["url"] for s in sources]:
        sources.append(cns_source(rows))
    ev["sources"] = sources
    return ev


def launches(ref, old_events):
    old_by_day = collections.defaultdict(list)
    for ev in old_events:
        if ev["lane"] == "launches" and ev.get("kind") != "cruise":
            old_by_day[ev["date"][:10]].append(ev)
    out, used, matched = [], set(), set()
    for (day, facility), rows in launch_groups(ref).items():
        olds = old_by_day.get(day, [])
        if olds:
            assert len(olds) == 1, day
            matched.add(olds[0]["id"])
            out.append(cross_check(olds[0], day, facility, rows))
        else:
            out.append(launch_event(day, facility, rows, used))
    return out, matched


# ---- Periods and facts --------------------------------------------------

PERIODS = [
    # (from, to, label): the coverage each report names, per
    # heists-2017-2024.json "aggregates" (period) and aggregates.json.
    ("2017-01-01", "2018-09-30", "UN Panel of Experts, March 2019 report: Jan 2017 \u2013 Sep 2018"),
    ("2019-01-01", "2020-11-30", "UN Panel of Experts, 2021 report: 2019 \u2013 Nov 2020"),
    ("2020-01-01", "2021-12-31", "UN Panel of Experts, 2022 report: 2020 \u2013 2021"),
    ("2022-01-01", "2022-12-31", "UN Panel of Experts, 2023 report: 2022"),
    ("2024-04-01", "2024-04-30", "UN Panel of Experts disbanded (April 2024)"),
]

FACT_IDS = [
    "group-ib-2018-10", "un-poe-2019-03", "un-poe-2019-08", "un-poe-2021-02", "un-poe-2022-02",
    "un-poe-2023-annual", "un-poe-2023-later", "chainalysis-2022-01", "chainalysis-2023-02",
    "chainalysis-series-via-tayvano", "trm-series-via-tayvano", "trm-2025-report",
    "tayvano-series",
]
AGGREGATE_FACT_IDS = ["chainalysis-2024-report", "chainalysis-2025-report", "trm-2024-01",
                      "un-monitors-2024-05"]


def fact(entry):
    text = "%s: %s." % (entry["who"], entry["figures"].rstrip("."))
    if entry.get("period"):
        text = "%s (period: %s): %s." % (entry["who"], entry["period"],
                                         entry["figures"].rstrip("."))
    return {"text": text, "sources": merge_sources(entry["sources"])}


def facts(ref, old_facts):
    table = {a["id"]: a for a in load(ref, "heists-2017-2024.json")["aggregates"]}
    aggregates = {a["id"]: a for a in load(ref, "aggregates.json")}
    return old_facts + [fact(table[i]) for i in FACT_IDS] + \
        [fact(aggregates[i]) for i in AGGREGATE_FACT_IDS]


# ---- The file -----------------------------------------------------------

DESCRIPTION = (
    "Cryptocurrency thefts attributed to, or suspected of being by, North Korea (DPRK) from "
    "2017 to 2024, drawn on one timeline with the country's missile and satellite launches "
    "and other weapons milestones. The default view is July 2023 \u2013 January 2024, the "
    "period of the 0.1 dataset. Amounts are best estimates in US dollars as the cited "
    "sources give them; nothing has been re-priced. Some incidents are known only to the "
    "month, and one has no published amount: both are marked as such. Launches before "
    "June 2023 and after January 2024 come from the CNS North Korea Missile Test Database "
    "(via nagix/nk-missile-tests), grouped per Korean date and launch site. The shaded "
    "UN Panel of Experts bands are the periods its reports are said to cover, as the "
    "press described them; the reports themselves were not consulted.")


def build(ref):
    with open(os.path.join(HERE, "heistline.json"), encoding="utf-8") as f:
        current = json.load(f)
    # 0.1's events (31 May 2023 - 31 January 2024) are the base, whether this
    # runs on 0.1's file or on its own output: what it adds is made anew.
    new_heists = heists(ref)
    new_ids = {e["id"] for e in new_heists}
    old = [e for e in current["events"] if "2023-05-31" <= e["date"][:10] <= "2024-01-31"
           and e["id"] not in new_ids]
    launch_events, matched = launches(ref, old)
    unmatched = [e for e in old if e["lane"] == "launches" and e.get("kind") != "cruise"
                 and e["id"] not in matched]
    assert not unmatched, [e["id"] for e in unmatched]
    kept = [e for e in old if e["id"] not in matched]
    events = kept + new_heists + launch_events
    events.sort(key=lambda e: (e["date"][:10], e["lane"], e["id"]))

    periods = [p for p in current["periods"] if p["from"] == "2023-07-01"]
    periods += [{"from": a, "to": b, "label": c} for a, b, c in PERIODS]
    periods.sort(key=lambda p: p["from"])
    old_facts = current["facts"][:5]
    out = collections.OrderedDict()
    out["format"] = current["format"]
    out["title"] = current["title"]
    out["description"] = DESCRIPTION
    out["default_range"] = {"from": "2023-07-01", "to": "2024-01-31"}
    out["lanes"] = current["lanes"]
    out["periods"] = periods
    out["facts"] = facts(ref, old_facts)
    out["events"] = events
    return out


def tables(ref, data):
    """The per-year tables of data/README.md, from the built file and the
    reference's own grouping of the CNS rows (kept in the README so the data
    tests can check them on a clean clone)."""
    usd = collections.defaultdict(float)
    n = collections.Counter()
    for e in data["events"]:
        if e["lane"] == "heists":
            n[e["date"][:4]] += 1
            usd[e["date"][:4]] += e["usd"] or 0
    print("| Year | Heist events | Heist lane total (USD) |")
    print("|---|---|---|")
    for y in range(FIRST_YEAR, LAST_YEAR + 1):
        print("| %d | %d | %s |" % (y, n[str(y)], "{:,.0f}".format(usd[str(y)])))
    print()
    rows = collections.Counter()
    groups = collections.Counter()
    for (day, _), g in launch_groups(ref).items():
        groups[day[:4]] += 1
        rows[day[:4]] += len(g)
    print("| Year | CNS rows (missiles or rockets) | Launch events (per Korean date and site) |")
    print("|---|---|---|")
    for y in range(FIRST_YEAR, LAST_YEAR + 1):
        print("| %d | %d | %d |" % (y, rows[str(y)], groups[str(y)]))


def main():
    if len(sys.argv) == 3 and sys.argv[2] == "--tables":
        with open(os.path.join(HERE, "heistline.json"), encoding="utf-8") as f:
            tables(sys.argv[1], json.load(f))
        return
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    json.dump(build(sys.argv[1]), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
