// SPDX-License-Identifier: GPL-2.0
/*
 * Printing pages and GFP flags for reports (Linux's mm/debug.c, with the
 * %pGp/%pGg formats of its lib/vsprintf.c as two functions: our vsprintf
 * knows no mm types).
 */
#include "mm.h"
#include "printk.h"
#include "internal.h"
#include <string.h>

static const char *const pageflag_names[__NR_PAGEFLAGS] = {
	[PG_reserved] = "reserved", [PG_isolated] = "isolated", [PG_poisoned] = "poisoned",
	[PG_slab] = "slab",	    [PG_head] = "head",		[PG_locked] = "locked",
};

/**
 * format_page_flags - Linux's %pGp: "0x1001(reserved|zone=0)"
 * @flags: a page's ->flags
 * @buf: where to write
 * @size: its size
 */
void format_page_flags(unsigned long flags, char *buf, size_t size)
{
	int len = scnprintf(buf, size, "%#lx(", flags);
	const char *sep = "";

	for (int i = 0; i < __NR_PAGEFLAGS; i++) {
		if (flags & BIT(i)) {
			len += scnprintf(buf + len, size - len, "%s%s", sep, pageflag_names[i]);
			sep = "|";
		}
	}
	if ((flags >> ALLOC_ORDER_PGSHIFT) & ALLOC_ORDER_MASK) {
		len += scnprintf(buf + len, size - len, "%sorder=%lu", sep,
				 (flags >> ALLOC_ORDER_PGSHIFT) & ALLOC_ORDER_MASK);
		sep = "|";
	}
	if (NODES_WIDTH)
		len += scnprintf(buf + len, size - len, "%snode=%lu", sep,
				 (flags >> NODES_PGSHIFT) & NODES_MASK);
	scnprintf(buf + len, size - len, "%szone=%lu)", NODES_WIDTH ? "|" : sep,
		  (flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

/*
 * Types are stored negatively in _mapcount (Linux's page_has_type()); such a
 * page has no mappings, whatever the word reads as.
 */
static int dump_mapcount(const struct page *page)
{
	return page->_mapcount < -128 ? 0 : page_mapcount(page);
}

/**
 * dump_page - print @page's state (Linux's format)
 * @page: the page
 * @reason: why, printed as "page dumped because: @reason", or NULL
 *
 * Linux prints ->index where we print ->private (we have no index).
 */
void dump_page(struct page *page, const char *reason)
{
	unsigned long raw[sizeof(struct page) / sizeof(unsigned long)];
	char buf[160];
	int len = 0;
	bool cma;

	pr_warn("page:%p refcount:%d mapcount:%d mapping:%p private:%#lx pfn:%#lx\n", (void *)page,
		page_ref_count(page), dump_mapcount(page), page->mapping, page->private,
		page_to_pfn(page));
	if (PageBuddy(page))
		pr_warn("page_type: %#x(buddy) order:%lu\n", page->page_type, page->private);
	format_page_flags(page->flags, buf, sizeof(buf));
	/* Frames past a zone's end (mem_map's alignment tail) have no pageblock bits. */
	cma = zone_spans_pfn(page_zone(page), page_to_pfn(page)) &&
	      is_migrate_cma(get_pageblock_migratetype(page));
	pr_warn("flags: %s%s\n", buf, cma ? " CMA" : "");
	memcpy(raw, page, sizeof(raw));
	for (size_t i = 0; i < ARRAY_SIZE(raw); i++)
		len += scnprintf(buf + len, sizeof(buf) - len, " %0*lx", (int)(2 * sizeof(long)),
				 raw[i]);
	pr_warn("raw:%s\n", buf);
	if (reason)
		pr_warn("page dumped because: %s\n", reason);
}

/* Linux's %pGg names for the flags we define: composite names first. */
static const struct {
	gfp_t mask;
	const char *name;
} gfpflag_names[] = {
	{GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE"},
	{GFP_HIGHUSER, "GFP_HIGHUSER"},
	{GFP_USER, "GFP_USER"},
	{GFP_KERNEL, "GFP_KERNEL"},
	{GFP_NOFS, "GFP_NOFS"},
	{GFP_ATOMIC, "GFP_ATOMIC"},
	{GFP_NOIO, "GFP_NOIO"},
	{GFP_NOWAIT, "GFP_NOWAIT"},
	{__GFP_HIGHMEM, "__GFP_HIGHMEM"},
	{__GFP_HIGH, "__GFP_HIGH"},
	{__GFP_ATOMIC, "__GFP_ATOMIC"},
	{__GFP_IO, "__GFP_IO"},
	{__GFP_FS, "__GFP_FS"},
	{__GFP_NOWARN, "__GFP_NOWARN"},
	{__GFP_ZERO, "__GFP_ZERO"},
	{__GFP_COMP, "__GFP_COMP"},
	{__GFP_NOMEMALLOC, "__GFP_NOMEMALLOC"},
	{__GFP_HARDWALL, "__GFP_HARDWALL"},
	{__GFP_RECLAIMABLE, "__GFP_RECLAIMABLE"},
	{__GFP_MOVABLE, "__GFP_MOVABLE"},
	{__GFP_RECLAIM, "__GFP_RECLAIM"},
	{__GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM"},
	{__GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM"},
};

/**
 * format_gfp_flags - Linux's %pGg: "GFP_KERNEL|__GFP_ZERO"
 * @gfp: the flags
 * @buf: where to write
 * @size: its size
 */
void format_gfp_flags(gfp_t gfp, char *buf, size_t size)
{
	const char *sep = "";
	int len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < ARRAY_SIZE(gfpflag_names) && gfp; i++) {
		if ((gfp & gfpflag_names[i].mask) != gfpflag_names[i].mask)
			continue;
		len += scnprintf(buf + len, size - len, "%s%s", sep, gfpflag_names[i].name);
		sep = "|";
		gfp &= ~gfpflag_names[i].mask;
	}
	if (gfp)
		scnprintf(buf + len, size - len, "%s%#x", sep, gfp);
}
