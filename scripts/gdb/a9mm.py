# SPDX-License-Identifier: GPL-2.0
"""gdb helpers for a9mm (Linux's scripts/gdb is the model).

Load with one line, in gdb or in ~/.gdbinit:

    source scripts/gdb/a9mm.py

Commands (each reads the kernel's own data structures through gdb; nothing
runs on the target):

    mm-dmesg              the console log ring (log_buf): a hung boot can still be read
    mm-memblock           memblock's two region sets, as memblock=debug prints them
    mm-buddyinfo          free blocks per order and zone, as /proc/buddyinfo (mminfo)
    mm-zoneinfo           each zone's counters and watermarks, as /proc/zoneinfo
    mm-page PFN|ADDR      one struct page: dump_page()'s lines, its migratetype and owner
    mm-pt VADDR           walk the kernel page tables by hand: each level's descriptor,
                          its attributes (as ptdump prints them), the physical address
    mm-vmlayout           the virtual layout, as the boot log's "Virtual kernel memory layout"
    mm-vmallocinfo        the vmalloc space's busy areas, as /proc/vmallocinfo (vmallocinfo)
    mm-phys [PHYS_OFFSET] symbols at their physical addresses: debug head.S before the
                          MMU is on (PHYS_OFFSET defaults to the 1 MiB below $pc)
    mm-virt               symbols back at their link addresses (the MMU is on)

The layout constants come from arch/arm/include/asm/memory-layout.h and
include/sizes.h, read when this file is sourced: the one place they live.
See docs/debugging.md.
"""
import os
import re

import gdb

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def read_defines(*paths):
    """#define NAME EXPR lines of simple headers, evaluated in order."""
    env = {}
    for path in paths:
        with open(os.path.join(TOP, path)) as f:
            for line in f:
                m = re.match(r"#define\s+(\w+)\s+(.+?)\s*(/\*.*)?$", line)
                if not m or "(" in m.group(1):
                    continue
                expr = re.sub(r"\bUL\(([^)]*)\)", r"(\1)", m.group(2))
                expr = re.sub(r"(\d)UL?\b", r"\1", expr).replace("~", "~")
                try:
                    env[m.group(1)] = eval(expr, {}, dict(env))
                except Exception:
                    pass
    return env


L = read_defines("include/sizes.h", "arch/arm/include/asm/memory-layout.h")
PAGE_SHIFT, PAGE_OFFSET, SECTION_SHIFT = L["PAGE_SHIFT"], L["PAGE_OFFSET"], L["SECTION_SHIFT"]


def val(expr):
    return gdb.parse_and_eval(expr)


def u32(addr):
    mem = gdb.selected_inferior().read_memory(addr, 4)
    return int.from_bytes(bytes(mem), "little")


def phys_offset():
    return int(val("__pv_phys_offset"))


def pa_to_va(pa):
    return pa - phys_offset() + PAGE_OFFSET


def pa(x):
    """%pa: a phys_addr_t as the kernel prints it (0x%08llx)."""
    return "0x%08x" % x


# ---------------------------------------------------------------- mm-dmesg

