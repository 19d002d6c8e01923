#!/usr/bin/env python3
"""Draw the walkthrough's pictures (docs/walkthrough.md) as SVG files here.

    python3 docs/pictures/make-pictures.py

Python's standard library only.  The figures in them (addresses, the free
list counts) are from the boot logs quoted in docs/walkthrough.md: 1 GiB
and 256 MiB on QEMU vexpress-a9; the bit layouts are the ARM Architecture
Reference Manual's (ARMv7-A, short-descriptor format, no LPAE).
"""
import os
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = 'font-family="DejaVu Sans, Helvetica, sans-serif"'


class Svg:
    def __init__(self, width, height, title):
        self.w, self.h, self.items = width, height, []
        self.text(12, 24, title, size=16, bold=True)

    def rect(self, x, y, w, h, fill="#fff", stroke="#444", dash=False):
        self.items.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s" '
                          'stroke="%s" stroke-width="0.8"%s/>'
                          % (x, y, w, h, fill, stroke, ' stroke-dasharray="4 3"' if dash else ""))

    def text(self, x, y, s, size=11, bold=False, anchor="start", fill="#000", mono=False):
        self.items.append('<text x="%.1f" y="%.1f" font-size="%d"%s text-anchor="%s" fill="%s"%s>'
                          '%s</text>' % (x, y, size, ' font-weight="bold"' if bold else "",
                                         anchor, fill, ' font-family="monospace"' if mono else "",
                                         escape(s)))

    def line(self, x1, y1, x2, y2, arrow=False, colour="#444", dash=False):
        self.items.append('<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" '
                          'stroke-width="1.2"%s%s/>'
                          % (x1, y1, x2, y2, colour, ' marker-end="url(#a)"' if arrow else "",
                             ' stroke-dasharray="4 3"' if dash else ""))

    def save(self, name):
        head = ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" %s>'
                '<defs><marker id="a" markerWidth="8" markerHeight="8" refX="7" refY="4" '
                'orient="auto"><path d="M0,0 L8,4 L0,8 z" fill="#444"/></marker></defs>'
                '<rect width="100%%" height="100%%" fill="white"/>' % (self.w, self.h, self.w,
                                                                      self.h, FONT))
        with open(os.path.join(HERE, name), "w") as f:
            f.write("\n".join([head] + self.items + ["</svg>"]) + "\n")


def bitfield(svg, x, y, fields, title, bit_w=22):
    """A 32-bit descriptor: fields (hi, lo, name, fill), bit 31 on the left."""
    svg.text(x, y - 20, title, bold=True)
    for hi, lo, name, fill in fields:
        left = x + (31 - hi) * bit_w
        width = (hi - lo + 1) * bit_w
        svg.rect(left, y, width, 30, fill)
        svg.text(left + width / 2, y + 19, name, size=9 if width < 60 else 10, anchor="middle")
        svg.text(left + 2, y - 4, str(hi), size=8, fill="#666")
        if hi != lo:
            svg.text(left + width - 2, y - 4, str(lo), size=8, fill="#666", anchor="end")


