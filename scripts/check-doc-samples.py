#!/usr/bin/env python3
"""Check that every sample output the README and docs/ quote is true.

    scripts/check-doc-samples.py [--refresh] [FILE.md ...]    (default: README.md docs/*.md)

make test runs it as the test "docs".  The rules, for whoever writes docs:

1. A boot-log sample is a fenced code block whose info string starts with
   the word `log`.  The rest of the info string names the boot that prints
   it, in tests/boot/boots.conf's syntax and with its defaults (256M, the
   vexpress-a9 DTB, QEMU's -kernel loader):

       ```log mem=1G append="mminfo ptdump"
       Zone ranges:
         Normal   [mem 0x0000000060000000-0x000000008fffffff]
       ```

   Any other block (```sh, ```c, a diagram in a plain ```) is not checked,
   so a log excerpt must be marked `log`, or it is not kept true.
2. Every non-blank line of the sample must appear in that boot's log, in
   the order the sample gives (lines the sample leaves out may come in
   between: a sample may be abridged).  A line matches a log line that
   contains it; leading and trailing blanks are not compared.
3. `…` (U+2026, one character) stands for any text within a line: the
   pieces around it must appear in that order in one log line.  Use it
   for what changes with every build (kernel size, addresses of kernel
   objects, the version string).  A line that is only `…` matches nothing
   and stands for lines left out.  Three dots `...` are ordinary text.
4. The boot is run once per distinct info string, under QEMU with the
   same command line scripts/run-tests.py gives boots.conf's boots; its log
   is kept in build/test/docs-N.log.

5. A command's output is a fenced block whose info string is `run` and the
   command, as a shell runs it from the top of the tree after `make all`:

       ```run build/host/mmsim --dtb build/dts/vexpress-a9.dtb --mem 128M --summary
       mmsim: free for the page allocator: … KiB
       ```

   Its lines are checked against the command's standard output by rules 2
   and 3 (its exit status is not looked at: a sample may show a refusal).
   Each distinct command runs once.
6. In any sample, `≈N` stands for a number within 5% of N (commas allowed):
   for figures that move a little with every change of the code, such as
   instruction counts under `-icount`; a larger move means the text around
   the figure needs rereading (`--refresh` rewrites every ≈ figure from
   the run it makes, for when the code moved them on purpose).  And two
   or more blanks in a row match any run of blanks, so a table's columns
   may be realigned.

What is not a ```log or ```run block is not checked here; say in the doc
why a sample cannot be (a diagram, a record of a past measurement, a
session that needs a debugger: tests/gdb checks docs/debugging.md's).

Exit status 0 when every sample is found; otherwise each missing line is
named with its file and line number and the status is 1.
"""
import concurrent.futures
import glob
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runner as runner_module  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ELLIPSIS = "\u2026"
APPROX = "\u2248"
TOLERANCE = 0.05
RUN_TIMEOUT = 600


def samples(path):
    """((kind, rest of the info string), [(line number, text)]) for each log and run block."""
    out, cur, info = [], None, None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            stripped = line.strip()
            if cur is None:
                if stripped.startswith("```"):
                    words = stripped[3:].strip()
                    kind = words.split(" ", 1)[0]
                    if kind in ("log", "run"):
                        info, cur = (kind, words[len(kind):].strip()), []
                    else:
                        info, cur = None, "skip"
            elif stripped.startswith("```"):
                if cur != "skip":
                    out.append((info, cur))
                cur = None
            elif cur != "skip" and stripped:
                cur.append((n, line.rstrip("\n")))
    return out


def boot_for(runner, info, name):
    """The boot @info describes, prepared as run-tests.py prepares boots.conf's."""
    import tempfile
    with tempfile.NamedTemporaryFile("w", suffix=".conf") as f:
        f.write("%s %s\n" % (name, info))
        f.flush()
        try:
            boots = runner.parse_boots(f.name)
        except SystemExit as e:
            raise ValueError(str(e).split(": ", 1)[-1])
    return runner.expand_max_orders(boots, runner.DEFAULT_MAX_ORDER)[0]


def run(runner, boot):
    text, _ = runner.run_qemu_logged(boot, os.path.join(runner.LOGDIR, boot["name"] + ".log"))
    return [l.rstrip("\r") for l in text.split("\n")]


def run_command(command):
    """The standard output of @command (rule 5), as lines."""
    try:
        proc = subprocess.run(command, shell=True, cwd=TOP, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, timeout=RUN_TIMEOUT)
        text = proc.stdout.decode(errors="replace")
    except subprocess.TimeoutExpired:
        text = ""
    return [l.rstrip("\r") for l in text.split("\n")]


NUMBER = r"([0-9][0-9,]*(?:\.[0-9]+)?)"


