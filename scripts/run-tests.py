#!/usr/bin/env python3
"""Run every test: the format check, the docs' log samples, the host unit tests, the fuzzer, every QEMU boot.

    scripts/run-tests.py [--jobs N] [--only GLOB] [--list]

Tests: host:unit (the host KTAP suites), host:mm_smp (the on-request mm_smp stress), fuzz, host:scripts (unittest over
tests/scripts/*_test.py: the Python tools' own logic), host:gdb (the gdb
helpers against a booted kernel), boot:NAME, linux-diff:NAME.
Each boot is one line of tests/boot/boots.conf; each linux-diff run (Linux
and this kernel on one input) one line of tests/boot/linux-diff.conf.  A boot's KTAP cases count
one each; the boot itself counts one more (it booted, finished its plan,
exited as expected).  The last line is "N passed, N failed"; the exit
status is non-zero on any failure.  Logs are kept in build/test/.
"""
import argparse
import concurrent.futures
import fnmatch
import importlib.machinery
import importlib.util
import os
import re
import select
import shlex
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import boards  # noqa: E402
import ktap  # noqa: E402
import memlines  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(TOP, "build")
LOGDIR = os.path.join(BUILD, "test")

DEFAULTS = {
    "mem": "256M", "smp": "", "dtb": "", "append": "",
    "loader": "qemu", "load": "", "dtbaddr": "", "shimaddr": "", "cpu_off": "",
    "expect": "ktap", "timeout": "60", "machine": "vexpress-a9", "filter": "",
    "icount": "", "semihosting": "1", "image": "kernel.bin",
    "ubootcmd": "bootz ${kernel_addr_r} - ${fdtcontroladdr}",
    "mmsim": "",
    "serial": "",
    "linux": "",
    "max_order": "",
    "max_orders": "",
    "memmap": "",
    "mpidr": "",
}
DEFAULT_MAX_ORDER = 11  # the Makefile's


def out_dir(max_order):
    """Where the Makefile puts what it builds with MAX_ORDER=@max_order."""
    if int(max_order) == DEFAULT_MAX_ORDER:
        return BUILD
    return os.path.join(BUILD, "max-order-%d" % int(max_order))


def expand_max_orders(boots, max_order):
    """Give each boot the MAX_ORDER its kernel is built with: its own max_order=N,
    else make's; max_orders=A,B runs it once per value (NAME, NAME@max-order-B).
    Patterns may say {cma_align_mib} (CMA's alignment, one pageblock, in MiB),
    {pageblock_order} and {pageblock_pages}."""
    out = []
    for boot in boots:
        orders = boot["max_orders"].split(",") if boot["max_orders"] else \
            [boot["max_order"] or str(max_order)]
        for i, order in enumerate(orders):
            b = dict(boot, max_order=order)
            if int(order) != int(max_order):
                b["mmsim"] = ""  # mmsim is built with make's MAX_ORDER only
            if i:
                b["name"] = "%s@max-order-%s" % (boot["name"], order)
            fill = {"cma_align_mib": str(4 << (int(order) - 11)),
                    "pageblock_order": str(int(order) - 1),
                    "pageblock_pages": str(1 << (int(order) - 1))}
            b["patterns"] = [p.format(**fill) for p in boot["patterns"]]
            b["absent"] = [p.format(**fill) for p in boot["absent"]]
            out.append(b)
    return out


def parse_boots(path):
    """Each non-comment line: NAME key=value ... (values shell-quoted)."""
    boots = []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
            if not line:
                continue
            words = shlex.split(line)
            boot = dict(DEFAULTS, name=words[0], patterns=[], absent=[])
            for w in words[1:]:
                key, _, value = w.partition("=")
                if key == "pattern":
                    boot["patterns"].append(value)
                elif key == "absent":
                    boot["absent"].append(value)
                elif key in DEFAULTS or key == "r2":
                    boot[key] = value
                else:
                    sys.exit("%s:%d: unknown key %r" % (path, n, key))
            boots.append(boot)
    return boots


