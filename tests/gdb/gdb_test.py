#!/usr/bin/env python3
"""The gdb helpers (scripts/gdb/a9mm.py) against a booted kernel, in KTAP.

    tests/gdb/gdb_test.py [BUILD_DIR]

Boots the kernel under QEMU stopped (-S) with a gdb stub on a free port,
drives gdb-multiarch in batch mode through the boot, and checks each
command's output against what the kernel itself printed for the same
state: the boot options memblock=debug, ptdump, mminfo and dump_page= make
it print the memblock table, the page tables, buddyinfo/zoneinfo/
pagetypeinfo and chosen pages, and gdb stops where that state is the one
printed (memblock_dump_all(), then ktap_run_all()).  Also checks that head.S
has line information and can be stepped at its physical address with
mm-phys.  Prints a KTAP suite; everything has a timeout.
"""
import os
import re
import socket
import subprocess
import sys
import time

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "build")
LOGDIR = os.path.join(BUILD, "test")
LOAD = 0x60010000  # QEMU -kernel: vexpress RAM + TEXT_OFFSET
# Frames dump_page= prints and mm-page decodes at 256 MiB: a kernel text
# page (reserved), the first CMA block, the first frame above the image.
PFNS = ["0x60010", "0x6f000", "0x60100"]
VADDRS = ["0xc0020000", "0xc8000000", "0xffff0000"]  # image (pages), lowmem (section), vectors
TIMEOUT = 60


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def gdb_script(port):
    def section(name, *cmds):
        return ["echo @@@ %s\\n" % name] + list(cmds) + ["echo @@@ -\\n"]

    lines = ["set pagination off", "set confirm off",
             "source %s" % os.path.join(TOP, "scripts", "gdb", "a9mm.py"),
             "target remote 127.0.0.1:%d" % port,
             "mm-phys", "break *0x%x" % LOAD, "continue"]
    lines += section("head.S entry", "info line *$pc") + ["stepi"]
    lines += section("head.S step", "info line *$pc")
    lines += ["mm-virt", "delete", "break memblock_dump_all", "continue"]
    lines += section("mm-memblock", "mm-memblock")
    # The first page allocation (docs/walkthrough.md says whose it is).
    lines += ["delete", "break __alloc_pages", "continue"]
    lines += section("first alloc", "bt 3")
    lines += ["delete", "break ktap_run_all", "continue"]
    for cmd in ["mm-vmlayout", "mm-vmallocinfo", "mm-buddyinfo", "mm-zoneinfo"] + \
            ["mm-page " + p for p in PFNS] + ["mm-pt " + v for v in VADDRS] + ["mm-dmesg"]:
        lines += section(cmd, cmd)
    lines += ["kill"]
    return "\n".join(lines) + "\n"


def sections(text):
    """gdb's output split at the "@@@ name" markers: {name: [lines]}."""
    out, name = {}, None
    for line in text.splitlines():
        if line.startswith("@@@ "):
            name = line[4:].strip()
            if name == "-":
                name = None
            else:
                out[name] = []
        elif name:
            out[name].append(line.rstrip())
    return out


def block(log, first, stop):
    """The log's lines from the one equal to @first up to (not incl.) one matching @stop."""
    try:
        i = log.index(first)
    except ValueError:
        return []
    j = i + 1
    while j < len(log) and not re.match(stop, log[j]):
        j += 1
    return log[i:j]


def in_order(want, have):
    """Is every line of @want in @have, in order?  Returns the first missing one."""
    pos = 0
    for line in want:
        while pos < len(have) and have[pos] != line:
            pos += 1
        if pos == len(have):
            return line
        pos += 1
    return None


class Suite:
    def __init__(self):
        self.cases = []

    def check(self, name, problem):
        self.cases.append((name, problem))

    def print(self):
        print("KTAP version 1\n1..1\n    KTAP version 1\n    # Subtest: gdb\n    1..%d"
              % len(self.cases))
        for n, (name, problem) in enumerate(self.cases, 1):
            if problem:
                print("    # %s: %s" % (name, problem))
            print("    %s %d %s" % ("not ok" if problem else "ok", n, name))
        bad = sum(1 for _, p in self.cases if p)
        print("# gdb: pass:%d fail:%d skip:0 total:%d" % (len(self.cases) - bad, bad,
                                                          len(self.cases)))
        print("# Totals: pass:%d fail:%d skip:0 total:%d" % (len(self.cases) - bad, bad,
                                                             len(self.cases)))
        print("%s 1 gdb" % ("not ok" if bad else "ok"))
        return 1 if bad else 0


