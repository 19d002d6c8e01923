#!/usr/bin/env python3
"""Deterministic benchmarks: boot the bench suites under QEMU -icount shift=0.

    scripts/bench.py [--mem 64M,256M,1G] [--suites LIST] [--append ARGS] [--log DIR]
                     [--repeat N] [--baseline FILE.json]

Each bench suite is booted on its own at each RAM size, with
kunit.filter_glob= naming it (bench suites are on_request: they never run
otherwise), so no suite measures the state another one left.  With -icount shift=0
every guest instruction is one nanosecond of virtual time, so the counts
the suites print are the same on every run and every host.  The suites
print KTAP diagnostics of the form

    # bench: page_alloc.order0_pair: 237.0 instructions/op

and this script lays them out as a table, one column per RAM size, and
writes them as data: results.csv and results.json in the log directory, one
row per measure and RAM size (measure, unit, ram, value; min, median and max
over the boots when --repeat N boots each more than once).  --baseline names
a results.json saved from an earlier run: each row then also carries the
baseline's value and the ratio ours/baseline (below 1 is fewer instructions).
Benchmarks report, they do not judge: the exit status is non-zero only if
a boot fails (a suite that prints nothing is noted on stderr).  See docs/bench.md.
"""
import argparse
import concurrent.futures
import csv
import json
import os
import re
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import runner as runner_module  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(TOP, "build")
SUITES = "bench_clock,bench_boot,bench_page_alloc,bench_cma,bench_vmalloc,bench_slub,bench_smp"
# Suites that measure several CPUs at once boot with this many (single-threaded
# TCG under -icount: the CPUs take turns on one virtual clock).
SMP_SUITES = {"bench_smp": "4"}
LINE = re.compile(r"^\s*# bench: ([\w.]+): (\S+)(?: (\S+))?\s*$")
FORMAT = "a9mm-bench-1"  # results.json's "format": bump when the fields change
FIELDS = ["measure", "unit", "ram", "value", "min", "median", "max", "runs"]
BASELINE_FIELDS = ["baseline", "ratio"]
# Calibration first, then the boot, then the rest, each in the order printed.
GROUPS = ["clock", "boot", "page_alloc"]


def parse_log(text):
    """The "# bench:" lines of one boot's log: {measure: (value, unit)}, in order."""
    results = {}
    for line in text.splitlines():
        m = LINE.match(line)
        if m:
            results[m.group(1)] = (float(m.group(2)), m.group(3) or "")
    return results


def run_one(runner, mem, suite, append, logdir, run):
    name = "bench-%s-%s" % (mem, suite) + (".%d" % run if run else "")
    # One CPU, and nosmp: the DT's other CPUs, which QEMU then lacks, would
    # each cost a bounded wait (docs/smp.md) before the benchmarks start.
    # The SMP suites get their CPUs instead.
    smp = SMP_SUITES.get(suite)
    boot = dict(runner.DEFAULTS, name=name, mem=mem, icount="shift=0", smp=smp or "1",
                filter=suite, append=(append + ("" if smp else " nosmp")).strip(), timeout="300",
                patterns=[], absent=[],
                max_order=str(runner.DEFAULT_MAX_ORDER))
    log = os.path.join(logdir, name + ".log")
    out, code = runner.run_qemu_logged(boot, log)
    return code, parse_log(out), log


def make_rows(sizes, runs):
    """One row per measure and RAM size from @runs: {ram: [results of each boot]}.

    The value is the median over the boots; min, median and max are given
    only when there was more than one (under -icount they are all equal,
    on hardware they are not)."""
    order = []
    for ram in sizes:
        for results in runs.get(ram, []):
            order += [n for n in results if n not in order]
    seen = list(order)
    order.sort(key=lambda n: (GROUPS.index(n.split(".")[0]) if n.split(".")[0] in GROUPS
                              else len(GROUPS), seen.index(n)))
    rows = []
    for name in order:
        for ram in sizes:
            samples = [r[name] for r in runs.get(ram, []) if name in r]
            if not samples:
                continue
            values = [v for v, _ in samples]
            row = {"measure": name, "unit": samples[0][1], "ram": ram,
                   "value": statistics.median(values), "runs": len(values),
                   "min": None, "median": None, "max": None}
            if len(values) > 1:
                row.update(min=min(values), median=statistics.median(values), max=max(values))
            rows.append(row)
    return rows


def load_baseline(path):
    """A results.json from an earlier run: {(measure, ram): value}.

    A row whose ram is "any" holds for every size (docs/bench-linux-6.1.json:
    figures measured at one size the source does not name)."""
    with open(path) as f:
        data = json.load(f)
    if data.get("format") != FORMAT:
        raise ValueError("%s: not a make bench results.json (format %r, want %r)"
                         % (path, data.get("format"), FORMAT))
    return {(r["measure"], r["ram"]): r["value"] for r in data["results"]}