def image_offsets():
    """Offsets from _text of the kernel's symbols (for shim addresses)."""
    out = subprocess.run(["arm-none-eabi-nm", os.path.join(BUILD, "kernel.elf")],
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    syms = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3:
            syms[parts[2]] = int(parts[0], 16)
    return {name: value - syms["_text"] for name, value in syms.items()}


def shim_address(expr, load, kernel, dtb):
    """A shim address: a number, or an expression over load, kernel_size (of
    kernel.bin), dtb_size and sym["name"] (a symbol's offset in the image),
    e.g. "load + kernel_size" for a DTB right after the image."""
    names = {"load": load, "kernel_size": os.path.getsize(kernel),
             "dtb_size": os.path.getsize(dtb) if os.path.exists(dtb) else 0}
    if any(c.isalpha() for c in expr.replace("0x", "")):
        names["sym"] = image_offsets()
    return int(eval(expr, {"__builtins__": {}}, names)) if not expr.startswith("0x") \
        else int(expr, 16)


def mem_bytes(mem):
    """QEMU's -m value (a number with K, M or G) in bytes."""
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    return int(mem[:-1]) * units[mem[-1].upper()] if mem[-1].upper() in units else int(mem)


def image_within_ram(kernel, load, ram_end, logname):
    """The image as a loader leaves it in RAM that ends at ram_end: on these
    machines a write past RAM is dropped (measured, see mm/ram_probe.c), so
    only the part below ram_end arrives.  QEMU's own loader refuses a file
    that does not fit instead, so it gets that part in a file of its own
    (the mem-300K boots: head.S must still say that RAM is too small)."""
    with open(kernel, "rb") as f:
        image = f.read()
    if load + len(image) <= ram_end:
        return kernel
    part = os.path.join(LOGDIR, logname + ".kernel-in-ram")
    with open(part, "wb") as f:
        f.write(image[:max(ram_end - load, 0)])
    return part


def shim_addr(boot, key):
    """load= and dtbaddr= for the boot shim; by default RAM + 0x10000 for the
    kernel (where QEMU's -kernel puts it) and RAM + 32 MiB for the DTB."""
    if boot[key]:
        return int(boot[key], 0)
    return boards.board(boot["machine"])["ram_base"] + (0x10000 if key == "load" else 0x2000000)


def dtb_path(boot):
    """The boot's DT: dtb= (a file in build/dts/, or linux:NAME for Linux's
    own from Debian's kernel package, fetched into build/linux/dtbs/), else
    the machine's (scripts/boards.py); None when QEMU makes it."""
    name = boot["dtb"] or boards.board(boot["machine"])["dtb"]
    if not name or name == "none":
        return None
    if name.startswith("linux:"):
        return os.path.join(BUILD, "linux", "dtbs", name[len("linux:"):])
    return os.path.join(BUILD, "dts", name)


def uboot_command(boot, board, logname):
    """QEMU options for a boot through Debian's U-Boot, the image waiting
    at U-Boot's default ${kernel_addr_r} (the runner types the boot command)."""
    ub = board["uboot"]
    root = os.path.join(BUILD, "deps", "usr", "lib", "u-boot")
    cmd = []
    if "bios" in ub:
        cmd += ["-bios", os.path.join(root, ub["bios"])]
    else:
        with open(os.path.join(root, ub["imx"]), "rb") as f:
            image = f.read()[ub["imx_skip"]:]
        path = os.path.join(LOGDIR, logname + ".u-boot")
        with open(path, "wb") as f:
            f.write(image)
        cmd += ["-device", "loader,file=%s,addr=0x%x" % (path, ub["imx_addr"]),
                "-device", "loader,addr=0x%x,cpu-num=0" % ub["imx_addr"]]
    image = os.path.join(out_dir(boot["max_order"]), boot["image"])
    cmd += ["-device", "loader,file=%s,addr=0x%x" % (image, ub["kernel_addr_r"])]
    return cmd


def qemu_command(boot, logname):
    smp = max(int(boot["smp"] or boards.default_smp(boot["machine"])),
              boards.board(boot["machine"]).get("smp", 1))
    cmd = ["qemu-system-arm", "-M", boot["machine"], "-m", boot["mem"]]
    cmd += boards.smp_args(boot["machine"], smp, bool(boot["icount"]))
    cmd += ["-display", "none", "-monitor", "none", "-no-reboot", "-nic", "none"]
    # serial=N: only UART N reaches the log (default: the board's console UART).
    cmd += boards.console_args(boot["machine"], int(boot["serial"]) if boot["serial"] else None,
                               boot["semihosting"] == "1")
    if boot["icount"]:
        cmd += ["-icount", boot["icount"]]
    board = boards.board(boot["machine"])
    if boot["mpidr"]:
        cmd += ["-global", "%s-arm-cpu.mp-affinity=%s" % (board.get("cpu", "cortex-a9"),
                                                          boot["mpidr"])]
    dtb = dtb_path(boot)
    dtbname = dtb and os.path.basename(dtb)
    kernel = os.path.join(out_dir(boot["max_order"]), "kernel.bin")
    if boot["loader"] == "uboot":
        return cmd + uboot_command(boot, board, logname)
    append = boot["append"]
    if boot["filter"]:
        append = (append + " kunit.filter_glob=" + boot["filter"]).strip()
    if boot["loader"] == "qemu":
        cmd += ["-kernel", kernel]
        if dtb and dtbname != "none":
            cmd += ["-dtb", dtb]
        if append:
            cmd += ["-append", append]
        return cmd
    # The boot shim: load everything where the test says, pass r2 as it says.
    load = shim_addr(boot, "load")
    dtbaddr = shim_address(boot["dtbaddr"], load, kernel, dtb) if boot["dtbaddr"] \
        else shim_addr(boot, "dtbaddr")
    r2 = int(boot["r2"], 0) if "r2" in boot else dtbaddr
    with open(os.path.join(BUILD, "bootshim.bin"), "rb") as f:
        shim = f.read()
    shim_path = os.path.join(LOGDIR, logname + ".shim")
    with open(shim_path, "wb") as f:
        f.write(shim + boards.shim_params(boot["machine"], r2, load,
                                          int(boot["cpu_off"], 0) if boot["cpu_off"] else None))
    shimaddr = int(boot["shimaddr"], 0) if boot["shimaddr"] else board["ram_base"]
    kernel = image_within_ram(kernel, load, board["ram_base"] + mem_bytes(boot["mem"]), logname)
    cmd += ["-device", "loader,file=%s,addr=0x%x" % (shim_path, shimaddr),
            "-device", "loader,file=%s,addr=0x%x" % (kernel, load)]
    if dtb and dtbname != "none":
        cmd += ["-device", "loader,file=%s,addr=0x%x" % (dtb, dtbaddr)]
    # Every CPU starts in the shim, which holds the secondaries as firmware
    # does; where the board has a pen, they run a copy of it outside RAM.
    pen = board.get("pen")
    if pen and smp > 1:
        cmd += ["-device", "loader,file=%s,addr=0x%x" % (shim_path, pen[2])]
    for cpu in range(smp):
        cmd += ["-device", "loader,addr=0x%x,cpu-num=%d" % (pen[2] if pen and cpu else shimaddr, cpu)]
    return cmd


def boot_and_log(boot, logname, logpath):
    """Boot @boot under QEMU (through U-Boot's prompt for loader=uboot) to the
    end or its timeout, and keep the log, which starts with the command line,
    at @logpath.  Returns (console text, exit code or None, hung)."""
    cmd = qemu_command(boot, logname)
    env = dict(os.environ, QEMU_AUDIO_DRV="none")
    if boot["loader"] == "uboot":
        out, code, hung = run_uboot(cmd, env, boot["ubootcmd"], float(boot["timeout"]))
    else:
        try:
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                  timeout=float(boot["timeout"]))
            out, code, hung = proc.stdout, proc.returncode, False
        except subprocess.TimeoutExpired as e:
            out, code, hung = e.stdout or b"", None, True
    text = out.decode("utf-8", "replace")
    with open(logpath, "w") as f:
        f.write("$ " + " ".join(shlex.quote(c) for c in cmd) + "\n" + text)
    return text, code, hung


