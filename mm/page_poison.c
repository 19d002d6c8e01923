// SPDX-License-Identifier: GPL-2.0
/*
 * Page poisoning (Linux's mm/page_poison.c): with page_poison=on every
 * freed page is filled with PAGE_POISON, and the allocator checks the
 * pattern before handing the page out again.  A difference means someone
 * wrote to the page after freeing it (a use after free), or the memory
 * itself flipped a bit.
 */
#include "init.h"
#include "mm.h"
#include "printk.h"
#include <string.h>

bool _page_poisoning_enabled;
bool page_poison_pending;

/**
 * early_page_poison_param - parse the value of "page_poison="
 * @buf: "on"/"off", "1"/"0", "y"/"n" (Linux's kstrtobool)
 *
 * Returns 0, or -EINVAL for a value it does not understand.
 */
int early_page_poison_param(const char *buf)
{
	if (!buf)
		return -EINVAL;
	if (!strcmp(buf, "on") || !strcmp(buf, "1") || buf[0] == 'y' || buf[0] == 'Y') {
		_page_poisoning_enabled = true;
		return 0;
	}
	if (!strcmp(buf, "off") || !strcmp(buf, "0") || buf[0] == 'n' || buf[0] == 'N') {
		_page_poisoning_enabled = false;
		return 0;
	}
	return -EINVAL;
}

/*
 * page_poison=on|off (Linux's early_param in mm/page_poison.c).  A value
 * we cannot read leaves poisoning as it was, and says so.
 */
static int __init early_page_poison(char *val)
{
	if (early_page_poison_param(val)) {
		pr_err("page_poison=%s: expected on or off, parameter ignored\n", val ? val : "");
		return -EINVAL;
	}
	return 0;
}
early_param("page_poison", early_page_poison);

static void poison_page(struct page *page)
{
	void *addr = kmap_atomic(page);

	memset(addr, PAGE_POISON, PAGE_SIZE);
	kunmap_atomic(addr);
	__SetPagePoisoned(page);
}

/**
 * kernel_poison_pages - fill @numpages pages from @page with PAGE_POISON
 * @page: first page (being freed: the allocator owns it)
 * @numpages: how many
 */
void kernel_poison_pages(struct page *page, int numpages)
{
	page_poison_pending = true;
	for (int i = 0; i < numpages; i++)
		poison_page(page + i);
}

/* First byte in [mem, mem + bytes) that is not PAGE_POISON, or NULL. */
static unsigned char *first_unpoisoned(unsigned char *mem, size_t bytes)
{
	const unsigned long pattern = (unsigned long)-1 / 0xff * PAGE_POISON;
	size_t i = 0;

	/* Word at a time: the page is page-aligned and the common case is clean. */
	for (; i + sizeof(long) <= bytes; i += sizeof(long)) {
		unsigned long word;

		memcpy(&word, mem + i, sizeof(word));
		if (word != pattern)
			break;
	}
	for (; i < bytes; i++)
		if (mem[i] != PAGE_POISON)
			return mem + i;
	return NULL;
}

static void hex_dump(const unsigned char *start, size_t len)
{
	char line[80];

	/* Enough to see what was written; the rest is in dump_page(). */
	if (len > 64)
		len = 64;
	for (size_t off = 0; off < len; off += 16) {
		int n = scnprintf(line, sizeof(line), "%p:", (const void *)(start + off));

		for (size_t i = off; i < len && i < off + 16; i++)
			n += scnprintf(line + n, sizeof(line) - n, " %02x", start[i]);
		pr_err("%s\n", line);
	}
}

static void check_poison_mem(struct page *page, unsigned char *mem, size_t bytes)
{
	unsigned char *start = first_unpoisoned(mem, bytes);
	unsigned char *end;

	if (!start)
		return;
	for (end = mem + bytes - 1; end > start; end--)
		if (*end != PAGE_POISON)
			break;
	if (start == end && __builtin_popcount(*start ^ PAGE_POISON) == 1)
		pr_err("pagealloc: single bit error\n");
	else
		pr_err("pagealloc: memory corruption\n");
	hex_dump(start, (size_t)(end - start + 1));
	dump_page(page, "pagealloc: corrupted page details");
}

/**
 * kernel_unpoison_pages - check pages being handed out for writes after free
 * @page: first page
 * @numpages: how many
 *
 * Every page that was poisoned when freed is checked for PAGE_POISON and
 * reported ("pagealloc: memory corruption") if something wrote to it.
 */
void kernel_unpoison_pages(struct page *page, int numpages)
{
	for (int i = 0; i < numpages; i++) {
		struct page *p = page + i;
		void *addr;

		if (!PagePoisoned(p))
			continue;
		addr = kmap_atomic(p);
		check_poison_mem(p, addr, PAGE_SIZE);
		kunmap_atomic(addr);
		__ClearPagePoisoned(p);
	}
}
