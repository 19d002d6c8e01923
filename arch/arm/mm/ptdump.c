// SPDX-License-Identifier: GPL-2.0
/*
 * A console dump of page tables as merged ranges, in the format of Linux's
 * arch/arm/mm/dump.c (plus the granule and physical address, which a reader
 * checking the boot wants to see).  Portable: it decodes the hardware
 * descriptors through __va(), so host tests can dump tables they built.
 */
#include "kernel.h"
#include "printk.h"
#include <asm/ptdump.h>

struct range {
	u64 start, end; /* virtual [start, end); end 0 = none open */
	u32 attrs;	/* normalised attribute bits, see decode() */
	u32 phys_start;
	bool section;
};

/* Attribute bits in one layout, whichever level the descriptor came from. */
#define A_RO	 (1 << 0)
#define A_USER	 (1 << 1)
#define A_XN	 (1 << 2)
#define A_SHARED (1 << 3)
#define A_TEX(x) ((x) << 4) /* TEX[2:0] at 6:4, C at 7, B at 8 */
#define A_C	 (1 << 7)
#define A_B	 (1 << 8)

static u32 decode(u32 desc, bool section)
{
	u32 ap = section ? (desc >> 10) & 3 : (desc >> 4) & 3;
	bool apx = section ? desc & PMD_SECT_APX : desc & PTE_EXT_APX;
	u32 tex = section ? (desc >> 12) & 7 : (desc >> 6) & 7;
	u32 a = A_TEX(tex);

	/* AP[2] ("APX") makes it read-only for the kernel; AP[1] opens it to user mode. */
	if (apx)
		a |= A_RO;
	if (ap & 2)
		a |= A_USER;
	if (section ? desc & PMD_SECT_XN : desc & PTE_EXT_XN)
		a |= A_XN;
	if (section ? desc & PMD_SECT_S : desc & PTE_EXT_SHARED)
		a |= A_SHARED;
	if (desc & (1 << 3))
		a |= A_C;
	if (desc & (1 << 2))
		a |= A_B;
	return a;
}

static const char *memory_type(u32 a)
{
	u32 tcb = ((a >> 4) & 7) << 2 | !!(a & A_C) << 1 | !!(a & A_B);

	switch (tcb) {
	case 0x0:
		return "SO/UNCACHED";
	case 0x1:
		return "DEV/SHARED";
	case 0x2:
		return "MEM/CACHED/WT";
	case 0x3:
		return "MEM/CACHED/WBRA";
	case 0x4:
		return "MEM/BUFFERABLE/WC";
	case 0x7:
		return "MEM/CACHED/WBWA";
	case 0x8:
		return "DEV/NONSHARED";
	default:
		return "MEM/OTHER";
	}
}

static void print_range(const struct range *r)
{
	static const char units[] = "KMG";
	const char *unit = units;
	u64 delta = (r->end - r->start) >> 10;

	while (!(delta & 1023) && unit[1]) {
		delta >>= 10;
		unit++;
	}
	printk(KERN_INFO "0x%08llx-0x%08llx   %9llu%c %s %s %s %s %-17s %s phys 0x%08x\n", r->start,
	       r->end, delta, *unit, r->attrs & A_USER ? "USR" : "   ",
	       r->attrs & A_RO ? "ro" : "RW", r->attrs & A_XN ? "NX" : "x ",
	       r->attrs & A_SHARED ? "SHD" : "   ", memory_type(r->attrs),
	       r->section ? "section" : "page   ", r->phys_start);
}

struct walk {
	struct range cur;
	const struct ptdump_marker *marker;
	int printed;
};

/* Print the markers at or below @va that have not been printed yet. */
static void pass_markers(struct walk *w, u64 va)
{
	while (w->marker->name && w->marker->start_address <= va) {
		printk(KERN_INFO "---[ %s ]---\n", w->marker->name);
		w->marker++;
	}
}

static void flush_range(struct walk *w)
{
	if (w->cur.end) {
		print_range(&w->cur);
		w->printed++;
		w->cur.end = 0;
	}
}

/* One mapped (or, with @desc 0, unmapped) block of @size at @va. */
static void note(struct walk *w, u64 va, u64 size, u32 desc, bool section)
{
	bool mapped = desc != 0;
	u32 attrs = mapped ? decode(desc, section) : 0;
	u32 phys = section ? desc & SECTION_MASK : desc & PAGE_MASK;
	bool marker_here = w->marker->name && w->marker->start_address <= va;

	if (w->cur.end &&
	    (!mapped || marker_here || attrs != w->cur.attrs || section != w->cur.section ||
	     w->cur.end != va || phys != w->cur.phys_start + (u32)(w->cur.end - w->cur.start)))
		flush_range(w);
	pass_markers(w, va);
	if (!mapped)
		return;
	if (!w->cur.end)
		w->cur = (struct range){va, va, attrs, phys, section};
	w->cur.end = va + size;
}

/**
 * ptdump_walk - print every mapping of @pgd as merged ranges
 * @pgd: a first-level table
 * @markers: boundaries in ascending order, ended by one with a NULL name
 *
 * Consecutive entries with the same attributes and contiguous physical
 * addresses print as one range, with its size, permissions ("ro"/"RW",
 * "x "/"NX"), "SHD" if shareable, the memory type in Linux's words
 * (MEM/CACHED/WBWA, DEV/SHARED, SO/UNCACHED ...), the granule (section or
 * page) and the physical start.  Returns the number of ranges printed.
 */
int ptdump_walk(pmd_t *pgd, const struct ptdump_marker *markers)
{
	struct walk w = {.marker = markers};

	for (u64 i = 0; i < PTRS_PER_PGD; i++) {
		u64 va = i << SECTION_SHIFT;
		pmd_t pmd = pgd[i];

		if (pmd_table(pmd)) {
			pte_t *ptes = __va(pmd_page_paddr(pmd));

			for (u64 j = 0; j < PTRS_PER_PTE; j++)
				note(&w, va + (j << PAGE_SHIFT), PAGE_SIZE,
				     pte_present(ptes[j]) ? ptes[j] : 0, false);
		} else {
			note(&w, va, SECTION_SIZE, pmd_sect(pmd) ? pmd : 0, true);
		}
	}
	flush_range(&w);
	pass_markers(&w, ~0ULL);
	return w.printed;
}