def run_qemu_logged(boot, logpath):
    """boot_and_log() for the scripts that boot one configuration and read its
    log (bench.py, check-doc-samples.py): (console text, exit code), the code
    None when the timeout stopped QEMU."""
    text, code, _ = boot_and_log(boot, boot["name"], logpath)
    return text, code


def run_uboot(cmd, env, command, timeout):
    """Run QEMU with U-Boot on the console: stop its autoboot, type @command
    at the "=>" prompt, then read until QEMU exits.  Returns (output, exit
    code or None, hung)."""
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env)
    os.set_blocking(proc.stdout.fileno(), False)
    out, step, deadline = b"", 0, time.time() + timeout
    while time.time() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 0.1)
        data = proc.stdout.read() if ready else None
        if data:
            out += data
        elif ready or proc.poll() is not None:  # end of output: QEMU is gone
            proc.wait()
            return out, proc.returncode, False
        if step == 0 and b"Hit any key to stop autoboot" in out:
            proc.stdin.write(b"\n")
            step = 1
        elif step == 1 and out.rstrip().endswith(b"=>"):
            proc.stdin.write(command.encode() + b"\n")
            step = 2
        proc.stdin.flush()
    proc.kill()
    proc.wait()
    return out, None, True


def run_boot(boot):
    """Boot once; returns (name, report, problems, seconds)."""
    name = "boot:" + boot["name"]
    logname = boot["name"]
    start = time.time()
    text, code, hung = boot_and_log(boot, logname, os.path.join(LOGDIR, logname + ".log"))
    seconds = time.time() - start

    problems = []
    if hung and boot["expect"] != "wfi":
        problems.append("timed out after %ss (hang)" % boot["timeout"])
    for p in boot["patterns"]:
        if p not in text:
            problems.append("expected %r in the log" % p)
    for p in boot["absent"]:
        if p in text:
            problems.append("unexpected %r in the log" % p)
    if boot["mmsim"]:
        problems += compare_with_mmsim(boot, text)
    if boot["memmap"]:
        problems += check_memmap(boot, text)
    if boot["linux"]:
        problems += compare_with_linux(boot["linux"], text)
    report = None
    if boot["expect"] == "ktap":
        report = ktap.parse(text)
        problems += report.problems
        if not hung and code != 0 and report.failed == 0:
            problems.append("QEMU exited with %s" % code)
    elif boot["expect"] == "list":
        problems += check_list(text, code, hung)
    elif boot["expect"] == "wfi":
        # No way to power off: the run must end with its verdict, then wait.
        report = ktap.parse(text)
        problems += [p for p in report.problems if "exit" not in p]
        if not hung:
            problems.append("expected the CPU to wait for ever after the last line")
        if "reboot: Power down" not in text:
            problems.append("expected 'reboot: Power down' as the last line")
    elif boot["expect"] == "halt":
        if not hung and code == 0:
            problems.append("expected a halt (failure exit), QEMU exited 0")
    return name, report, problems, seconds