def check_dmesg(got, serial):
    if not got:
        return "mm-dmesg printed nothing"
    if got != serial[:len(got)] or len(serial) - len(got) > 1:
        return "mm-dmesg (%d lines) is not what the UART printed (%d lines)" % (len(got),
                                                                                len(serial))
    return None


def check_pt(va, got, log):
    text = " ".join(got)
    m = re.search(r"(section|page): base 0x[0-9a-f]+(?: domain \d+)?\s+(.*)$", got[-2] if len(got) > 1
                  else "")
    last = re.match(r"0x([0-9a-f]{8}) -> phys 0x([0-9a-f]{8})", got[-1] if got else "")
    if not m or not last:
        return "mm-pt %s printed no mapping: %s" % (va, text)
    v = int(va, 16)
    for line in log:
        r = re.match(r"0x([0-9a-f]{8})-0x([0-9a-f]{8})\s+\S+ (.{3}) (..) (..) (.{3}) (\S+)\s+"
                     r"(section|page)\s+phys 0x([0-9a-f]{8})", line)
        if r and int(r.group(1), 16) <= v < int(r.group(2), 16):
            want_phys = int(r.group(9), 16) + v - int(r.group(1), 16)
            want_attrs = " ".join(r.group(i) for i in range(3, 8)).split()
            if m.group(1) != r.group(8) or m.group(2).split() != want_attrs:
                return "mm-pt %s: %s %s, ptdump: %s" % (va, m.group(1), m.group(2), line)
            if int(last.group(2), 16) != want_phys:
                return "mm-pt %s: phys %s, ptdump says 0x%08x" % (va, last.group(2), want_phys)
            return None
    return "ptdump has no line for %s" % va


def check_zoneinfo(got, log):
    zoneinfo = block(log, "Node 0, zone   Normal", r"^\S") + \
        block(log, "Node 0, zone  HighMem", r"^(?!Node 0, zone)\S")
    zi_all = log[log.index(zoneinfo[0]):] if zoneinfo else []
    plain = [l for l in got if not l.startswith("  free by migratetype:")]
    missing = in_order(plain, zi_all)
    if missing:
        return "mm-zoneinfo line %r is not in the kernel's zoneinfo" % missing
    # Free pages per migratetype against the kernel's pagetypeinfo table.
    for line in got:
        if not line.startswith("  free by migratetype:"):
            continue
        for item in line.split(":", 1)[1].split(","):
            mt, count = item.split()
            rows = [l for l in log if re.match(r"Node\s+0, zone\s+Normal, type\s+%s " % mt, l)]
            if not rows:
                return "pagetypeinfo has no row for %s" % mt
            pages = sum(int(n) << order for order, n in enumerate(rows[0].split()[6:]))
            if pages != int(count):
                return "mm-zoneinfo: %s %s free pages, pagetypeinfo says %d" % (mt, count, pages)
    return None


def check_doc_session(got):
    """docs/debugging.md's sample session: each command's lines as gdb prints them now.

    The raw: line's list pointers move with the kernel's data, so only its
    other words are compared."""
    with open(os.path.join(TOP, "docs", "debugging.md")) as f:
        doc = f.read()
    session = re.search(r"```\n(\(gdb\) mm-page .*?)```", doc, re.S)
    if not session:
        return "docs/debugging.md has no mm-page session"
    cmd, problems = None, []
    for line in session.group(1).splitlines():
        if line.startswith("(gdb) "):
            cmd = line[6:].strip()
            continue
        have = got.get(cmd, [])
        if line.startswith("raw: "):
            words = line.split()
            ok = any(len(h.split()) == len(words) and all(
                a == b for i, (a, b) in enumerate(zip(h.split(), words)) if i not in (2, 3))
                for h in have)
        else:
            ok = line in have
        if not ok:
            problems.append("%s: %r not printed" % (cmd, line))
    return "; ".join(problems) or None


