#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""What a screen reader hears (issue 15): the running window's AT-SPI tree.

Starts Heistline on its own session bus (dbus-run-session, which also
starts the accessibility bus), walks the tree with pyatspi and fails on
any button, toggle, menu button, entry, spin button or link that has no
name, is named after its widget type ("GtkImage", "GtkMenuButton") or
says its mnemonic underscore. The popovers are opened through their
buttons' own actions and walked too. Source links must have the link
role, and the timeline's description must say the visible totals and
follow the selection.

Usage: test-a11y.py HEISTLINE_BIN (under a display: meson runs it in
xvfb-run). The suite's environment turns accessibility off
(GTK_A11Y=none, NO_AT_BRIDGE=1); this test turns it back on for itself.
Needs python3-pyatspi and at-spi2-core (.ci/deps); run by /usr/bin/python3,
which has the gi module.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

CHECKED_ROLES = {"push button", "toggle button", "menu button", "entry", "link",
                 "spin button", "check box", "radio button", "password text"}
TYPE_NAME = re.compile(r"^(Gtk|Adw|Hl)[A-Z][A-Za-z]*$")
MNEMONIC = re.compile(r"(^|\s)_\w")
ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))


def tap(ok, number, text):
    print(f"{'ok' if ok else 'not ok'} {number} {text}", flush=True)
    return ok