def check_list(text, code, hung):
    """kunit.action=list: names listed, each once, and no case run."""
    problems = []
    listed = ktap.parse_list(text)
    if not listed:
        problems.append("kunit.action=list listed no case")
    if len(set(listed)) != len(listed):
        problems.append("a case was listed twice")
    if any(ktap.SUBTEST.match(l) or ktap.RESULT.match(l) for l in text.splitlines()):
        problems.append("kunit.action=list ran a suite")
    if not hung and code != 0:
        problems.append("QEMU exited with %s" % code)
    return problems


# Figures that depend on sizeof(struct page), which is bigger on the host: the
# available and reserved sizes, and Total pages; and the per-CPU template's
# size, whose variables differ in size on the host and which holds the
# self-tests' too in the kernel.  Everything else must match.
MMSIM_VARIES = (re.compile(r"Memory: (\d+)K/\d+K available \(.*, (\d+)K reserved, "),
                re.compile(r"Built \d+ zonelists, .*Total pages: (\d+)"),
                re.compile(r"percpu: Embedded \d+ pages/cpu s(\d+) r"))


def mmsim_pattern(line):
    """A regex for the kernel line mmsim's @line stands for."""
    for varies in MMSIM_VARIES:
        m = varies.match(line)
        if m:
            out, last = "", 0
            for g in range(1, len(m.groups()) + 1):
                out += re.escape(line[last:m.start(g)]) + r"\d+"
                last = m.end(g)
            return out + re.escape(line[last:])
    return re.escape(line)


