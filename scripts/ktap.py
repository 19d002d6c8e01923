#!/usr/bin/env python3
"""Parse a KTAP version 1 log (what tests/ktap.c and Linux's KUnit print).

Used by scripts/run-tests.py and on its own:

    scripts/ktap.py LOGFILE      prints one line per case, then a summary;
                                 exits 1 on any failure or malformed log.

A log is good when: it has the "KTAP version 1" header and a "1..N" plan,
every suite announced in the plan ran, every suite's own plan matches the
cases it printed, no case says "not ok", and no crash marker appears
(an Oops, a panic, a kernel BUG).  Lines before the header (the boot log)
and after the last suite are allowed.  The count lines ("# suite: pass:…",
"# Totals: pass:…", one pair per suite of more than one case, as KUnit
prints them) must agree with the cases.

parse_list() reads the output of kunit.action=list: "suite.case" lines.
"""
import re
import sys

CRASH_MARKERS = ("Internal error: Oops", "Kernel panic - not syncing", "kernel BUG at")
RESULT = re.compile(r"^(\s*)(ok|not ok) (\d+) ([^#]*?)\s*(#\s*(SKIP|TODO).*)?$")
PLAN = re.compile(r"^(\s*)1\.\.(\d+)\s*$")
SUBTEST = re.compile(r"^\s*# Subtest: (\S+)")
COUNTS = re.compile(r"^# (\S+): pass:(\d+) fail:(\d+) skip:(\d+) total:(\d+)\s*$")
LISTED = re.compile(r"^([^\s.#]+)\.([^\s.]+)$")


class Report:
    def __init__(self):
        self.cases = []     # (suite, case, status) with status "ok", "not ok", "skip"
        self.problems = []  # what makes the log itself bad

    @property
    def passed(self):
        return sum(1 for c in self.cases if c[2] in ("ok", "skip"))

    @property
    def failed(self):
        return sum(1 for c in self.cases if c[2] == "not ok")

    @property
    def good(self):
        return not self.problems and self.failed == 0


def parse(text):
    """Parse the KTAP part of @text; returns a Report."""
    rep = Report()
    lines = text.replace("\r", "").split("\n")
    try:
        start = next(i for i, l in enumerate(lines) if l.strip() == "KTAP version 1")
    except StopIteration:
        rep.problems.append("no 'KTAP version 1' header: the tests never started")
        return rep
    for marker in CRASH_MARKERS:
        if any(marker in l for l in lines):
            rep.problems.append("crash: '%s' in the log" % marker)

    top_plan = None
    suites_done = 0
    suite = None
    suite_plan = None
    suite_cases = 0
    suite_start = 0
    for line in lines[start + 1:]:
        m = PLAN.match(line)
        if m:
            if m.group(1):
                suite_plan = int(m.group(2))
            elif top_plan is None:
                top_plan = int(m.group(2))
            continue
        m = SUBTEST.match(line)
        if m:
            suite, suite_plan, suite_cases = m.group(1), None, 0
            suite_start = len(rep.cases)
            continue
        m = COUNTS.match(line)
        if m:
            check_counts(rep, suite_start, m)
            continue
        m = RESULT.match(line)
        if not m:
            continue
        indent, status, name = m.group(1), m.group(2), m.group(4).strip()
        if indent:  # a case inside a suite
            suite_cases += 1
            if m.group(6) == "SKIP" and status == "ok":
                status = "skip"
            rep.cases.append((suite or "?", name, status))
        else:       # a suite's own result line
            suites_done += 1
            if suite_plan is not None and suite_plan != suite_cases:
                rep.problems.append("suite %s planned %d cases, printed %d"
                                    % (name, suite_plan, suite_cases))
            suite = None
        if top_plan is not None and suites_done == top_plan:
            pass
    if top_plan is None:
        rep.problems.append("no top-level '1..N' plan")
    elif suites_done != top_plan:
        rep.problems.append("planned %d suites, %d finished (hang or crash?)"
                            % (top_plan, suites_done))
    return rep


def check_counts(rep, first, m):
    """A "# NAME: pass:P fail:F skip:S total:T" line must count the suite's cases."""
    cases = rep.cases[first:]
    want = (sum(1 for c in cases if c[2] == "ok"), sum(1 for c in cases if c[2] == "not ok"),
            sum(1 for c in cases if c[2] == "skip"), len(cases))
    got = tuple(int(m.group(i)) for i in range(2, 6))
    if got != want:
        rep.problems.append("'# %s:' counts pass:%d fail:%d skip:%d total:%d, the suite printed "
                            "pass:%d fail:%d skip:%d total:%d" % ((m.group(1),) + got + want))


def parse_list(text):
    """The cases kunit.action=list named: [(suite, case)] after the KTAP header."""
    lines = text.replace("\r", "").split("\n")
    try:
        start = next(i for i, l in enumerate(lines) if l.strip() == "KTAP version 1")
    except StopIteration:
        return []
    return [m.groups() for m in (LISTED.match(l.strip()) for l in lines[start + 1:]) if m]


def main(argv):
    if len(argv) != 2:
        print(__doc__)
        return 2
    with open(argv[1], errors="replace") as f:
        rep = parse(f.read())
    for suite, case, status in rep.cases:
        print("%-7s %s.%s" % (status, suite, case))
    for p in rep.problems:
        print("problem: " + p)
    print("%d passed, %d failed" % (rep.passed, rep.failed))
    return 0 if rep.good else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