class Dmesg(gdb.Command):
    """Print the kernel log ring (what the consoles printed), oldest first."""

    def __init__(self):
        super().__init__("mm-dmesg", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        buf = val("log_buf")
        size = int(buf.type.sizeof)
        nxt = int(val("log_next"))
        start = nxt - size if nxt > size else 0
        base = int(buf.address)
        mem = bytes(gdb.selected_inferior().read_memory(base, size))
        text = bytes(mem[i % size] for i in range(start, nxt))
        gdb.write(text.decode("utf-8", "replace"))


# ---------------------------------------------------------------- mm-memblock

def dump_type(t):
    name = t["name"].string()
    cnt = int(t["cnt"])
    out = [" %s.cnt  = 0x%x" % (name, cnt)]
    for i in range(cnt):
        r = t["regions"][i]
        base, size = int(r["base"]), int(r["size"])
        out.append(" %s[0x%x]\t[%s-%s], %s bytes flags: 0x%x"
                   % (name, i, pa(base), pa(base + size - 1), pa(size), int(r["flags"])))
    return out


class Memblock(gdb.Command):
    """Print memblock.memory and memblock.reserved (memblock=debug's table)."""

    def __init__(self):
        super().__init__("mm-memblock", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        mb = val("memblock")
        out = ["MEMBLOCK configuration:",
               " memory size = %s reserved size = %s" % (pa(int(mb["memory"]["total_size"])),
                                                          pa(int(mb["reserved"]["total_size"])))]
        out += dump_type(mb["memory"]) + dump_type(mb["reserved"])
        gdb.write("\n".join(out) + "\n")


# ---------------------------------------------------------------- zones

def zones(populated_only):
    pgdat = val("contig_page_data")
    for i in range(int(pgdat["nr_zones"])):
        z = pgdat["node_zones"][i]
        if populated_only and int(z["present_pages"]) == 0:
            continue
        yield z


def max_order():
    z = val("contig_page_data")["node_zones"][0]
    return z["free_area"].type.range()[1] + 1


def zone_name(z):
    return z["name"].string()


def list_len(head):
    """Entries of a struct list_head (not counting the head)."""
    n, node, first = 0, head["next"], head.address
    while int(node) != int(first):
        n += 1
        node = node["next"]
        if n > 1 << 22:
            raise gdb.GdbError("list at %s does not end" % first)
    return n


class Buddyinfo(gdb.Command):
    """Free blocks per order in each populated zone (/proc/buddyinfo)."""

    def __init__(self):
        super().__init__("mm-buddyinfo", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        for z in zones(True):
            line = "Node 0, zone %8s " % zone_name(z)
            for order in range(max_order()):
                line += "%6d " % int(z["free_area"][order]["nr_free"])
            gdb.write(line + "\n")


class Zoneinfo(gdb.Command):
    """Each zone's size, watermarks and free pages (/proc/zoneinfo's lines),
    then the free pages of each migratetype (counted from the lists)."""

    def __init__(self):
        super().__init__("mm-zoneinfo", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        names = migratetype_names()
        for z in zones(False):
            wm = z["_watermark"]
            res = z["lowmem_reserve"]
            nres = res.type.range()[1] + 1
            out = ["Node 0, zone %8s" % zone_name(z),
                   "  pages free     %d" % int(z["vm_stat"][0]),
                   "        min      %d" % int(wm[0]),
                   "        low      %d" % int(wm[1]),
                   "        high     %d" % int(wm[2]),
                   "        spanned  %d" % int(z["spanned_pages"]),
                   "        present  %d" % int(z["present_pages"]),
                   "        managed  %d" % int(z["managed_pages"]["counter"]),
                   "        cma      %d" % int(z["cma_pages"]),
                   "        protection: (%s)" % ", ".join("%d" % int(res[i]) for i in range(nres))]
            if int(z["present_pages"]):
                counts = [0] * len(names)
                for order in range(max_order()):
                    for mt in range(len(names)):
                        counts[mt] += list_len(z["free_area"][order]["free_list"][mt]) << order
                out.append("  free by migratetype: " + ", ".join(
                    "%s %d" % (names[mt], counts[mt]) for mt in range(len(names))))
                out.append("  start_pfn:           %d" % int(z["zone_start_pfn"]))
            gdb.write("\n".join(out) + "\n")


def migratetype_names():
    arr = val("migratetype_names")
    return [arr[i].string() for i in range(arr.type.range()[1] + 1)]


# ---------------------------------------------------------------- mm-page

def page_type():
    return gdb.lookup_type("struct page")


def pfn_to_page(pfn):
    mem_map = val("mem_map")
    return (mem_map + (pfn - (phys_offset() >> PAGE_SHIFT))).dereference()


def pfnblock_migratetype(z, pfn):
    order = max_order() - 1  # pageblock_order
    bits = 4  # NR_PAGEBLOCK_BITS
    per_long = 32 // bits
    pb = (pfn >> order) - (int(z["zone_start_pfn"]) >> order)
    word = int(z["pageblock_flags"][pb // per_long])
    return (word >> (pb % per_long * bits)) & 7


def zone_of_pfn(pfn):
    for z in zones(True):
        start = int(z["zone_start_pfn"])
        if start <= pfn < start + int(z["spanned_pages"]):
            return z
    return None


class Page(gdb.Command):
    """mm-page PFN|ADDR: decode one struct page.  A number below the first
    physical frame's address is a PFN; a kernel virtual address (>=
    PAGE_OFFSET) or a physical one is turned into its PFN."""

    def __init__(self):
        super().__init__("mm-page", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if not arg.strip():
            raise gdb.GdbError("usage: mm-page PFN|ADDR")
        n = int(val(arg))
        if n >= PAGE_OFFSET:
            n = n - PAGE_OFFSET + phys_offset()
        pfn = n >> PAGE_SHIFT if n >= phys_offset() else n
        page = pfn_to_page(pfn)
        words = [u32(int(page.address) + 4 * i) for i in range(page_type().sizeof // 4)]
        flags, private = int(page["flags"]), int(page["private"])
        mapcount, ptype = int(page["_mapcount"]), int(page["page_type"]) & 0xffffffff
        refcount = int(page["_refcount"])
        buddy = (ptype & 0xf0000080) == 0xf0000000  # PAGE_TYPE_BASE, PG_buddy clear = set
        out = ["page:0x%08x refcount:%d mapcount:%d mapping:0x%08x private:%#x pfn:%#x"
               % (int(page.address), refcount, 0 if mapcount < -128 else mapcount + 1,
                  int(page["mapping"]), private, pfn)]
        if buddy:
            out.append("page_type: %#x(buddy) order:%d" % (ptype, private))
        z = zone_of_pfn(pfn)
        mt = migratetype_names()[pfnblock_migratetype(z, pfn)] if z is not None else "-"
        out.append("flags: " + format_flags(flags) + (" CMA" if mt == "CMA" else ""))
        out.append("raw: " + " ".join("%08x" % w for w in words))
        out.append("pageblock: %s, zone %s" % (mt, zone_name(z) if z is not None else "-"))
        out.append("owner: " + owner(flags, buddy, private, refcount, int(page["mapping"])))
        gdb.write("\n".join(out) + "\n")


PAGEFLAG_NAMES = ["reserved", "isolated", "poisoned"]


def format_flags(flags):
    """dump_page()'s "0x..(reserved|order=N|zone=N)"."""
    names = [n for i, n in enumerate(PAGEFLAG_NAMES) if flags & (1 << i)]
    order = (flags >> 8) & 15
    if order:
        names.append("order=%d" % order)
    names.append("zone=%d" % ((flags >> 31) & 1))
    return "%#x(%s)" % (flags, "|".join(names))


def owner(flags, buddy, private, refcount, mapping):
    if flags & 1:
        return "reserved (never given to the buddy allocator)"
    if buddy:
        return "buddy allocator: free, first page of an order-%d block" % private
    if refcount == 0:
        return "free: inside a free block, or on a per-CPU list"
    if mapping:
        return "allocated, mapping 0x%08x (a movable owner)" % mapping
    return "allocated (refcount %d)" % refcount


# ---------------------------------------------------------------- mm-pt

MEMTYPES = {0x0: "SO/UNCACHED", 0x1: "DEV/SHARED", 0x2: "MEM/CACHED/WT", 0x3: "MEM/CACHED/WBRA",
            0x4: "MEM/BUFFERABLE/WC", 0x7: "MEM/CACHED/WBWA", 0x8: "DEV/NONSHARED"}


def attrs(desc, section):
    """The descriptor's permissions and memory type, in ptdump's words."""
    ap = (desc >> 10) & 3 if section else (desc >> 4) & 3
    apx = desc & (1 << 15) if section else desc & (1 << 9)
    tex = (desc >> 12) & 7 if section else (desc >> 6) & 7
    xn = desc & (1 << 4) if section else desc & 1
    shared = desc & (1 << 16) if section else desc & (1 << 10)
    tcb = tex << 2 | ((desc >> 3) & 1) << 1 | ((desc >> 2) & 1)
    return "%s %s %s %s %s" % ("USR" if ap & 2 else "   ", "ro" if apx else "RW",
                               "NX" if xn else "x ", "SHD" if shared else "   ",
                               MEMTYPES.get(tcb, "MEM/OTHER"))


class Pt(gdb.Command):
    """mm-pt VADDR: walk kernel_pgd for one virtual address."""

    def __init__(self):
        super().__init__("mm-pt", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        if not arg.strip():
            raise gdb.GdbError("usage: mm-pt VADDR")
        va = int(val(arg)) & 0xffffffff
        pgd = int(val("kernel_pgd"))
        idx = va >> SECTION_SHIFT
        l1 = u32(pgd + 4 * idx)
        out = ["pgd 0x%08x, entry %d (0x%08x) = 0x%08x" % (pgd, idx, pgd + 4 * idx, l1)]
        kind = l1 & 3
        if kind == 2 and not l1 & (1 << 18):
            phys = (l1 & 0xfff00000) | (va & 0xfffff)
            out.append("  section: base 0x%08x domain %d  %s" % (l1 & 0xfff00000, (l1 >> 5) & 15,
                                                                 attrs(l1, True)))
        elif kind == 1:
            table = l1 & ~0x3ff
            pte_idx = (va >> PAGE_SHIFT) & 0xff
            pte_va = pa_to_va(table) + 4 * pte_idx
            pte = u32(pte_va)
            out.append("  table at phys 0x%08x, entry %d (0x%08x) = 0x%08x"
                       % (table, pte_idx, pte_va, pte))
            if not pte & 2:
                out.append("  pte: not present")
                gdb.write("\n".join(out) + "\n")
                return
            phys = (pte & 0xfffff000) | (va & 0xfff)
            out.append("  page: base 0x%08x  %s" % (pte & 0xfffff000, attrs(pte, False)))
        else:
            out.append("  not mapped (%s)" % ("supersection" if kind == 2 else "fault"))
            gdb.write("\n".join(out) + "\n")
            return
        out.append("0x%08x -> phys 0x%08x" % (va, phys))
        gdb.write("\n".join(out) + "\n")


# ---------------------------------------------------------------- mm-vmlayout

def symaddr(name):
    return int(val("(unsigned long)&%s" % name))


class Vmlayout(gdb.Command):
    """The virtual memory layout, in the boot log's format."""

    def __init__(self):
        super().__init__("mm-vmlayout", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        def kb(b, t):
            return "0x%08x - 0x%08x   (%4d kB)" % (b, t, (t - b) >> 10)

        def mb(b, t):
            return "0x%08x - 0x%08x   (%4d MB)" % (b, t, (t - b) >> 20)

        def kb_up(b, t):
            return "0x%08x - 0x%08x   (%4d kB)" % (b, t, (t - b + 1023) >> 10)

        vstart = int(val("vmalloc_start"))
        high = int(val("(unsigned long)high_memory"))
        out = ["Virtual kernel memory layout:",
               "    vector  : " + kb(L["VECTORS_BASE"], L["VECTORS_BASE"] + L["PAGE_SIZE"]),
               "    fixmap  : " + kb(L["FIXADDR_START"], L["FIXADDR_END"]),
               "    vmalloc : " + mb(vstart, L["VMALLOC_END"]),
               "    lowmem  : " + mb(PAGE_OFFSET, high),
               "    pkmap   : " + mb(L["PKMAP_BASE"], PAGE_OFFSET),
               "    modules : " + mb(L["MODULES_VADDR"], L["PKMAP_BASE"]),
               "      .text : " + kb_up(symaddr("_text"), symaddr("_etext")),
               "      .init : " + kb_up(symaddr("__init_begin"), symaddr("__init_end")),
               "      .data : " + kb_up(symaddr("_sdata"), symaddr("_edata")),
               "       .bss : " + kb_up(symaddr("__bss_start"), symaddr("__bss_stop"))]
        gdb.write("\n".join(out) + "\n")


def symbolize(addr):
    """%pS: function+0xoff/0xsize, or the bare address outside any function."""
    block = gdb.block_for_pc(addr)
    while block and not block.function:
        block = block.superblock
    if not block:
        return "0x%08x" % addr
    return "%s+0x%x/0x%x" % (block.function.name, addr - block.start, block.end - block.start)


class Vmallocinfo(gdb.Command):
    """The busy areas of the vmalloc space, as the vmallocinfo option prints them
    (Linux's /proc/vmallocinfo; mm/vmalloc.c: show_vm_area)."""

    VM_IOREMAP, VM_ALLOC, VM_MAP = 0x1, 0x2, 0x4

    def __init__(self):
        super().__init__("mm-vmallocinfo", gdb.COMMAND_DATA)

    def invoke(self, arg, from_tty):
        head = val("vmap_area_list")
        va_type = gdb.lookup_type("struct vmap_area").pointer()
        offset = int(val("&((struct vmap_area *)0)->list"))
        node, out = head["next"], []
        while int(node) != int(head.address):
            vm = gdb.Value(int(node) - offset).cast(va_type)["vm"]
            addr, size = int(vm["addr"]), int(vm["size"])
            line = "0x%08x-0x%08x %7d" % (addr, addr + size, size)
            if int(vm["caller"]):
                line += " " + symbolize(int(vm["caller"]))
            if int(vm["nr_pages"]):
                line += " pages=%d" % int(vm["nr_pages"])
            if int(vm["phys_addr"]):
                line += " phys=" + pa(int(vm["phys_addr"]))
            flags = int(vm["flags"])
            for bit, name in ((self.VM_IOREMAP, "ioremap"), (self.VM_ALLOC, "vmalloc"),
                              (self.VM_MAP, "vmap")):
                if flags & bit:
                    line += " " + name
            out.append(line)
            node = node["next"]
        gdb.write("".join(l + "\n" for l in out))


# ---------------------------------------------------------------- before the MMU

def kernel_elf():
    obj = gdb.current_progspace().filename
    if not obj:
        raise gdb.GdbError("no kernel loaded: gdb-multiarch build/kernel.elf")
    return obj


def load_symbols(command):
    """symbol-file without its "Load new symbol table?" question."""
    confirm = gdb.parameter("confirm")
    gdb.execute("set confirm off")
    try:
        gdb.execute(command, to_string=True)
    finally:
        gdb.execute("set confirm %s" % ("on" if confirm else "off"))


class Phys(gdb.Command):
    """mm-phys [PHYS_OFFSET]: reload the symbols at their physical addresses,
    for head.S before the MMU is on.  Without an argument, PHYS_OFFSET is
    $pc rounded down to 1 MiB (the image is loaded at a 1 MiB boundary +
    TEXT_OFFSET and head.S is in its first MiB)."""

    def __init__(self):
        super().__init__("mm-phys", gdb.COMMAND_FILES)

    def invoke(self, arg, from_tty):
        base = int(val(arg)) if arg.strip() else int(val("$pc")) & ~((1 << SECTION_SHIFT) - 1)
        offset = base - PAGE_OFFSET
        load_symbols("symbol-file -o %d %s" % (offset, kernel_elf()))
        gdb.write("symbols at physical addresses: PHYS_OFFSET 0x%08x (offset %d); "
                  "mm-virt once the MMU is on\n" % (base, offset))


class Virt(gdb.Command):
    """mm-virt: the symbols back at their link (virtual) addresses."""

    def __init__(self):
        super().__init__("mm-virt", gdb.COMMAND_FILES)

    def invoke(self, arg, from_tty):
        load_symbols("symbol-file %s" % kernel_elf())
        gdb.write("symbols at their link addresses (PAGE_OFFSET 0x%08x)\n" % PAGE_OFFSET)


for cmd in (Dmesg, Memblock, Buddyinfo, Zoneinfo, Page, Pt, Vmlayout, Vmallocinfo, Phys, Virt):
    cmd()
