#!/usr/bin/env python3
"""docs/walkthrough.md stays true: its exercises' answers and its pictures.

Its ```log blocks and the exercises' answers (```run blocks of the mmsim
command the exercise shows) are checked with every other doc's samples by
scripts/check-doc-samples.py (the test "docs").  Here: every exercise shows
the command its answer is checked with, and every picture exists.
"""
import os
import re
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PAGE = os.path.join(TOP, "docs", "walkthrough.md")


class Walkthrough(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(PAGE) as f:
            cls.page = f.read()

    def test_every_exercise_has_a_checked_answer(self):
        """Each exercise's mmsim command is also a ```run block: the test "docs" runs it."""
        pairs = re.findall(r"```sh\n(build/host/mmsim [^\n]*)\n```\s*```run ([^\n]*)\n", self.page)
        self.assertGreaterEqual(len(pairs), 4)
        for shown, checked in pairs:
            self.assertEqual(shown, checked)

    def test_every_picture_the_page_shows_exists(self):
        pictures = re.findall(r"!\[[^]]*\]\(([^)]+)\)", self.page)
        self.assertEqual(len(pictures), 5)
        for p in pictures:
            self.assertTrue(os.path.exists(os.path.join(TOP, "docs", p)), p)


if __name__ == "__main__":
    unittest.main()