def line_pattern(sample):
    """@sample as a regular expression, and the ≈ figures its groups must be near."""
    parts, near = [], []
    for token in re.split(r"(%s|%s[0-9][0-9,]*(?:\.[0-9]+)?| {2,})" % (ELLIPSIS, APPROX),
                          sample.strip()):
        if token == ELLIPSIS:
            parts.append(".*")
        elif token.startswith(APPROX):
            parts.append(NUMBER)
            near.append(float(token[1:].replace(",", "")))
        elif token and not token.strip():
            parts.append(r"\s+")
        else:
            parts.append(re.escape(token))
    return re.compile("".join(parts)), near


def line_matches(sample, logline, tolerance=TOLERANCE):
    pattern, near = line_pattern(sample)
    m = pattern.search(logline)
    if not m:
        return False
    for want, got in zip(near, m.groups()):
        if abs(float(got.replace(",", "")) - want) > tolerance * abs(want):
            return False
    return True


def refreshed(sample, logline):
    """@sample with each ≈ figure replaced by the one @logline has there."""
    pattern, near = line_pattern(sample)
    got = iter(pattern.search(logline).groups())

    def figure(m):
        value = next(got).replace(",", "")
        if "." not in value and int(value) >= 1000:
            value = "{:,}".format(int(value))
        return APPROX + value

    return re.sub(APPROX + r"[0-9][0-9,]*(?:\.[0-9]+)?", figure, sample)


def refresh(path, lines, log):
    """Rewrite @path's ≈ figures of one sample from @log (--refresh); returns how many lines."""
    with open(path, encoding="utf-8") as f:
        text = f.read().split("\n")
    changed, pos = 0, 0
    for n, sample in lines:
        if APPROX not in sample:
            continue
        at = pos
        while at < len(log) and not line_matches(sample, log[at], float("inf")):
            at += 1
        if at == len(log):
            continue
        new = refreshed(sample, log[at])
        if new != sample:
            text[n - 1] = new
            changed += 1
        pos = at + 1
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(text))
    return changed


def check(path, info, lines, log):
    """The sample's lines that are not in @log in order: [(line number, text)]."""
    missing, pos = [], 0
    for n, text in lines:
        if text.strip() == ELLIPSIS:
            continue
        at = pos
        while at < len(log) and not line_matches(text, log[at]):
            at += 1
        if at == len(log):
            missing.append((n, text))
        else:
            pos = at + 1
    return missing


def main(argv):
    update = "--refresh" in argv
    argv = [a for a in argv if a != "--refresh"]
    runner = runner_module.load()
    os.makedirs(runner.LOGDIR, exist_ok=True)
    files = argv or [os.path.join(TOP, "README.md")] + sorted(glob.glob(os.path.join(TOP, "docs", "*.md")))
    found, boots, problems = [], {}, 0
    for path in files:
        for info, lines in samples(path):
            if info not in boots:
                if info[0] == "run":
                    boots[info] = None
                else:
                    try:
                        boots[info] = boot_for(runner, info[1], "docs-%d" % len(boots))
                    except ValueError as e:
                        print("%s:%d: ```log %s: %s" % (os.path.relpath(path, TOP), lines[0][0] - 1
                                                         if lines else 0, info[1], e))
                        problems += 1
                        continue
            found.append((path, info, lines))

    def output(info):
        return run_command(info[1]) if info[0] == "run" else run(runner, boots[info])

    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        logs = dict(zip(boots, pool.map(output, boots)))
    if update:
        for path, info, lines in found:
            n = refresh(path, lines, logs[info])
            if n:
                print("%s: %d lines' figures refreshed" % (os.path.relpath(path, TOP), n))
        found = [(p, i, l) for p in files for i, l in samples(p) if i in logs]
    for path, info, lines in found:
        for n, text in check(path, info, lines, logs[info]):
            if info[0] == "run":
                where = "the output of `%s`" % info[1]
            else:
                where = "the log of `%s` (build/test/%s.log)" % (info[1] or "the default boot",
                                                                  boots[info]["name"])
            print("%s:%d: not in %s, in this order: %s"
                  % (os.path.relpath(path, TOP), n, where, text.strip()))
            if APPROX in text:
                print("  (a figure moved more than 5%%: %s --refresh rewrites the doc's ≈ figures "
                      "from this run; then reread the text around them)" % sys.argv[0])
            problems += 1
    nlines = sum(len(l) for _, _, l in found)
    nruns = sum(1 for i in boots if i[0] == "run")
    print("%d samples (%d lines) from %d boots and %d commands: %s"
          % (len(found), nlines, len(boots) - nruns, nruns,
             "%d problems" % problems if problems else "all found"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
