#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The proximity analysis of issue 12 worked out from a dataset file alone,
without Heistline's code: the numbers tests/test-cli-analyze.c and
tests/test-proximity.c expect of the bundled file were computed with this.

  tests/proximity-reference.py [--window=DAYS] [--from=DATE --to=DATE]
                               [--lead=ID --follow=ID] [DATASET]
  tests/proximity-reference.py --check=HEISTLINE [DATASET]

The second form (the test "proximity-reference") runs `HEISTLINE --analyze
--format=json` on the bundled reporting period at 7, 14, 30 and 60 days,
on 2017 (an amount not known, month-only dates, heists with no later
launch) and on 2017-2024, and requires every field to equal this
script's, k to lie within 4.5 standard deviations of the exhaustive share
of the program's shifts, and p to be (k + 1) / (N + 1).

Definitions (issue 12 and src/core/hl-proximity.h):
  - an event sits on the day its source dated it: the date as written,
    a date-time's own local date ("2023-12-18T08:24:00+09:00" is
    18 December), a month-only date on the first of the month as written;
  - a leading event is within the window before a following one if its
    day is 0 to W days before that day (the same day included);
  - events dated to the month or year only are listed;
  - amounts are whole cents (a count in a count lane); "usd": null (or
    <= 0), or a count not given, counts 0 and the event is listed;
  - a leading event with no following event on its day or later is
    outside the window and reported apart;
  - the null: every following day moved by s days, circularly within the
    range's R days. Here all R shifts are tried (exhaustively): the share
    of them at least as large as the observed statistic is what k / N of
    the program's 10,000 random shifts estimates.
