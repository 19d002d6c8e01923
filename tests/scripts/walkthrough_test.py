#!/usr/bin/env python3
"""docs/walkthrough.md stays true: its exercises' answers and its pictures.

Its ```log blocks are checked with every other doc's by
scripts/check-doc-samples.py (the test "docs").  Here: runs every
exercise's build/host/mmsim command and checks the lines of the ```mmsim
block after it are in its output, in order ("…" stands for text that
changes with every build).  Needs make all first (make test does it).
"""
import os
import re
import shlex
import subprocess
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(TOP, "build")
PAGE = os.path.join(TOP, "docs", "walkthrough.md")


def blocks(text, lang):
    """The contents of every ```lang block, as lists of lines."""
    return [b.split("\n") for b in re.findall(r"```%s\n(.*?)```" % lang, text, re.S)]


def pattern(line):
    return re.compile(".*".join(re.escape(part) for part in line.split("…")))


def missing_in_order(want, have):
    """The first line of @want not found in @have after the previous one, or None."""
    pos = 0
    for line in (l.rstrip() for l in want):
        if not line:
            continue
        p = pattern(line)
        while pos < len(have) and not p.fullmatch(have[pos].rstrip()):
            pos += 1
        if pos == len(have):
            return line
        pos += 1
    return None


class Walkthrough(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(PAGE) as f:
            cls.page = f.read()

    def test_every_exercise_answer_is_what_mmsim_prints(self):
        pairs = re.findall(r"```sh\n(build/host/mmsim [^\n]*)\n```\s*```mmsim\n(.*?)```",
                           self.page, re.S)
        self.assertGreaterEqual(len(pairs), 4)
        for command, expected in pairs:
            argv = shlex.split(command)
            argv[0] = os.path.join(TOP, argv[0])
            proc = subprocess.run(argv, cwd=TOP, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, timeout=120)
            have = proc.stdout.decode(errors="replace").split("\n")
            self.assertIsNone(missing_in_order(expected.split("\n"), have), command)

    def test_every_picture_the_page_shows_exists(self):
        pictures = re.findall(r"!\[[^]]*\]\(([^)]+)\)", self.page)
        self.assertEqual(len(pictures), 5)
        for p in pictures:
            self.assertTrue(os.path.exists(os.path.join(TOP, "docs", p)), p)


if __name__ == "__main__":
    unittest.main()
