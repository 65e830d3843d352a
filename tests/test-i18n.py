#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The catalogue keeps up with the sources.

  test-i18n.py catalogue SRCROOT -- XGETTEXT_ARGS...
      Fails when a .c under src/ or a .ui under ui/ holds translatable
      strings and is not in data/po/POTFILES, when a .po in LINGUAS is
      incomplete, fuzzy or stale against a fresh extraction, or when
      msgfmt -c rejects it. Names the offending strings.
  test-i18n.py self-test SRCROOT -- XGETTEXT_ARGS...
      Runs the catalogue check on a small tree with an unlisted file and an
      untranslated string, and fails unless the check fails naming both.
  test-i18n.py runtime HEISTLINE LOCALEDIR
      The built ko catalogue is found and used (LANGUAGE=ko).

Needs xgettext, msgmerge, msgfmt and msgattrib (gettext) on PATH.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

C_MARK = re.compile(r'\b(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2)\s*\(')
UI_MARK = re.compile(r'translatable\s*=\s*["\'](?:yes|true|1)["\']')


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, **kw)


def read_list(path):
    """Non-comment, non-blank lines of a POTFILES or LINGUAS file."""
    with open(path, encoding='utf-8') as f:
        return [l.strip() for l in f if l.strip() and not l.lstrip().startswith('#')]


def msgids(po_text):
    """(msgid, location) pairs of a .po/.pot text, header left out."""
    out = []
    loc = ''
    cur = None
    key = None
    for line in po_text.splitlines() + ['']:
        if line.startswith('#:'):
            loc = line[2:].strip().split(' ')[0]
        elif line.startswith('msgid '):
            cur = line[6:]
            key = 'id'
        elif line.startswith('"') and key == 'id':
            cur += line
        elif line.startswith(('msgid_plural', 'msgstr')) or not line.strip():
            if cur is not None:
                text = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', cur))
                if text:
                    out.append((text, loc))
            cur = None
            key = None
            if not line.strip():
                loc = ''
    return out


def with_marks(root):
    """Files under src/ and ui/ that mark strings for translation."""
    found = []
    for sub, ext, mark in (('src', '.c', C_MARK), ('ui', '.ui', UI_MARK)):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, sub)):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(ext):
                    path = os.path.join(dirpath, name)
                    with open(path, encoding='utf-8', errors='replace') as f:
                        if mark.search(f.read()):
                            found.append(os.path.relpath(path, root))
    return found


def extract(root, files, out, xargs):
    """xgettext over @files (relative to @root) into @out; the pot text."""
    listfile = out + '.list'
    with open(listfile, 'w', encoding='utf-8') as f:
        f.write('\n'.join(files) + '\n')
    r = run(['xgettext', '--package-name=heistline', '-D', root, '-f', listfile,
             '-o', out, '--force-po'] + xargs)
    if r.returncode != 0:
        raise RuntimeError('xgettext failed:\n' + r.stderr)
    # A msgid cut short by a macro ("%" G_GUINT64_FORMAT " items" extracts
    # as "%") is never looked up: say so, without failing on others' files.
    for line in r.stderr.splitlines():
        print('# xgettext: ' + line)
    with open(out, encoding='utf-8') as f:
        return f.read()


def entries(po_path, *attrib_args):
    r = run(['msgattrib', '--no-obsolete', '--no-wrap'] + list(attrib_args) + [po_path])
    return msgids(r.stdout)


def check_catalogue(root, xargs):
    """A list of problems, each naming files or strings."""
    problems = []
    po_dir = os.path.join(root, 'data', 'po')
    potfiles = read_list(os.path.join(po_dir, 'POTFILES'))

    for f in potfiles:
        if not os.path.exists(os.path.join(root, f)):
            problems.append(f'POTFILES lists {f}, which does not exist')
    potfiles = [f for f in potfiles if os.path.exists(os.path.join(root, f))]

    with tempfile.TemporaryDirectory() as tmp:
        listed_pot = extract(root, potfiles, os.path.join(tmp, 'listed.pot'), xargs)
        listed = {m for m, _ in msgids(listed_pot)}

        marked = with_marks(root)
        unlisted = [f for f in marked if f not in potfiles]
        for i, f in enumerate(unlisted):
            fresh = msgids(extract(root, [f], os.path.join(tmp, f'fresh{i}.pot'), xargs))
            strings = [m for m, _ in fresh]
            named = ''.join(f'\n    “{m}”' for m in strings[:20])
            more = f'\n    … and {len(strings) - 20} more' if len(strings) > 20 else ''
            problems.append(f'{f} has translatable strings but is not in data/po/POTFILES'
                            f' (add it there){named}{more}')

        for lang in read_list(os.path.join(po_dir, 'LINGUAS')):
            po = os.path.join(po_dir, lang + '.po')
            if not os.path.exists(po):
                problems.append(f'LINGUAS lists {lang} but data/po/{lang}.po does not exist')
                continue
            r = run(['msgfmt', '-c', '--statistics', '-o', '/dev/null', po])
            if r.returncode != 0:
                problems.append(f'msgfmt -c rejects data/po/{lang}.po:\n{r.stderr.rstrip()}')
            for m, loc in entries(po, '--only-fuzzy'):
                problems.append(f'{lang}.po: fuzzy translation of “{m}” ({loc})')
            if lang == 'ko':
                with open(po, encoding='utf-8') as f:
                    if 'Plural-Forms: nplurals=1; plural=0;' not in f.read():
                        problems.append('ko.po: the header needs '
                                        '“Plural-Forms: nplurals=1; plural=0;”')

            merged = os.path.join(tmp, lang + '.po')
            r = run(['msgmerge', '--quiet', '--no-wrap', '-o', merged, po,
                     os.path.join(tmp, 'listed.pot')])
            if r.returncode != 0:
                problems.append(f'msgmerge failed on {lang}.po:\n{r.stderr}')
                continue
            r = run(['msgfmt', '-c', '--statistics', '-o', '/dev/null', merged])
            stats = r.stderr.strip().splitlines()[-1] if r.stderr.strip() else ''
            print(f'# {lang}.po against the current sources: {stats}')
            for m, loc in entries(merged, '--untranslated'):
                problems.append(f'{lang}.po: no translation for “{m}” ({loc})')
            for m, loc in entries(merged, '--only-fuzzy'):
                if m not in {x for x, _ in entries(po, '--only-fuzzy')}:
                    problems.append(f'{lang}.po: “{m}” ({loc}) changed in the sources; '
                                    'its translation is out of date (fuzzy after msgmerge)')
            stale = {m for m, _ in entries(po)} - listed
            for m in sorted(stale):
                print(f'# note: {lang}.po still translates “{m}”, no longer in the sources')
    return problems