def apply_baseline(rows, baseline):
    """Adds baseline and ratio (ours / baseline) to each row the baseline has."""
    for row in rows:
        base = baseline.get((row["measure"], row["ram"]), baseline.get((row["measure"], "any")))
        row["baseline"] = base
        row["ratio"] = round(row["value"] / base, 4) if base else None
    return rows


def write_results(rows, logdir, meta, with_baseline):
    fields = FIELDS + (BASELINE_FIELDS if with_baseline else [])
    with open(os.path.join(logdir, "results.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(fields)
        for row in rows:
            w.writerow(["" if row.get(k) is None else row[k] for k in fields])
    with open(os.path.join(logdir, "results.json"), "w") as f:
        json.dump(dict(meta, format=FORMAT, results=[{k: row.get(k) for k in fields}
                                                     for row in rows]), f, indent=1)
        f.write("\n")


def fmt(value):
    return "%d" % value if value == int(value) else "%.1f" % value


def table(rows, sizes, with_baseline):
    """The text table: one line per measure, a column per size (and its ratio)."""
    names = []
    for row in rows:
        if row["measure"] not in names:
            names.append(row["measure"])
    cell = {(r["measure"], r["ram"]): r for r in rows}
    label = {r["measure"]: "%s (%s)" % (r["measure"], r["unit"]) if r["unit"] else r["measure"]
             for r in rows}
    width = max([len(v) for v in label.values()] + [10])
    lines = ["%-*s" % (width, "") + "".join(
        "%12s" % m + ("%8s" % "ratio" if with_baseline else "") for m in sizes)]
    for name in names:
        line = "%-*s" % (width, label[name])
        for ram in sizes:
            row = cell.get((name, ram))
            line += "%12s" % (fmt(row["value"]) if row else "-")
            if with_baseline:
                ratio = row and row.get("ratio")
                line += "%8s" % ("%.3f" % ratio if ratio else "-")
        lines.append(line)
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mem", default="64M,256M,1G", help="RAM sizes, comma-separated")
    ap.add_argument("--suites", default=SUITES,
                    help="bench suites, comma-separated (exact names); one that is not "
                    "built in prints nothing, which is noted")
    ap.add_argument("--append", default="", help="extra kernel command line")
    ap.add_argument("--log", default=os.path.join(BUILD, "bench"), help="where the logs go")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="boots at a time")
    ap.add_argument("--repeat", type=int, default=1, help="boots per suite and size")
    ap.add_argument("--baseline", help="a results.json of an earlier run to compare against")
    args = ap.parse_args()
    baseline = None
    if args.baseline:
        try:
            baseline = load_baseline(args.baseline)
        except (OSError, ValueError, KeyError) as e:
            print("bench: baseline: %s" % e, file=sys.stderr)
            return 2
    os.makedirs(args.log, exist_ok=True)
    # run-tests.py's boot-shim helper writes into its own log directory.
    os.makedirs(os.path.join(BUILD, "test"), exist_ok=True)

    runner = runner_module.load()
    sizes = [m for m in args.mem.split(",") if m]
    suites = [x for x in args.suites.split(",") if x]
    # One fresh boot per suite and size: no suite measures what another left behind.
    jobs = [(m, x, n) for n in range(max(args.repeat, 1)) for m in sizes for x in suites]
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        done = list(pool.map(lambda j: run_one(runner, j[0], j[1], args.append, args.log, j[2]),
                             jobs))

    failed, notes = [], []
    runs = {m: {} for m in sizes}  # ram -> boot number -> merged results of its suites
    for (mem, suite, n), (code, results, log) in zip(jobs, done):
        if code != 0:
            failed.append("%s %s: QEMU exited with %s (log: %s)" % (mem, suite, code, log))
        elif not results:
            notes.append("%s %s: no results: suite not built in, or skipped (log: %s)" % (
                mem, suite, log))
        runs[mem].setdefault(n, {}).update(results)
    rows = make_rows(sizes, {m: [runs[m][n] for n in sorted(runs[m])] for m in sizes})
    if baseline is not None:
        apply_baseline(rows, baseline)
    meta = {"suites": suites, "append": args.append, "icount": "shift=0",
            "repeat": max(args.repeat, 1), "baseline": args.baseline}
    write_results(rows, args.log, meta, baseline is not None)

    print("guest instructions, QEMU -icount shift=0 (%s)" % args.suites)
    print("\n".join(table(rows, sizes, baseline is not None)))
    print("results: %s, %s" % (os.path.join(args.log, "results.csv"),
                               os.path.join(args.log, "results.json")))
    for f in notes + failed:
        print("bench: " + f, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
