#!/usr/bin/env python3
"""scripts/ktap.py: KUnit's count lines and kunit.action=list's output."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
import ktap  # noqa: E402

RUN = """\
KTAP version 1
1..2
    KTAP version 1
    # Subtest: a
    1..2
    ok 1 first
    ok 2 second # SKIP no hardware
# a: pass:1 fail:0 skip:1 total:2
# Totals: pass:1 fail:0 skip:1 total:2
ok 1 a
    KTAP version 1
    # Subtest: b
    1..1
    ok 1 only
ok 2 b
"""


class Ktap(unittest.TestCase):
    def test_a_kunit_shaped_run_with_per_suite_counts_is_good(self):
        rep = ktap.parse(RUN)
        self.assertEqual(rep.problems, [])
        self.assertEqual((rep.passed, rep.failed), (3, 0))

    def test_counts_that_disagree_with_the_cases_are_a_problem(self):
        rep = ktap.parse(RUN.replace("# Totals: pass:1", "# Totals: pass:2"))
        self.assertEqual(len(rep.problems), 1)
        self.assertIn("'# Totals:' counts pass:2", rep.problems[0])

    def test_a_run_cut_short_is_a_problem_without_any_totals_line(self):
        rep = ktap.parse(RUN[:RUN.index("    KTAP version 1\n    # Subtest: b")])
        self.assertIn("planned 2 suites, 1 finished (hang or crash?)", rep.problems)

    def test_parse_list_reads_suite_dot_case_after_the_header(self):
        text = "boot.line.with.dots\nKTAP version 1\na.first\na.second\nreboot: Power down\n"
        self.assertEqual(ktap.parse_list(text), [("a", "first"), ("a", "second")])


if __name__ == "__main__":
    unittest.main()