def compare_with_mmsim(boot, kernel_log):
    """mmsim must print what the kernel printed: each of its lines, in order.

    The figures that depend on sizeof(struct page) are the exception mmsim
    itself explains (see MMSIM_VARIES).  A shim boot passes the DTB
    untouched, so mmsim gets no --mem there."""
    dtbname = boot["dtb"] or boards.board(boot["machine"])["dtb"]
    out = out_dir(boot["max_order"])
    cmd = [os.path.join(out, "host", "mmsim"), "--dtb", os.path.join(BUILD, "dts", dtbname),
           "--elf", os.path.join(out, "kernel.elf")]
    if boot["loader"] == "qemu":
        cmd += ["--mem", boot["mem"]]
    else:
        cmd += ["--load", "0x%x" % shim_addr(boot, "load")]
    if boot["append"]:
        cmd += ["--cmdline", boot["append"]]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    if proc.returncode != 0:
        return ["mmsim exited with %d: %s" % (proc.returncode,
                                               proc.stderr.decode(errors="replace")[-200:])]
    log = [l.rstrip("\r") for l in kernel_log.split("\n")]
    pos = 0
    for line in proc.stdout.decode(errors="replace").splitlines():
        want = re.compile(mmsim_pattern(line))
        while pos < len(log) and not want.fullmatch(log[pos]):
            pos += 1
        if pos == len(log):
            return ["mmsim printed %r, which the kernel did not (at that point)" % line]
        pos += 1
    return []


def compare_with_linux(case, kernel_log):
    """The memory lines must be Linux's, from tests/boot/cases/@case/expected-linux.txt,
    after scripts/memlines.py's documented normalisations."""
    with open(os.path.join(TOP, "tests", "boot", "cases", case, "expected-linux.txt")) as f:
        _, ours, diff, problems = memlines.compare(f.read(), kernel_log)
    if not ours:
        problems.append("no memory lines in the log")
    if diff:
        problems.append("memory lines differ from Linux's:\n    " + "\n    ".join(diff[2:]))
    return problems


def parse_linux_diffs(path):
    """tests/boot/linux-diff.conf: NAME key=value ... (dtb mem append max_order known)."""
    runs = []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = "" if line.lstrip().startswith("#") else line.strip()
            if not line:
                continue
            words = shlex.split(line)
            run = {"name": words[0], "mem": "256M", "append": "", "max_order": "11",
                   "known": []}
            for w in words[1:]:
                key, _, value = w.partition("=")
                if key == "known":
                    run["known"].append(value)
                elif key in ("dtb", "mem", "append", "max_order"):
                    run[key] = value
                else:
                    sys.exit("%s:%d: unknown key %r" % (path, n, key))
            runs.append(run)
    return runs


def run_linux_diff(run):
    """Linux and ours on one input: passes when their memory lines agree."""
    name = "linux-diff:" + run["name"]
    logdir = os.path.join(LOGDIR, "linux-diff-" + run["name"])
    cmd = [sys.executable, os.path.join(TOP, "scripts", "linux-diff.py"), "--quiet",
           "--dtb", os.path.join(BUILD, "dts", run["dtb"]), "--mem", run["mem"],
           "--append", run["append"], "--max-order", run["max_order"], "--log-dir", logdir]
    for k in run["known"]:
        cmd += ["--known", k]
    start = time.time()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
    text = proc.stdout.decode("utf-8", "replace")
    os.makedirs(logdir, exist_ok=True)
    with open(os.path.join(logdir, "diff.txt"), "w") as f:
        f.write(text)
    problems = [] if proc.returncode == 0 else ["exited %d:\n    %s" % (
        proc.returncode, text.strip().replace("\n", "\n    "))]
    return name, None, problems, time.time() - start