def page_tables():
    s = Svg(760, 640, "ARMv7-A short-descriptor page tables (what paging_init builds)")
    base, attr, kind, free = "#cfe2f3", "#fce5cd", "#d9ead3", "#eeeeee"
    bitfield(s, 20, 70, [(31, 2, "ignored (fault: any access aborts)", free),
                         (1, 0, "00", kind)], "First level: fault")
    bitfield(s, 20, 140, [(31, 10, "page table base address (1 KiB aligned)", base),
                          (9, 9, "", free), (8, 5, "domain", attr), (4, 2, "SBZ", free),
                          (1, 0, "01", kind)], "First level: page table (pmd_table)")
    bitfield(s, 20, 210, [(31, 20, "section base (1 MiB)", base), (19, 19, "NS", attr),
                          (18, 18, "0", kind), (17, 17, "nG", attr), (16, 16, "S", attr),
                          (15, 15, "APX", attr), (14, 12, "TEX", attr), (11, 10, "AP", attr),
                          (9, 9, "", free), (8, 5, "domain", attr), (4, 4, "XN", attr),
                          (3, 3, "C", attr), (2, 2, "B", attr), (1, 0, "10", kind)],
             "First level: section (pmd_sect), 1 MiB")
    bitfield(s, 20, 280, [(31, 12, "small page base (4 KiB)", base), (11, 11, "nG", attr),
                          (10, 10, "S", attr), (9, 9, "APX", attr), (8, 6, "TEX", attr),
                          (5, 4, "AP", attr), (3, 3, "C", attr), (2, 2, "B", attr),
                          (1, 1, "1", kind), (0, 0, "XN", attr)],
             "Second level: small page (pte), 4 KiB")
    # The walk, with the numbers of mm-pt 0xc0020000 at 256 MiB (docs/debugging.md).
    y = 360
    s.text(20, y, "A walk: virtual 0xc0020000 (kernel text, mapped with pages)", bold=True)
    bitfield(s, 20, y + 30, [(31, 20, "0xc00 = entry 3072 of 4096", base),
                             (19, 12, "0x20 = entry 32", attr), (11, 0, "0x000 offset", free)],
             "")
    s.rect(40, y + 110, 200, 60, "#cfe2f3")
    s.text(140, y + 130, "first-level table (16 KiB)", anchor="middle")
    s.text(140, y + 148, "kernel_pgd, TTBR0", anchor="middle", size=9)
    s.text(140, y + 162, "[3072] = 0x604fbc01: table", anchor="middle", size=9, mono=True)
    s.rect(290, y + 110, 200, 60, "#fce5cd")
    s.text(390, y + 130, "second-level table (1 KiB)", anchor="middle")
    s.text(390, y + 148, "at phys 0x604fbc00", anchor="middle", size=9)
    s.text(390, y + 162, "[32] = 0x6002065e: page", anchor="middle", size=9, mono=True)
    s.rect(540, y + 110, 190, 60, "#d9ead3")
    s.text(635, y + 130, "the 4 KiB page", anchor="middle")
    s.text(635, y + 148, "phys 0x60020000", anchor="middle", size=9, mono=True)
    s.text(635, y + 162, "ro x SHD MEM/CACHED/WBWA", anchor="middle", size=9)
    s.line(240, y + 140, 288, y + 140, arrow=True)
    s.line(490, y + 140, 538, y + 140, arrow=True)
    s.line(140, y + 62, 140, y + 108, arrow=True)
    s.line(460, y + 62, 390, y + 108, arrow=True)
    s.text(20, y + 200, "Lowmem beyond the image's first MiB is mapped by sections: one first-level "
           "entry per MiB, no second level", size=10)
    s.text(20, y + 216, "(0xc8000000 -> entry 3200 = 0x6801141e: section base 0x68000000, "
           "RW NX SHD MEM/CACHED/WBWA).", size=10)
    s.text(20, y + 240, "AP/APX: access permissions; TEX/C/B: memory type; S: shareable; XN: "
           "execute never; nG: not global.", size=10)
    s.save("page-tables.svg")


def memblock():
    s = Svg(760, 300, "memblock's two region sets (256 MiB, at the end of arm_memblock_init)")
    x0, x1, lo, hi = 120, 740, 0x60000000, 0x70000000

    def x(a):
        return x0 + (x1 - x0) * (a - lo) / (hi - lo)
    s.text(20, 80, "memory", bold=True)
    s.rect(x(lo), 62, x(hi) - x(lo), 28, "#cfe8cf")
    s.text((x(lo) + x(hi)) / 2, 81, "memory[0x0] 0x60000000-0x6fffffff (256 MiB)", anchor="middle")
    s.text(20, 140, "reserved", bold=True)
    s.rect(x(lo), 122, x(hi) - x(lo), 28, "#fafafa", dash=True)
    for a, b, name in ((0x60010000, 0x60078000, "[0x0] kernel image"),
                       (0x68000000, 0x68005fe4, "[0x1] DTB"),
                       (0x6f000000, 0x70000000, "[0x2] CMA area")):
        s.rect(x(a), 122, max(x(b) - x(a), 3), 28, "#e8c9c9")
        right = x(a) > 600  # the last label ends at the box's right edge
        s.text(x(b) if right else x(a) + 2, 168, name, size=10, anchor="end" if right else "start")
        s.text(x(b) if right else x(a) + 2, 182, "0x%08x-0x%08x" % (a, b - 1), size=9, mono=True,
               anchor="end" if right else "start")
    s.text(20, 220, "free = memory minus reserved: what memblock allocates from (top down), and "
           "what memblock_free_all()", size=11)
    s.text(20, 236, "hands to the buddy allocator in mm_core_init().  Allocations (the page tables, "
           "mem_map) are added to reserved;", size=11)
    s.text(20, 252, "the boot page table's 16 KiB are given back once paging_init switched to the "
           "final tables.  (Not to scale: the", size=11)
    s.text(20, 268, "kernel is 416 KiB of 256 MiB; boxes have a minimum width.)", size=11)
    s.save("memblock.svg")