def wait_for(condition, timeout=20.0, step=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return condition()


def role_of(acc):
    try:
        return acc.getRoleName()
    except Exception:  # the widget went away while we looked
        return None


def walk(acc, depth=0):
    if acc is None or depth > 60:
        return
    yield acc
    try:
        n = acc.childCount
    except Exception:
        return
    for i in range(n):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def path_of(acc):
    parts = []
    while acc is not None and len(parts) < 6:
        try:
            parts.append(f"{acc.getRoleName()}:{acc.name!r}")
            acc = acc.parent
        except Exception:
            break
    return " < ".join(parts)


def problems_in(root):
    bad = []
    for acc in walk(root):
        role = role_of(acc)
        if role not in CHECKED_ROLES:
            continue
        name = (acc.name or "").translate(ISOLATES).strip()
        if not name:
            bad.append(f"{role} with no name: {path_of(acc)}")
        elif TYPE_NAME.match(name):
            bad.append(f"{role} named after its type: {path_of(acc)}")
        elif MNEMONIC.search(name):
            bad.append(f"{role} says its mnemonic: {path_of(acc)}")
    return bad


def count_controls(root):
    return sum(1 for acc in walk(root) if role_of(acc) in CHECKED_ROLES)


def find(root, predicate):
    for acc in walk(root):
        try:
            if predicate(acc):
                return acc
        except Exception:
            continue
    return None


def named(role, name):
    return lambda acc: role_of(acc) == role and (acc.name or "").translate(ISOLATES) == name


def click(acc):
    """Does the click of @acc or of the first thing under it that has one
    (GtkMenuButton's actions are its inner button's)."""
    for a in walk(acc):
        try:
            action = a.queryAction()
        except Exception:
            continue
        for i in range(action.nActions):
            if action.getName(i) in ("click", "press", "activate"):
                return action.doAction(i)
    raise AssertionError(f"nothing to click in {path_of(acc)}")


def inner(binary):
    try:
        import pyatspi
    except ImportError:
        print("1..0 # SKIP pyatspi is not installed (python3-pyatspi)")
        return 77

    data_home = tempfile.mkdtemp(prefix="heistline-a11y-")
    env = dict(os.environ, GSETTINGS_BACKEND="memory", XDG_DATA_HOME=data_home,
               GSK_RENDERER="cairo")
    if env.get("HL_A11Y_APP_G_DEBUG"):
        env["G_DEBUG"] = env["HL_A11Y_APP_G_DEBUG"]
    def start():
        return subprocess.Popen([binary], env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)

    def the_app():
        desktop = pyatspi.Registry.getDesktop(0)
        # libatspi caches the desktop's children: an app that registered
        # while the registry was starting can be missing from the cache
        desktop.clear_cache()
        for app in desktop:
            if app is not None and app.name == "heistline" and app.childCount > 0:
                return app
        return None

    app_proc = start()
    print("1..6", flush=True)
    failed = 0
    try:
        # a loaded machine can take a while to start a first GTK app on a
        # new bus; one that never registers is started once more
        app = wait_for(the_app, timeout=40)
        if app is None:
            app_proc.terminate()
            _, first_err = app_proc.communicate(timeout=10)
            print("# not on the accessibility bus after 40 s, starting it again: " +
                  first_err[-500:].replace("\n", " "), flush=True)
            app_proc = start()
            app = wait_for(the_app, timeout=40)
        if app is None:
            app_proc.terminate()
            _, err = app_proc.communicate(timeout=10)
            print("Bail out! Heistline never showed on the accessibility bus: " + err[-2000:])
            return 1
        timeline = wait_for(lambda: find(app, named("panel", "Timeline")))

        # 1. every control in the window has a name of its own
        bad = problems_in(app)
        for line in bad:
            print("# " + line)
        failed += not tap(not bad, 1, "every control of the window has a name")

        # 2. the popovers' controls too, opened by their buttons' actions
        bad = []
        for button in ("Time Range", "Filters"):
            acc = find(app, lambda a, b=button: role_of(a) in ("push button", "toggle button",
                                                                   "menu button")
                       and (a.name or "").startswith(b))
            if acc is None:
                bad.append(f"no button named {button!r}")
                continue
            before = count_controls(app)
            click(acc)
            opened = wait_for(lambda: count_controls(app) > before, 5)
            print(f"# {button}: {before} controls before, {count_controls(app)} open")
            if not opened:
                bad.append(f"{button!r} opened nothing")
            bad += problems_in(app)
            click(acc)
            wait_for(lambda: count_controls(app) <= before, 5)
        for line in bad:
            print("# " + line)
        failed += not tap(not bad, 2, "every control of the range and filter popovers has a name")

        # 3. source links are links, named by their source
        links = [a for a in walk(app) if role_of(a) == "link"]
        url_labels = [a for a in walk(app) if role_of(a) == "label"
                      and (a.description or "").startswith("http")]
        print(f"# {len(links)} links, {len(url_labels)} labels described by a URL")
        failed += not tap(len(links) >= 5 and not url_labels and
                          any((a.name or "") == "GAID" for a in links), 3,
                          "source links have the link role")

        # 4. the timeline says the visible totals
        desc = (timeline.description or "").translate(ISOLATES) if timeline else ""
        print(f"# timeline: {desc!r}")
        failed += not tap("Crypto heists: 14 events, $725M" in desc and
                          "Missile and satellite launches: 17 events" in desc, 4,
                          "the timeline's description says the visible totals")

        # 5. and the selection, as it changes (a key sent to the chart)
        xdotool = shutil.which("xdotool")
        if xdotool is None:
            tap(True, 5, "# SKIP no xdotool to send a key")
        else:
            wid = subprocess.run([xdotool, "search", "--sync", "--onlyvisible", "--name",
                                  "Heistline"], capture_output=True, text=True,
                                 timeout=20).stdout.split()
            for w in wid[:1]:
                subprocess.run([xdotool, "windowfocus", "--sync", w], timeout=20)
                subprocess.run([xdotool, "key", "--window", w, "Right"], timeout=20)
            selected = wait_for(lambda: "Selected:" in (timeline.description or ""), 10)
            desc = (timeline.description or "").translate(ISOLATES)
            print(f"# timeline after Right: {desc!r}")
            failed += not tap(bool(selected), 5, "the description follows the selection")

        # 6. the search entry and the match count, once the bar is open
        entry = find(app, lambda a: role_of(a) == "entry")
        name = (entry.name or "") if entry else ""
        print(f"# search entry: {name!r}")
        failed += not tap(entry is not None and name and not TYPE_NAME.match(name), 6,
                          "the search entry has a name")
    finally:
        app_proc.terminate()
        try:
            app_proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_proc.kill()
        shutil.rmtree(data_home, ignore_errors=True)
    return 1 if failed else 0


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    binary = sys.argv[1]
    if "--inner" in sys.argv[2:]:
        return inner(binary)
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP no display")
        return 77
    runner = shutil.which("dbus-run-session")
    if runner is None:
        print("1..0 # SKIP dbus-run-session is not installed (dbus)")
        return 77
    env = dict(os.environ)
    for key in ("GTK_A11Y", "NO_AT_BRIDGE", "DBUS_SESSION_BUS_ADDRESS", "AT_SPI_BUS_ADDRESS"):
        env.pop(key, None)
    # libatspi warns here when the app's cache is not up yet: not fatal to
    # this script (the app keeps the suite's G_DEBUG, set again below)
    env["HL_A11Y_APP_G_DEBUG"] = env.pop("G_DEBUG", "")
    # The bus's daemons write to our stdout too: only TAP goes through.
    proc = subprocess.Popen([runner, "--", sys.executable, os.path.abspath(__file__), binary,
                             "--inner"], env=env, stdout=subprocess.PIPE, text=True)
    for line in proc.stdout:
        if not re.match(r"(ok|not ok|1\.\.|#|Bail out!)", line):
            line = "# " + line
        sys.stdout.write(line)
        sys.stdout.flush()
    return proc.wait()


if __name__ == "__main__":
    sys.exit(main())