def load_memmap_script():
    """scripts/memmap (no .py suffix) as a module."""
    loader = importlib.machinery.SourceFileLoader("memmap", os.path.join(TOP, "scripts", "memmap"))
    spec = importlib.util.spec_from_loader("memmap", loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


# Kinds mmsim cannot reproduce: mem_map and the memblock allocations after it
# depend on sizeof(struct page) (bigger on the host); QEMU rewrites the DTB
# (another size, virtio nodes added); ioremaps and the pte tables they add
# happen at run time.  Everything else must be the same region for region.
MEMMAP_VARIES = {"dtb", "mem_map", "reserved", "page-tables", "ioremap", "vmalloc-area", "vmap"}


def check_memmap(boot, kernel_log):
    """The kernel's memmap_json: valid, equal to mmsim --json's where it can be, all drawn."""
    memmap = load_memmap_script()
    try:
        doc = memmap.extract(kernel_log)
    except ValueError as e:
        return ["memmap: %s" % e]
    dtbname = boot["dtb"] or boards.board(boot["machine"])["dtb"]
    out = out_dir(boot["max_order"])
    cmd = [os.path.join(out, "host", "mmsim"), "--json", "--dtb",
           os.path.join(BUILD, "dts", dtbname), "--mem", boot["mem"],
           "--elf", os.path.join(out, "kernel.elf")]
    if boot["append"]:
        cmd += ["--cmdline", boot["append"]]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    try:
        sim = memmap.extract(proc.stdout.decode(errors="replace"))
    except ValueError as e:
        return ["mmsim --json: %s" % e]
    problems = []
    for side in ("physical", "virtual"):
        def same(d):
            return {(r["kind"], r["name"], r["base"], r["size"]) for r in d[side]
                    if r["kind"] not in MEMMAP_VARIES}
        for r in sorted(same(doc) ^ same(sim)):
            problems.append("memmap %s: %s %s 0x%x+0x%x only in the %s's" % (
                side, r[0], r[1], r[2], r[3], "kernel" if r in same(doc) else "mmsim"))
    kernel_devices = {(r["name"], r["base"], r["size"]) for r in doc["devices"]}
    for r in sim["devices"]:
        if (r["name"], r["base"], r["size"]) not in kernel_devices:
            problems.append("memmap: device %s is only in mmsim's" % r["name"])
    svg = memmap.render(doc)
    with open(os.path.join(LOGDIR, boot["name"] + ".svg"), "w") as f:
        f.write(svg)
    problems += ["memmap.svg does not draw %s" % m for m in memmap.missing_from_svg(doc, svg)]
    return problems


def output_tail(text, lines=60):
    """A failed command's last lines, indented under its "not ok" line: CI's log keeps
    only run-tests' output, and a sanitizer's or the fuzzer's report ends the output."""
    tail = text.rstrip().split("\n")[-lines:]
    return "\n    " + "\n    ".join(tail)


def run_host(binary, name):
    """A command that prints KTAP: the host suites, the gdb helpers' test."""
    argv = binary if isinstance(binary, list) else [binary]
    start = time.time()
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
    text = proc.stdout.decode("utf-8", "replace")
    with open(os.path.join(LOGDIR, name + ".log"), "w") as f:
        f.write(text)
    report = ktap.parse(text)
    problems = list(report.problems)
    if proc.returncode != 0 and report.failed == 0:
        problems.append("exited with %d (sanitizer report?):%s" % (proc.returncode,
                                                                 output_tail(text)))
    return "host:" + name, report, problems, time.time() - start


def run_command(argv, name):
    """A test that is a whole command (the fuzzer): passes when it exits 0."""
    start = time.time()
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=600)
    with open(os.path.join(LOGDIR, name + ".log"), "wb") as f:
        f.write(proc.stdout)
    problems = [] if proc.returncode == 0 else ["exited with %d:%s" % (
        proc.returncode, output_tail(proc.stdout.decode("utf-8", "replace")))]
    return name, None, problems, time.time() - start


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--only", default="*", help="glob over test names (boot:NAME, host:unit)")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--boots", default=os.path.join(TOP, "tests", "boot", "boots.conf"))
    ap.add_argument("--max-order", type=int, default=DEFAULT_MAX_ORDER,
                    help="the MAX_ORDER make built with (make test MAX_ORDER=N)")
    args = ap.parse_args()
    os.makedirs(LOGDIR, exist_ok=True)

    boots = [b for b in expand_max_orders(parse_boots(args.boots), args.max_order)
             if fnmatch.fnmatch("boot:" + b["name"], args.only)]
    host = os.path.join(BUILD, "host")  # the host suites are built with the default only
    linux_diffs = [r for r in parse_linux_diffs(os.path.join(TOP, "tests", "boot", "linux-diff.conf"))
                   if fnmatch.fnmatch("linux-diff:" + r["name"], args.only)]
    if args.list:
        for b in boots:
            print("boot:" + b["name"])
        for r in linux_diffs:
            print("linux-diff:" + r["name"])
        return 0

    if any(b["dtb"].startswith("linux:") for b in boots):
        # Linux's own DTBs, from Debian's kernel package (once; a failure shows
        # up as those boots' missing DTB).
        subprocess.run([os.path.join(TOP, "scripts", "fetch-linux.sh")])
    jobs = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        if fnmatch.fnmatch("host:unit", args.only):
            jobs.append(pool.submit(run_host, os.path.join(host, "unit"), "unit"))
        # The suites that run only when named (on_request): the mm_smp stress on threads.
        if fnmatch.fnmatch("host:mm_smp", args.only):
            jobs.append(pool.submit(run_host, [os.path.join(host, "unit"), "mm_smp"], "mm_smp"))
        # The multi-threaded suites under ThreadSanitizer (make host-test-tsan).
        if fnmatch.fnmatch("host:tsan", args.only):
            jobs.append(pool.submit(run_host, [os.path.join(host, "unit-tsan"),
                                               "mm_smp,locking_threads"], "tsan"))
        if fnmatch.fnmatch("format", args.only):
            jobs.append(pool.submit(run_command, [os.path.join(TOP, "scripts", "check-format.sh")],
                                    "format"))
        if fnmatch.fnmatch("docs", args.only):
            jobs.append(pool.submit(run_command,
                                    [os.path.join(TOP, "scripts", "check-doc-samples.py")], "docs"))
        # The two fuzzers, about 40 s between them (tests/fuzz/run.sh).
        for fuzzer, seconds in (("fdt_fuzz", "30"), ("cmdline_fuzz", "10")):
            name = "fuzz:" + fuzzer
            if fnmatch.fnmatch(name, args.only) or fnmatch.fnmatch("fuzz", args.only):
                jobs.append(pool.submit(run_command, [os.path.join(TOP, "tests", "fuzz", "run.sh"),
                                                      os.path.join(host, fuzzer), seconds], name))
        if fnmatch.fnmatch("host:gdb", args.only):
            # scripts/gdb/a9mm.py against a booted kernel, checked against its own log.
            jobs.append(pool.submit(run_host, [sys.executable, os.path.join(
                TOP, "tests", "gdb", "gdb_test.py"), BUILD], "gdb"))
        if fnmatch.fnmatch("host:scripts", args.only):
            # The scripts' own logic (bench data, the memory map picture): unittest.
            jobs.append(pool.submit(run_command, [sys.executable, "-m", "unittest", "discover",
                                                  "-s", os.path.join(TOP, "tests", "scripts"),
                                                  "-p", "*_test.py"], "host:scripts"))
        # Linux's boots are the slowest: start them first.
        jobs += [pool.submit(run_linux_diff, r) for r in linux_diffs]
        jobs += [pool.submit(run_boot, b) for b in boots]
        passed = failed = 0
        for job in jobs:
            name, report, problems, seconds = job.result()
            if report:
                for suite, case, status in report.cases:
                    if status == "not ok":
                        print("not ok %s %s.%s" % (name, suite, case))
                passed += report.passed
                failed += report.failed
            cases = ""
            if report:
                cases = " (%d cases%s)" % (len(report.cases),
                                           ", %d failed" % report.failed if report.failed else "")
            if problems:
                failed += 1
                print("not ok %s%s [%.1fs]: %s" % (name, cases, seconds, "; ".join(problems)))
            else:
                passed += 1
                print("ok %s%s [%.1fs]" % (name, cases, seconds))
            sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