def piecewise(points):
    """Address to y through (address, y) points: a schematic scale, each stretch linear."""
    def f(a):
        for (a0, y0), (a1, y1) in zip(points, points[1:]):
            if a0 <= a <= a1:
                return y0 + (y1 - y0) * (a - a0) / (a1 - a0)
        raise ValueError(hex(a))
    return f


def lowmem_highmem():
    s = Svg(860, 540, "Lowmem and highmem: 1 GiB of RAM, 3G/1G split (vexpress-a9)")
    # Not to scale between stretches: each area gets room for its name.
    yp = piecewise([(0x60000000, 460), (0x90000000, 200), (0xa0000000, 110)])
    yv = piecewise([(0xbf000000, 500), (0xbfe00000, 480), (0xc0000000, 460), (0xf0000000, 200),
                    (0xf0800000, 190), (0xff800000, 100), (0x100000000, 70)])
    s.text(110, 60, "physical RAM", bold=True)
    s.rect(110, yp(0x90000000), 130, yp(0x60000000) - yp(0x90000000), "#cfe2f3")
    s.text(175, yp(0x78000000), "lowmem", anchor="middle", bold=True)
    s.text(175, yp(0x78000000) + 14, "768 MiB, ZONE_NORMAL", anchor="middle", size=9)
    s.rect(110, yp(0xa0000000), 130, yp(0x90000000) - yp(0xa0000000), "#f4cccc")
    s.text(175, yp(0x98000000), "highmem", anchor="middle", bold=True)
    s.text(175, yp(0x98000000) + 14, "256 MiB, ZONE_HIGHMEM", anchor="middle", size=9)
    for a in (0x60000000, 0x90000000, 0xa0000000):
        s.text(104, yp(a) + 4, "0x%08x" % a, size=9, anchor="end", mono=True)
    s.text(560, 60, "virtual, the kernel's quarter", bold=True)
    for a, b, name, fill in ((0xbf000000, 0xbfe00000, "modules", "#eeeeee"),
                             (0xbfe00000, 0xc0000000, "pkmap (kmap)", "#d9ead3"),
                             (0xc0000000, 0xf0000000, "linear map of lowmem", "#cfe2f3"),
                             (0xf0800000, 0xff800000, "vmalloc (240 MiB)", "#fce5cd"),
                             (0xff800000, 0x100000000, "DTB, early I/O, fixmap, vectors",
                              "#d9d2e9")):
        s.rect(560, yv(b), 170, yv(a) - yv(b), fill)
        s.text(645, (yv(a) + yv(b)) / 2 + 4, name, anchor="middle", size=10)
    for a in (0xbf000000, 0xbfe00000, 0xc0000000, 0xf0000000, 0xf0800000, 0xff800000):
        s.text(736, yv(a) + 4, "0x%08x" % a, size=9, mono=True)
    # The linear map: every lowmem byte has a fixed virtual address.
    s.line(240, yp(0x60000000), 558, yv(0xc0000000), arrow=True)
    s.line(240, yp(0x90000000), 558, yv(0xf0000000), arrow=True)
    s.text(400, yp(0x78000000), "__va(pa) = pa - PHYS_OFFSET + PAGE_OFFSET", size=10,
           anchor="middle")
    s.text(400, yp(0x78000000) + 14, "always mapped (1 MiB sections)", size=9, anchor="middle")
    # Highmem: only through temporary windows.
    s.line(240, yp(0x9c000000), 558, yv(0xbff00000), arrow=True, dash=True)
    s.line(240, yp(0x9e000000), 558, yv(0xffd00000), arrow=True, dash=True)
    s.text(400, yp(0x9e000000) - 26, "kmap_atomic(): a fixmap slot", size=10, anchor="middle")
    s.text(330, yp(0x9c000000) + 40, "kmap(): a pkmap slot", size=10, anchor="middle")
    s.text(20, 525, "Lowmem ends where vmalloc space (8 MiB above it) still fits below 0xff800000; "
           "vmalloc=512M moves the end down to 0xdf000000.  Not to scale.", size=10)
    s.save("lowmem-highmem.svg")