def main():
    os.makedirs(LOGDIR, exist_ok=True)
    serial_path = os.path.join(LOGDIR, "gdb.serial.log")
    port = free_port()
    append = "memblock=debug ptdump mminfo vmallocinfo dump_page=%s kunit.filter_glob=printk" % ",".join(PFNS)
    qemu = ["qemu-system-arm", "-M", "vexpress-a9", "-m", "256M", "-display", "none",
            "-monitor", "none", "-serial", "file:" + serial_path, "-no-reboot",
            "-semihosting-config", "enable=on,target=native",
            "-kernel", os.path.join(BUILD, "kernel.bin"),
            "-dtb", os.path.join(BUILD, "dts", "vexpress-a9.dtb"),
            "-append", append, "-S", "-gdb", "tcp:127.0.0.1:%d" % port]
    script = os.path.join(LOGDIR, "gdb.commands")
    with open(script, "w") as f:
        f.write(gdb_script(port))
    suite = Suite()
    proc = subprocess.Popen(qemu, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env=dict(os.environ, QEMU_AUDIO_DRV="none"))
    try:
        for _ in range(50):  # the stub listens within a moment
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        gdb = subprocess.run(["gdb-multiarch", "-nx", "-batch", "-x", script,
                              os.path.join(BUILD, "kernel.elf")],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=TIMEOUT)
        out = gdb.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace") + "\n(gdb timed out)"
    finally:
        proc.kill()
        proc.wait()
    with open(os.path.join(LOGDIR, "gdb.out"), "w") as f:
        f.write(out)
    with open(serial_path, errors="replace") as f:
        serial = f.read().replace("\r", "").split("\n")
    got = sections(out)

    head = got.get("head.S entry", []) + got.get("head.S step", [])
    suite.check("head_S_has_line_information_at_its_physical_address",
                None if len(head) == 2 and all('of "arch/arm/kernel/head.S" starts at address 0x6001'
                                               in line for line in head)
                else "info line at the entry and one instruction on: %r" % head)
    first = got.get("first alloc", [])
    suite.check("the_first_page_allocation_is_cma_activate_areas_bitmap",
                None if len(first) >= 3 and first[0].startswith("#0  __alloc_pages (")
                and "order=0" in first[0] and "cma_activate_area" in first[2]
                else "bt at the first __alloc_pages: %r" % first)
    suite.check("mm_memblock_prints_what_memblock_debug_printed",
                None if got.get("mm-memblock") and got["mm-memblock"] ==
                block(serial, "MEMBLOCK configuration:", r"^(?! (memory|reserved))")
                else "mm-memblock: %r" % got.get("mm-memblock"))
    suite.check("mm_vmlayout_prints_the_boot_logs_layout",
                None if got.get("mm-vmlayout") and got["mm-vmlayout"] ==
                block(serial, "Virtual kernel memory layout:", r"^(?!    )")
                else "mm-vmlayout: %r" % got.get("mm-vmlayout"))
    kernel_vmallocinfo = [l.rstrip() for l in serial
                          if re.match(r"0x[0-9a-f]{8}-0x[0-9a-f]{8} +[0-9]+ [^ ]", l)]
    suite.check("mm_vmallocinfo_prints_what_vmallocinfo_printed",
                None if got.get("mm-vmallocinfo") and got["mm-vmallocinfo"] == kernel_vmallocinfo
                else "mm-vmallocinfo %r, kernel %r" % (got.get("mm-vmallocinfo"),
                                                       kernel_vmallocinfo))
    # buddyinfo: the "Node 0, zone" lines mminfo prints before pagetypeinfo's header.
    end = next((i for i, l in enumerate(serial) if l.startswith("Page block order:")), 0)
    kernel_buddy = [l.rstrip() for l in serial[:end] if l.startswith("Node 0, zone ")]
    suite.check("mm_buddyinfo_prints_what_mminfo_printed",
                None if got.get("mm-buddyinfo") and got["mm-buddyinfo"] == kernel_buddy
                else "mm-buddyinfo %r, kernel %r" % (got.get("mm-buddyinfo"), kernel_buddy))
    suite.check("mm_zoneinfo_agrees_with_zoneinfo_and_pagetypeinfo",
                check_zoneinfo(got.get("mm-zoneinfo", []), serial)
                if got.get("mm-zoneinfo") else "mm-zoneinfo printed nothing")
    for pfn in PFNS:
        want = block(serial, next((l for l in serial if l.startswith("page:") and
                                   l.endswith("pfn:%s" % pfn)), "?"), r"^page dumped because")
        mine = got.get("mm-page " + pfn, [])[:len(want)]
        suite.check("mm_page_%s_decodes_as_dump_page_printed" % pfn,
                    None if want and mine == want else "mm-page %r, dump_page %r" % (mine, want))
    for va in VADDRS:
        suite.check("mm_pt_%s_walks_to_what_ptdump_printed" % va,
                    check_pt(va, got.get("mm-pt " + va, []), serial))
    suite.check("the_session_in_docs_debugging_md_is_what_gdb_prints",
                check_doc_session(got))
    suite.check("mm_dmesg_prints_what_the_uart_printed",
                check_dmesg(got.get("mm-dmesg", []), [l.rstrip() for l in serial]))
    return suite.print()


if __name__ == "__main__":
    sys.exit(main())
