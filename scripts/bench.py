#!/usr/bin/env python3
"""Deterministic benchmarks: boot the bench suites under QEMU -icount shift=0.

    scripts/bench.py [--mem 64M,256M,1G] [--suites LIST] [--append ARGS] [--log DIR]

Each bench suite is booted on its own at each RAM size, with
kunit.filter_glob= naming it (bench suites are on_request: they never run
otherwise), so no suite measures the state another one left.  With -icount shift=0
every guest instruction is one nanosecond of virtual time, so the counts
the suites print are the same on every run and every host.  The suites
print KTAP diagnostics of the form

    # bench: page_alloc.order0_pair: 237.0 instructions/op

and this script lays them out as a table, one column per RAM size.
Benchmarks report, they do not judge: the exit status is non-zero only if
a boot fails (a suite that prints nothing is noted on stderr).  See docs/bench.md.
"""
import argparse
import concurrent.futures
import importlib.util
import os
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(TOP, "build")
SUITES = "bench_clock,bench_boot,bench_page_alloc,bench_cma"
LINE = re.compile(r"^\s*# bench: ([\w.]+): (\S+)(?: (\S+))?\s*$")


def load_runner():
    """scripts/run-tests.py builds the QEMU command line; use the same one."""
    spec = importlib.util.spec_from_file_location(
        "run_tests", os.path.join(TOP, "scripts", "run-tests.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def run_one(runner, mem, suite, append, logdir):
    boot = dict(runner.DEFAULTS, name="bench-%s-%s" % (mem, suite), mem=mem, icount="shift=0",
                filter=suite, append=append, timeout="300", patterns=[], absent=[])
    cmd = runner.qemu_command(boot, boot["name"])
    env = dict(os.environ, QEMU_AUDIO_DRV="none")
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                              timeout=float(boot["timeout"]))
        out, code = proc.stdout.decode("utf-8", "replace"), proc.returncode
    except subprocess.TimeoutExpired as e:
        out, code = (e.stdout or b"").decode("utf-8", "replace"), None
    with open(os.path.join(logdir, boot["name"] + ".log"), "w") as f:
        f.write("$ " + " ".join(cmd) + "\n" + out)
    results = {}
    for line in out.splitlines():
        m = LINE.match(line)
        if m:
            results[m.group(1)] = (m.group(2), m.group(3) or "")
    return mem, code, results


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mem", default="64M,256M,1G", help="RAM sizes, comma-separated")
    ap.add_argument("--suites", default=SUITES,
                    help="bench suites, comma-separated (exact names); one that is not "
                    "built in prints nothing, which is noted")
    ap.add_argument("--append", default="", help="extra kernel command line")
    ap.add_argument("--log", default=os.path.join(BUILD, "bench"), help="where the logs go")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="boots at a time")
    args = ap.parse_args()
    os.makedirs(args.log, exist_ok=True)
    # run-tests.py's boot-shim helper writes into its own log directory.
    os.makedirs(os.path.join(BUILD, "test"), exist_ok=True)

    runner = load_runner()
    sizes = [m for m in args.mem.split(",") if m]
    suites = [x for x in args.suites.split(",") if x]
    # One fresh boot per suite and size: no suite measures what another left behind.
    jobs = [(m, x) for m in sizes for x in suites]
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        done = list(pool.map(lambda j: run_one(runner, j[0], j[1], args.append, args.log), jobs))

    names, units, failed, notes = [], {}, [], []
    per_size = {m: {} for m in sizes}
    for (mem, suite), (_, code, results) in zip(jobs, done):
        log = os.path.join(args.log, "bench-%s-%s.log" % (mem, suite))
        if code != 0:
            failed.append("%s %s: QEMU exited with %s (log: %s)" % (mem, suite, code, log))
        elif not results:
            notes.append("%s %s: no results: suite not built in, or skipped (log: %s)" % (
                mem, suite, log))
        per_size[mem].update(results)
        for name, (_, unit) in results.items():
            if name not in names:
                names.append(name)
            units[name] = unit
    runs = [(m, 0, per_size[m]) for m in sizes]

    # Calibration first, then the boot, then the rest, each in the order printed.
    groups = ["clock", "boot", "page_alloc"]
    seen = list(names)
    names.sort(key=lambda n: (groups.index(n.split(".")[0]) if n.split(".")[0] in groups
                              else len(groups), seen.index(n)))
    width = max([len("%s (%s)" % (n, units[n])) for n in names] + [10])
    print("guest instructions, QEMU -icount shift=0 (%s)" % args.suites)
    print("%-*s" % (width, "") + "".join("%12s" % m for m in sizes))
    for name in names:
        row = "%-*s" % (width, "%s (%s)" % (name, units[name]) if units[name] else name)
        for _, _, results in runs:
            row += "%12s" % results.get(name, ("-",))[0]
        print(row)
    for f in notes + failed:
        print("bench: " + f, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