PAGETYPES = [("Unmovable", [1, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0]),
             ("Movable", [1, 2, 2, 4, 4, 3, 2, 3, 3, 4, 55]),
             ("Reclaimable", [0] * 11), ("HighAtomic", [0] * 11),
             ("CMA", [0] * 10 + [4]), ("Isolate", [0] * 11)]


def buddy():
    s = Svg(760, 400, "The buddy allocator's free lists: zone Normal at 256 MiB, after the boot")
    x0, y0, cw, rh = 130, 70, 54, 30
    s.text(x0 - 10, y0 - 10, "order:", anchor="end", size=10)
    for order in range(11):
        s.text(x0 + order * cw + cw / 2, y0 - 10, "%d" % order, anchor="middle", bold=True)
        s.text(x0 + order * cw + cw / 2, y0 + 6 * rh + 16, size_of(order), anchor="middle", size=8)
    for row, (mt, counts) in enumerate(PAGETYPES):
        y = y0 + row * rh
        s.text(x0 - 10, y + 19, mt, anchor="end")
        for order, n in enumerate(counts):
            fill = "#ffffff" if not n else "#b6d7a8" if mt == "CMA" else "#cfe2f3"
            s.rect(x0 + order * cw, y, cw - 4, rh - 4, fill)
            s.text(x0 + order * cw + cw / 2 - 2, y + 17, str(n), anchor="middle", size=10)
    y = y0 + 6 * rh + 40
    s.text(20, y, "Each cell is a list: free_area[order].free_list[migratetype], blocks of 2^order "
           "pages (the mminfo pagetypeinfo table).", size=10)
    s.text(20, y + 16, "alloc_pages(GFP_KERNEL, 0) takes an Unmovable page; an empty list splits "
           "the smallest larger block (expand()),", size=10)
    s.text(20, y + 32, "or steals from another type (fallback).  Freeing merges a block with its "
           "free buddy (pfn ^ (1 << order)) up to order 10.", size=10)
    s.text(20, y + 48, "A 4 MiB pageblock's migratetype decides which list its free blocks join; "
           "the 4 CMA pageblocks are the 16 MiB area.", size=10)
    s.save("buddy.svg")


def size_of(order):
    kib = 4 << order
    return "%d KiB" % kib if kib < 1024 else "%d MiB" % (kib >> 10)


def cma():
    s = Svg(760, 360, "CMA: reserved at boot, lent to movable pages, taken back by cma_alloc()")
    steps = [("1. arm_memblock_init: reserved", ["R"] * 8, "memblock reserves 16 MiB (at 1 GiB: cma: "
              "Reserved 16 MiB at 0x9f000000); the buddy allocator never sees it at hand-over."),
             ("2. cma_init_reserved_areas: lent", ["F"] * 8, "its 4 MiB pageblocks become "
              "MIGRATE_CMA and are freed into the buddy lists: only movable allocations use them."),
             ("3. in use: movable pages live there", ["F", "M", "M", "F", "M", "F", "F", "M"],
              "GFP_HIGHUSER_MOVABLE allocations (the object store's pages) may land in the area."),
             ("4. cma_alloc(8 MiB): taken back", ["F", "M", "A", "A", "A", "A", "F", "M"],
              "the range is isolated, its movable pages migrated elsewhere, and the pages handed "
              "out as one block.")]
    colours = {"R": "#e8c9c9", "F": "#b6d7a8", "M": "#f9cb9c", "A": "#9fc5e8"}
    for i, (title, cells, note) in enumerate(steps):
        y = 60 + i * 70
        s.text(20, y, title, bold=True)
        for j, c in enumerate(cells):
            s.rect(20 + j * 44, y + 8, 42, 26, colours[c])
            s.text(41 + j * 44, y + 25, c, anchor="middle", size=10)
        cut = note.rfind(" ", 0, 64)
        s.text(380, y + 18, note[:cut], size=9)
        s.text(380, y + 30, note[cut + 1:], size=9)
    s.text(20, 345, "R reserved   F free (in the buddy lists as MIGRATE_CMA)   M a movable page "
           "lent out   A allocated by cma_alloc()   (each box: 2 MiB)", size=10)
    s.save("cma.svg")


if __name__ == "__main__":
    page_tables()
    memblock()
    lowmem_highmem()
    buddy()
    cma()