def report(problems):
    if not problems:
        print('ok: POTFILES covers every file with strings; every catalogue is complete')
        return 0
    print(f'{len(problems)} problem(s) with the translations:')
    for p in problems:
        print('  - ' + p)
    print('Fix: add files to data/po/POTFILES, then\n'
          '  meson compile -C build heistline-pot heistline-update-po\n'
          'and translate the new or fuzzy entries in data/po/*.po (remove “#, fuzzy”).')
    return 1


def self_test(root, xargs):
    """The check must fail on a tree with an unlisted file and a missing
    translation, and name both strings."""
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, 'src'))
        os.makedirs(os.path.join(tmp, 'ui'))
        os.makedirs(os.path.join(tmp, 'data', 'po'))
        files = {
            'src/listed.c': '_("Listed"); _("Added later"); _("The wording changed here");\n',
            'src/unlisted.c': 'const char *s = N_("Hidden from translators");\n',
            'src/plain.c': 'int no_strings;\n',
            'ui/w.ui': '<interface><object class="GtkLabel">'
                       '<property name="label" translatable="yes">Unlisted label</property>'
                       '</object></interface>\n',
            'data/po/POTFILES': '# comment\nsrc/listed.c\n',
            'data/po/LINGUAS': 'ko\n',
            'data/po/ko.po': 'msgid ""\nmsgstr ""\n"Project-Id-Version: t\\n"\n'
                             '"PO-Revision-Date: 2026-12-01 00:00+0000\\n"\n'
                             '"Last-Translator: t\\n"\n"Language-Team: t\\n"\n'
                             '"Language: ko\\n"\n"MIME-Version: 1.0\\n"\n'
                             '"Content-Type: text/plain; charset=UTF-8\\n"\n'
                             '"Content-Transfer-Encoding: 8bit\\n"\n'
                             '"Plural-Forms: nplurals=1; plural=0;\\n"\n\n'
                             'msgid "Listed"\nmsgstr "목록에 있음"\n\n'
                             'msgid "The wording changed"\nmsgstr "문구가 바뀜"\n',
        }
        for path, text in files.items():
            with open(os.path.join(tmp, path), 'w', encoding='utf-8') as f:
                f.write(text)
        problems = check_catalogue(tmp, xargs)
        text = '\n'.join(problems)
        want = ['src/unlisted.c', 'Hidden from translators', 'ui/w.ui', 'Unlisted label',
                'no translation for “Added later”',
                '“The wording changed here” (src/listed.c:1) changed in the sources']
        missing = [w for w in want if w not in text]
        if 'src/plain.c' in text or '“Listed”' in text:
            missing.append('(no complaint about src/plain.c or the translated “Listed”)')
        if missing:
            print('the check missed: ' + ', '.join(missing) + '\nit said:\n' + text)
            return 1
        print('ok: the check fails on a bad tree and says:\n' + text)
        return 0


def runtime(heistline, localedir):
    """The app binds the build tree's catalogue: a Korean error message."""
    env = dict(os.environ)
    env.pop('LC_ALL', None)
    env.update({'LC_ALL': 'C.UTF-8', 'LANGUAGE': 'ko', 'HEISTLINE_LOCALEDIR': localedir})
    with tempfile.TemporaryDirectory() as tmp:
        missing = os.path.join(tmp, 'missing.json')
        r = run([heistline, '--validate', missing], env=env)
    want = '읽을 수 없습니다: 파일이 없습니다'
    if want not in r.stderr + r.stdout:
        print(f'expected “{want}” from heistline --validate with LANGUAGE=ko and '
              f'HEISTLINE_LOCALEDIR={localedir}; got:\n{r.stdout}{r.stderr}')
        return 1
    print('ok: ' + r.stderr.strip())
    return 0


def main(argv):
    if len(argv) >= 3 and argv[1] == 'runtime':
        return runtime(argv[2], argv[3])
    if len(argv) < 3 or argv[1] not in ('catalogue', 'self-test'):
        print(__doc__)
        return 2
    for tool in ('xgettext', 'msgmerge', 'msgfmt', 'msgattrib'):
        if shutil.which(tool) is None:
            print(f'{tool} not found (install gettext)')
            return 77
    xargs = argv[argv.index('--') + 1:] if '--' in argv else []
    if argv[1] == 'self-test':
        return self_test(argv[2], xargs)
    return report(check_catalogue(argv[2], xargs))


if __name__ == '__main__':
    sys.exit(main(sys.argv))
