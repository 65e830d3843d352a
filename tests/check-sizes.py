#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a C file under src/ is over MAX_FILE lines or a function in it
(outside a *_class_init) is over MAX_FUNCTION lines, the sizes the 0.2
architecture aims for. A function is counted from its name line (a line
starting with an identifier and "(" at column 0, as GNU style writes a
definition) to the closing brace at column 0.

  check-sizes.py SRCDIR [--list]
"""
import os
import re
import sys

MAX_FILE = 900
MAX_FUNCTION = 80

DEF = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*\(")


def functions(lines):
    name, start, in_body = None, 0, False
    for i, line in enumerate(lines):
        if in_body:
            if line.startswith("}"):
                yield name, start + 1, i - start + 1
                name, in_body = None, False
            continue
        m = DEF.match(line)
        if m:
            # a macro call such as G_DEFINE_TYPE (...); is no definition
            name = None if line.rstrip().endswith(";") else m.group(1)
            start = i
        elif line.startswith("{") and name is not None:
            in_body = True
        elif name is not None and line.rstrip().endswith(";") and not line.startswith(" "):
            name = None     # the end of a multi-line prototype


def main():
    src = sys.argv[1]
    listing = "--list" in sys.argv
    problems = []
    n_files = n_funcs = 0
    longest = (0, "")
    for root, _dirs, files in os.walk(src):
        for f in sorted(files):
            if not f.endswith(".c"):
                continue
            path = os.path.join(root, f)
            rel = os.path.relpath(path, src)
            with open(path, encoding="utf-8") as fh:
                lines = fh.read().split("\n")
            n_files += 1
            if len(lines) - 1 > MAX_FILE:
                problems.append("%s: %d lines (at most %d)" % (rel, len(lines) - 1, MAX_FILE))
            for name, line, length in functions(lines):
                n_funcs += 1
                if listing:
                    print("%5d %s:%d %s" % (length, rel, line, name))
                if name.endswith("_class_init"):
                    continue
                if length > longest[0]:
                    longest = (length, "%s:%d %s" % (rel, line, name))
                if length > MAX_FUNCTION:
                    problems.append("%s:%d: %s() is %d lines (at most %d)"
                                    % (rel, line, name, length, MAX_FUNCTION))
    for p in problems:
        print(p)
    print("%d files, %d functions; longest: %d lines (%s)"
          % (n_files, n_funcs, longest[0], longest[1]))
    if n_funcs == 0:
        print("no functions found: wrong directory?")
        return 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