"""
import datetime
import json
import math
import os
import sys


def day_of(text):
    # the date as written; a date-time's offset is not applied
    return datetime.date.fromisoformat(text[:10])


def units(ev, measure):
    """Whole cents in a money lane, the count in a count lane; and whether
    the event has an amount at all."""
    if measure == 'count':
        if ev.get('count') is None:
            return 0, False
        return int(ev['count']), True
    usd = ev.get('usd')
    if usd is None or usd <= 0:
        return 0, False
    return int(round(usd * 100)), True


def statistic(leads, follows, window, shift, range_days):
    moved = [(f + shift) % range_days for f in follows]
    total = 0
    for day, amount, _ev in leads:
        if any(0 <= f - day <= window for f in moved):
            total += amount
    return total


def nearest_rank(sorted_values, share):
    rank = max(1, min(len(sorted_values), math.ceil(share * len(sorted_values))))
    return sorted_values[rank - 1]


def analyze(data, lead_id, follow_id, first, last, window):
    range_days = (last - first).days + 1
    measure = {lane['id']: lane['measure'] for lane in data['lanes']}[lead_id]
    # in time order: a date alone stands for midday, a date-time for its
    # own local time as written
    def when(i):
        date = data['events'][i]['date']
        return (date[:10], date[11:16] if 'T' in date else '12:00', i)
    order = sorted(range(len(data['events'])), key=when)
    leads, follows = [], []
    for i in order:
        ev = data['events'][i]
        d = day_of(ev['date'])
        if not first <= d <= last:
            continue
        if ev['lane'] == lead_id:
            leads.append(((d - first).days, units(ev, measure)[0], ev))
        elif ev['lane'] == follow_id:
            follows.append(((d - first).days, ev))
    fdays = [f for f, _ev in follows]
    out = {'range_days': range_days, 'window_days': window,
           'lead_events': len(leads), 'follow_events': len(follows),
           'lead_total_units': sum(a for _d, a, _e in leads)}
    out['table'] = []
    for f, ev in follows:
        inside = [(a, e) for d, a, e in leads if 0 <= f - d <= window]
        out['table'].append((ev['id'], ev['date'][:10], len(inside), sum(a for a, _e in inside)))
    out['lags'] = []
    within = no_later = no_later_units = 0
    for d, a, ev in leads:
        later = [f - d for f in fdays if f >= d]
        lag = min(later) if later else -1
        out['lags'].append((ev['id'], ev['date'][:10], lag))
        if lag < 0:
            no_later += 1
            no_later_units += a
        elif lag <= window:
            within += 1
    out['within_events'] = within
    out['no_later_events'] = no_later
    out['no_later_units'] = no_later_units
    out['no_amount'] = [e['id'] for _d, _a, e in leads if not units(e, measure)[1]]
    # dated to the month or year only, in either lane, in time order
    out['imprecise_dates'] = [data['events'][i]['id'] for i in order
                              if data['events'][i]['lane'] in (lead_id, follow_id)
                              and first <= day_of(data['events'][i]['date']) <= last
                              and data['events'][i].get('date_precision', 'day') != 'day']
    observed = statistic(leads, fdays, window, 0, range_days)
    out['statistic_units'] = observed
    null = sorted(statistic(leads, fdays, window, s, range_days) for s in range(range_days))
    out['shifts_at_least'] = sum(1 for v in null if v >= observed)
    out['share_at_least'] = out['shifts_at_least'] / range_days
    out['exhaustive_median_units'] = nearest_rank(null, 0.5)
    out['exhaustive_p95_units'] = nearest_rank(null, 0.95)
    return out


CHECKS = [
    ['--window=7'], ['--window=14'], [], ['--window=60'],
    ['--from=2017-01-01', '--to=2017-12-31'],
    ['--from=2017-01-01', '--to=2024-12-31', '--window=90'],
    ['--lead=milestones', '--follow=heists', '--window=7',
     '--from=2023-09-01', '--to=2023-11-30'],
]


def to_units(value, measure):
    return round(value * 100) if measure == 'usd' else value


def check_one(program, path, data, args):
    import subprocess
    opts = parse(args)
    first = datetime.date.fromisoformat(opts.get('from', data['default_range']['from']))
    last = datetime.date.fromisoformat(opts.get('to', data['default_range']['to']))
    want = analyze(data, opts['lead'], opts['follow'], first, last, int(opts['window']))
    got = json.loads(subprocess.run([program, '--analyze', '--format=json'] + args + [path],
                                    check=True, capture_output=True, text=True).stdout)
    measure = got['lead']['measure']
    problems = []

    def same(what, a, b):
        if isinstance(a, list) and len(a) == len(b):
            for i, (x, y) in enumerate(zip(a, b)):
                if x != y:
                    problems.append('%s[%d]: the program says %r, the reference %r'
                                    % (what, i, y, x))
        elif a != b:
            problems.append('%s: the program says %r, the reference %r' % (what, b, a))

    for key in ('range_days', 'window_days', 'lead_events', 'follow_events',
                'within_events', 'no_later_events', 'no_amount', 'imprecise_dates'):
        same(key, want[key], got[key])
    same('lead_total', want['lead_total_units'], to_units(got['lead_total'], measure))
    same('statistic', want['statistic_units'], to_units(got['statistic'], measure))
    same('no_later_amount', want['no_later_units'], to_units(got['no_later_amount'], measure))
    same('table', [tuple(r) for r in want['table']],
         [(r['id'], r['date'], r['lead_events'], to_units(r['lead_amount'], measure))
          for r in got['table']])
    same('lags', [tuple(lag) for lag in want['lags']],
         [(lag['id'], lag['date'], -1 if lag['lag_days'] is None else lag['lag_days'])
          for lag in got['lags']])
    test = got['test']
    n, share = test['shifts'], want['share_at_least']
    margin = 4.5 * math.sqrt(n * share * (1 - share)) + 1
    if abs(test['k'] - n * share) > margin:
        problems.append('k = %d of %d, but %d of all %d shifts (%.4f) reach the statistic'
                        % (test['k'], n, want['shifts_at_least'], want['range_days'], share))
    if abs(test['p'] - (test['k'] + 1) / (n + 1)) > 1e-12:
        problems.append('p = %r is not (k + 1) / (N + 1)' % test['p'])
    return problems


def check(program, path):
    with open(path, encoding='utf-8') as f:
        data = json.load(f)
    failed = False
    for args in CHECKS:
        problems = check_one(program, path, data, args)
        print('%s %s' % ('not ok' if problems else 'ok', ' '.join(args) or '(defaults)'))
        for problem in problems:
            print('  ' + problem)
        failed = failed or bool(problems)
    return 1 if failed else 0


def parse(args):
    opts = {'window': '30', 'lead': 'heists', 'follow': 'launches'}
    for arg in args:
        key, _, value = arg[2:].partition('=')
        opts[key] = value
    return opts


def main(argv):
    path = os.path.join(os.path.dirname(__file__), '..', 'data', 'heistline.json')
    files = [arg for arg in argv[1:] if not arg.startswith('--')]
    opts = parse([arg for arg in argv[1:] if arg.startswith('--')])
    if files:
        path = files[0]
    if 'check' in opts:
        return check(opts['check'], path)
    with open(path, encoding='utf-8') as f:
        data = json.load(f)
    first = datetime.date.fromisoformat(opts.get('from', data['default_range']['from']))
    last = datetime.date.fromisoformat(opts.get('to', data['default_range']['to']))
    result = analyze(data, opts['lead'], opts['follow'], first, last, int(opts['window']))
    json.dump(result, sys.stdout, indent=1)
    sys.stdout.write('\n')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
