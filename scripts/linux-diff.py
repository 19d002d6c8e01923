#!/usr/bin/env python3
"""Boot Debian's Linux 6.1 and this kernel on the same input; diff their memory lines.

    scripts/linux-diff.py --dtb FILE [--mem SIZE] [--append ARGS] [--max-order N]
                          [--loader qemu|shim] [--linux-only | --ours-only] [--quiet]

Both run under the same qemu-system-arm -M vexpress-a9, with the same DTB,
RAM size and command line (Linux gets LINUX_CONSOLE in front, as its DT
may name no console).  Each QEMU is stopped as soon as its "Memory:" line is
out: Linux would go on to panic at root mount, which is of no interest here.
The memory lines and their normalisations are scripts/memlines.py's.
Prints Linux's lines, ours and the diff; exits 0 when there is no difference
(after the normalisations), 1 when there is, 2 when a boot failed.

Linux itself is fetched by scripts/fetch-linux.sh into build/linux/ (make
linux-diff does that).  --loader shim passes the DTB untouched (QEMU's -dtb
rewrites /memory to -m), through tests/boot/bootshim.S for both kernels; the
command line then goes into a copy of the DTB's /chosen/bootargs (fdtput).
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import boards  # noqa: E402
import memlines  # noqa: E402

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(TOP, "build")
RAM_BASE = 0x60000000        # vexpress-a9
LOAD, DTB_ADDR = 0x60010000, 0x62000000  # as the boot tests' shim loads
# Linux's console: earlycon on the board's UART prints from the start, whatever
# the DT's /chosen says (the real ttyAMA0 may never probe with a small DT).
LINUX_CONSOLE = "console=ttyAMA0 earlycon=pl011,0x10009000"


def qemu_args(kernel, args, tmpdir, cmdline):
    """QEMU's command for @kernel; @cmdline reaches it by -append, or through the
    shim as the DTB's /chosen/bootargs (set with fdtput on a copy: nothing else changes)."""
    cmd = ["qemu-system-arm", "-M", "vexpress-a9", "-m", args.mem, "-display", "none",
           "-monitor", "none", "-serial", "stdio", "-no-reboot",
           "-semihosting-config", "enable=on,target=native"]
    if args.loader == "qemu":
        return cmd + ["-kernel", kernel, "-dtb", args.dtb] + (["-append", cmdline] if cmdline else [])
    dtb = args.dtb
    if cmdline:
        dtb = os.path.join(tmpdir, os.path.basename(kernel) + ".dtb")
        with open(args.dtb, "rb") as src, open(dtb, "wb") as dst:
            dst.write(src.read())
        subprocess.run(["fdtput", "-p", "-t", "s", dtb, "/chosen", "bootargs", cmdline], check=True)
    with open(os.path.join(BUILD, "bootshim.bin"), "rb") as f:
        shim = f.read() + boards.shim_params("vexpress-a9", DTB_ADDR, LOAD)
    shim_path = os.path.join(tmpdir, "shim.bin")
    with open(shim_path, "wb") as f:
        f.write(shim)
    return cmd + ["-device", "loader,file=%s,addr=0x%x" % (shim_path, RAM_BASE),
                  "-device", "loader,file=%s,addr=0x%x" % (kernel, LOAD),
                  "-device", "loader,file=%s,addr=0x%x" % (dtb, DTB_ADDR),
                  "-device", "loader,addr=0x%x,cpu-num=0" % RAM_BASE]


def boot(cmd, timeout):
    """Run QEMU until the "Memory:" line (or exit, or @timeout seconds): (log, error)."""
    env = dict(os.environ, QEMU_AUDIO_DRV="none")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    os.set_blocking(proc.stdout.fileno(), False)
    out, end, done = b"", time.time() + timeout, False
    while time.time() < end and not done:
        chunk = proc.stdout.read()
        if chunk:
            out += chunk
            done = any(memlines.TIMESTAMP.sub("", l).startswith("Memory: ")
                       for l in out.decode("utf-8", "replace").splitlines()[:-1] + [""])
        elif proc.poll() is not None:
            break
        else:
            time.sleep(0.05)
    proc.kill()
    proc.wait()
    text = out.decode("utf-8", "replace")
    if done:
        return text, None
    return text, ("no Memory: line within %ds" % timeout if proc.returncode is None or
                  time.time() >= end else "QEMU exited before the Memory: line")


def our_kernel(max_order):
    sub = "" if max_order == 11 else "max-order-%d" % max_order
    return os.path.join(BUILD, sub, "kernel.bin")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dtb", required=True)
    ap.add_argument("--mem", default="256M")
    ap.add_argument("--append", default="")
    ap.add_argument("--max-order", type=int, default=11, help="which build of ours to boot")
    ap.add_argument("--loader", choices=("qemu", "shim"), default="qemu")
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("--log-dir", help="keep both boot logs here")
    ap.add_argument("--quiet", action="store_true", help="print only the diff")
    ap.add_argument("--known", action="append", default=[], metavar="REGEX",
                    help="a diff line (+ours/-Linux's) matching REGEX is an explained difference")
    args = ap.parse_args()

    linux_kernel = os.path.join(BUILD, "linux", "zImage")
    ours_kernel = our_kernel(args.max_order)
    for path, how in ((linux_kernel, "scripts/fetch-linux.sh"), (ours_kernel, "make"),
                      (args.dtb, "dtc")):
        if not os.path.exists(path):
            sys.exit("linux-diff: %s is missing (%s makes it)" % (path, how))

    with tempfile.TemporaryDirectory() as tmp:
        linux_cmd = qemu_args(linux_kernel, args, tmp, (LINUX_CONSOLE + " " + args.append).strip())
        ours_cmd = qemu_args(ours_kernel, args, tmp, args.append)
        linux_log, linux_err = boot(linux_cmd, args.timeout)
        our_log, our_err = boot(ours_cmd, args.timeout)
    if args.log_dir:
        os.makedirs(args.log_dir, exist_ok=True)
        for name, cmd, log in (("linux", linux_cmd, linux_log), ("a9mm", ours_cmd, our_log)):
            with open(os.path.join(args.log_dir, name + ".log"), "w") as f:
                f.write("$ " + " ".join(cmd) + "\n" + log)

    linux, ours, diff, problems = memlines.compare(linux_log, our_log)
    known = [re.compile(k) for k in args.known]
    unexplained = [d for d in diff[2:] if d[:1] in "+-" and
                   not any(k.search(d[1:]) for k in known)]
    if not args.quiet:
        print("==== Linux (%s), normalised" % open(os.path.join(BUILD, "linux", "linux-version"))
              .read().strip())
        print("\n".join(linux) or "(no memory lines)")
        print("==== a9mm (MAX_ORDER %d), normalised" % args.max_order)
        print("\n".join(ours) or "(no memory lines)")
        print("==== diff")
    print("\n".join(diff) if diff else "(no difference)")
    for p in problems:
        print("linux-diff: " + p)
    for who, err in (("Linux", linux_err), ("a9mm", our_err)):
        if err:
            print("linux-diff: %s: %s" % (who, err))
    if linux_err or our_err:
        return 2
    if diff and not unexplained:
        print("linux-diff: every difference is a known one (--known)")
    return 1 if unexplained or problems else 0


if __name__ == "__main__":
    sys.exit(main())
