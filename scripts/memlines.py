"""The memory lines of a boot log, Linux's or ours, in a form that compares.

Used by scripts/linux-diff.py (make linux-diff) and scripts/run-tests.py
(boots with linux=CASE, checked against tests/boot/cases/CASE/expected-linux.txt).

What counts as a memory line: everything up to and including "Memory:" that
starts with one of PREFIXES, or is a line of the "Zone ranges:" table or a
"  node   N: [mem ...]" line.  The normalisations, each a documented
difference between Debian's Linux 6.1 armmp kernel and this one:

 1. Linux's printk timestamps ("[    0.000000] ") are dropped.
 2. Linux's first zone is "DMA" (its config has CONFIG_ZONE_DMA; on
    vexpress it spans all of lowmem, so its "Normal" is always empty); ours
    is "Normal".  Linux's "DMA" line becomes "Normal", its "Normal   empty"
    line is dropped.
 3. In "Memory:", the figures that depend on the kernel's own size and on
    what it allocates at boot (available, kernel code, rwdata, rodata, init,
    bss, reserved) become "*".  They are checked instead: available +
    reserved + cma-reserved must equal the total in each log.  The total,
    cma-reserved and highmem figures must match.
"""
import re

PREFIXES = ("OF: fdt: ", "OF: reserved mem: ", "Reserved memory: ", "cma: ", "Zone ranges:",
            "Memory: ", "Memory limited to", "early_memtest: ", "  ")
TIMESTAMP = re.compile(r"^\[\s*\d+\.\d+\] ")
ZONE = re.compile(r"^  (DMA|DMA32|Normal|HighMem|Movable)\s+(\[mem .*\]|empty)$")
NODE = re.compile(r"^  node +\d+: \[mem .*\]$")
MEMORY = re.compile(r"^Memory: (\d+)K/(\d+)K available \((\d+)K kernel code, (\d+)K rwdata, "
                    r"(\d+)K rodata, (\d+)K init, (\d+)K bss, (\d+)K reserved, "
                    r"(\d+)K cma-reserved, (\d+)K highmem\)$")


# Lines only this kernel prints, by design (each says more than Linux does
# about a DT Linux also refuses); dropped from our side before comparing.
OURS_ONLY = (
    # after Linux's "incorrect alignment of CMA region": which node, what alignment
    re.compile(r"^Reserved memory: node \S+ at 0x[0-9a-f]+, size 0x[0-9a-f]+: base and size "
               r"must be multiples of \d+ MiB$"),
)


def extract(text):
    """The memory lines of @text, a whole boot log (timestamps removed)."""
    out = []
    for line in text.splitlines():
        line = TIMESTAMP.sub("", line.rstrip("\r"))
        if line.startswith("  "):
            if ZONE.match(line) or NODE.match(line):
                out.append(line)
        elif line.startswith(PREFIXES):
            out.append(line)
        if line.startswith("Memory: "):
            break
    return out


def normalise(lines):
    """(normalised lines, problems): see the module's comment."""
    out, problems = [], []
    for line in lines:
        if any(p.match(line) for p in OURS_ONLY):
            continue
        m = ZONE.match(line)
        if m and m.group(1) == "DMA":
            line = "  Normal   " + m.group(2)
        elif m and m.group(1) == "Normal" and m.group(2) == "empty" and \
                out and out[-1].startswith("  Normal   [mem"):
            continue  # Linux's empty Normal after its DMA zone
        m = MEMORY.match(line)
        if m:
            avail, total, reserved, cma = (int(m.group(i)) for i in (1, 2, 8, 9))
            if avail + reserved + cma != total:
                problems.append("%r: available + reserved + cma-reserved != total" % line)
            line = ("Memory: *K/%dK available (*K kernel code, *K rwdata, *K rodata, *K init, "
                    "*K bss, *K reserved, %dK cma-reserved, %sK highmem)"
                    % (total, cma, m.group(10)))
        out.append(line)
    return out, problems


def compare(linux_text, our_text):
    """(linux lines, our lines, unified diff lines, problems), all normalised."""
    import difflib
    linux, p1 = normalise(extract(linux_text))
    ours, p2 = normalise(extract(our_text))
    diff = list(difflib.unified_diff(linux, ours, "linux", "a9mm", lineterm="", n=1))
    return linux, ours, diff, p1 + p2
