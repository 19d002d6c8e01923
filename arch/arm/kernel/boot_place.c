// SPDX-License-Identifier: GPL-2.0
/*
 * Where the kernel runs, chosen before head.S writes a single byte.
 *
 * Boot loaders run the image where they loaded it: U-Boot's bootz at
 * 0x60100000 on vexpress, 0x12000000 on i.MX6, 0x2000000 on Zynq, 0x800000
 * on highbank, 0x40400000 on QEMU's virt.  Like Linux's zImage with
 * AUTO_ZRELADDR, the kernel finds the RAM holding its load address in the
 * DT's memory nodes and runs at the start of that RAM + TEXT_OFFSET, so no
 * RAM below it is lost.  The place moves up a 1 MiB step at a time past any
 * /memreserve/ entry or initrd it would overlap (that RAM below the kernel
 * is then lost, as in Linux).
 *
 * The kernel never destroys its own inputs: a DTB lying where the image,
 * its BSS, stacks or boot page table will be is moved first, to the lowest
 * free place in the same RAM (Linux's decompressor moves it too).  If the
 * image's old and new places overlap, it first goes to a free place
 * ("bounce") and starts again from there, so that every copy head.S makes
 * is a plain copy between disjoint ranges and never overwrites the code
 * doing it.  What cannot be done is said in @msg, naming the ranges.
 *
 * This runs with the MMU and caches off, at whatever address the loader
 * chose, before BSS exists.  The Makefile builds it position-independent
 * and checks that the object has no absolute relocation and calls nothing
 * outside itself: no global variables, no library calls, no division.  The
 * DTB is read a byte at a time (with the MMU off every access is
 * Strongly-ordered, where an unaligned word load faults) by the small
 * bounds-checked walker below rather than by libfdt, a prebuilt library
 * made to run at its link address.  On the host the same code runs under
 * ASan in tests/host/boot_place_test.c and in mmsim.
 */
#include "kernel.h"
#include <asm/boot_place.h>
#include <asm/memory-layout.h>
#include "serial.h"

enum {
	FDT_HDR_MAGIC = 0xd00dfeed,
	TAG_BEGIN_NODE = 1,
	TAG_END_NODE,
	TAG_PROP,
	TAG_NOP,
	TAG_END = 9
};

#define LIMIT_4G 0x100000000ULL

/* ---------------------------------------------------------------- reading the blob */

struct blob {
	const u8 *p;
	u32 size;		  /* totalsize */
	u32 structs, structs_end; /* the structure block */
	u32 strings, strings_end; /* the strings block */
	u32 rsvmap;		  /* the /memreserve/ entries */
	u32 used;		  /* bytes up to the end of the last block */
};

static u32 be32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static u64 be64(const u8 *p)
{
	return (u64)be32(p) << 32 | be32(p + 4);
}

static u64 max64(u64 a, u64 b)
{
	return a > b ? a : b;
}

/* The header checks libfdt's fdt_check_header makes; NULL, or what is wrong. */
static const char *blob_open(struct blob *b, const u8 *p)
{
	u32 version, struct_size, off;

	if (be32(p) != FDT_HDR_MAGIC)
		return "bad magic";
	b->p = p;
	b->size = be32(p + 4);
	version = be32(p + 20);
	if (version < 16 || be32(p + 24) > 17)
		return "unsupported version";
	if (b->size < 40)
		return "totalsize smaller than the header";
	b->structs = be32(p + 8);
	b->strings = be32(p + 12);
	b->rsvmap = be32(p + 16);
	struct_size = version >= 17 ? be32(p + 36) : b->size - b->structs;
	if (b->structs % 4 || b->structs > b->size || struct_size > b->size - b->structs ||
	    b->strings > b->size || be32(p + 32) > b->size - b->strings || b->rsvmap % 8 ||
	    b->rsvmap < 40 || b->rsvmap > b->size)
		return "a block lies outside totalsize";
	b->structs_end = b->structs + struct_size;
	b->strings_end = b->strings + be32(p + 32);
	for (off = b->rsvmap;; off += 16) {
		if (b->size - off < 16)
			return "the /memreserve/ list has no end";
		if (!be64(p + off + 8))
			break;
	}
	b->used = (u32)max64(max64(b->structs_end, b->strings_end), off + 16);
	return NULL;
}

struct token {
	u32 tag;
	const char *name;
	const u8 *val;
	u32 len;
};

/* Is the string at @off in [@off, @end) NUL-terminated? Its length, or -1. */
static int str_len(const struct blob *b, u32 off, u32 end)
{
	for (u32 n = 0; off + n < end; n++)
		if (!b->p[off + n])
			return (int)n;
	return -1;
}

/* The token at *@off, moving *@off past it; false at FDT_END or anything broken. */
static bool next_token(const struct blob *b, u32 *off, struct token *t)
{
	u32 o = *off, nameoff;
	int n;

	for (;;) {
		if (b->structs_end < 4 || o < b->structs || o > b->structs_end - 4)
			return false;
		t->tag = be32(b->p + o);
		o += 4;
		if (t->tag != TAG_NOP)
			break;
	}
	if (t->tag == TAG_BEGIN_NODE) {
		n = str_len(b, o, b->structs_end);
		if (n < 0)
			return false;
		t->name = (const char *)b->p + o;
		o = ALIGN(o + (u32)n + 1, 4);
	} else if (t->tag == TAG_PROP) {
		if (b->structs_end - o < 8)
			return false;
		t->len = be32(b->p + o);
		nameoff = be32(b->p + o + 4);
		o += 8;
		if (t->len > b->structs_end - o || nameoff >= b->strings_end - b->strings ||
		    str_len(b, b->strings + nameoff, b->strings_end) < 0)
			return false;
		t->name = (const char *)b->p + b->strings + nameoff;
		t->val = b->p + o;
		o = (u32)ALIGN((u64)o + t->len, 4);
	} else if (t->tag != TAG_END_NODE) {
		return false;
	}
	*off = o;
	return true;
}

static bool streq(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

/* A property whose value is exactly the string @s (with its NUL). */
static bool prop_is(const struct token *t, const char *s)
{
	u32 n = 0;

	while (s[n])
		n++;
	return t->len == n + 1 && !t->val[n] && streq((const char *)t->val, s);
}

static u64 read_cells(const u8 *p, u32 cells)
{
	return cells == 2 ? be64(p) : be32(p);
}

/* A child of the root, with the properties this file cares about. */
struct node {
	const char *name;
	const u8 *reg;
	u32 reg_len;
	bool memory; /* device_type = "memory" and not disabled */
	bool disabled;
	bool chosen;
	const u8 *initrd_start, *initrd_end;
	u32 initrd_start_len, initrd_end_len;
};

struct walk {
	const struct blob *b;
	u32 off;
	int depth;
};

static void walk_start(struct walk *w, const struct blob *b)
{
	w->b = b;
	w->off = b->structs;
	w->depth = 0;
}

static void node_prop(struct node *n, const struct token *t)
{
	if (streq(t->name, "device_type"))
		n->memory = prop_is(t, "memory");
	else if (streq(t->name, "status"))
		n->disabled = !prop_is(t, "okay") && !prop_is(t, "ok");
	else if (streq(t->name, "reg"))
		n->reg = t->val, n->reg_len = t->len;
	else if (streq(t->name, "linux,initrd-start"))
		n->initrd_start = t->val, n->initrd_start_len = t->len;
	else if (streq(t->name, "linux,initrd-end"))
		n->initrd_end = t->val, n->initrd_end_len = t->len;
}

/* The next child of the root (its subnodes skipped), or false at the end. */
static bool next_child(struct walk *w, struct node *n)
{
	struct token t;

	while (next_token(w->b, &w->off, &t)) {
		if (t.tag == TAG_BEGIN_NODE && ++w->depth == 2) {
			n->name = t.name;
			n->reg = n->initrd_start = n->initrd_end = NULL;
			n->memory = n->disabled = false;
			n->chosen = streq(t.name, "chosen") || streq(t.name, "chosen@0");
		} else if (t.tag == TAG_PROP && w->depth == 2) {
			node_prop(n, &t);
		} else if (t.tag == TAG_END_NODE && --w->depth == 1) {
			n->memory = n->memory && !n->disabled;
			return true;
		}
		if (w->depth < 0)
			return false;
	}
	return false;
}

/* The root's #address-cells and #size-cells (1 when absent, as Linux); false if unusable. */
static bool root_cells(const struct blob *b, u32 *ac, u32 *sc)
{
	struct walk w;
	struct token t;

	walk_start(&w, b);
	*ac = *sc = 1;
	while (next_token(b, &w.off, &t) && !(t.tag == TAG_BEGIN_NODE && ++w.depth > 1) &&
	       t.tag != TAG_END_NODE)
		if (t.tag == TAG_PROP && t.len == 4 && streq(t.name, "#address-cells"))
			*ac = be32(t.val);
		else if (t.tag == TAG_PROP && t.len == 4 && streq(t.name, "#size-cells"))
			*sc = be32(t.val);
	return (*ac == 1 || *ac == 2) && (*sc == 1 || *sc == 2);
}

/* Walks the (base, size) pairs of every available memory node. */
struct mem_walk {
	struct walk w;
	struct node n;
	u32 pos, ac, sc;
};

static void mem_walk_start(struct mem_walk *m, const struct blob *b, u32 ac, u32 sc)
{
	walk_start(&m->w, b);
	m->n.reg = NULL;
	m->n.reg_len = m->pos = 0;
	m->ac = ac;
	m->sc = sc;
}

/* The next memory range, as [*@start, *@end) (end saturated); false at the end. */
static bool next_memory(struct mem_walk *m, u64 *start, u64 *end)
{
	const u32 tuple = 4 * (m->ac + m->sc);

	for (;;) {
		while (m->n.reg && m->pos <= m->n.reg_len && m->n.reg_len - m->pos >= tuple) {
			const u8 *p = m->n.reg + m->pos;
			u64 size = read_cells(p + 4 * m->ac, m->sc);

			*start = read_cells(p, m->ac);
			*end = *start + size < *start ? ~0ULL : *start + size;
			m->pos += tuple;
			if (size)
				return true;
		}
		if (!next_child(&m->w, &m->n))
			return false;
		m->pos = 0;
		if (!m->n.memory)
			m->n.reg = NULL;
	}
}

/*
 * The RAM holding @addr: the memory range that holds it, grown by every
 * range that touches it (two nodes may describe one bank), clipped to
 * 4 GiB and to whole pages.
 */
static bool find_bank(const struct blob *b, u32 ac, u32 sc, u64 addr, u64 *lo, u64 *hi)
{
	struct mem_walk m;
	u64 s, e;
	bool found = false, grew = true;

	mem_walk_start(&m, b, ac, sc);
	while (!found && next_memory(&m, &s, &e))
		if (s <= addr && addr < e)
			*lo = s, *hi = e, found = true;
	for (int pass = 0; found && grew && pass < 64; pass++) {
		grew = false;
		mem_walk_start(&m, b, ac, sc);
		while (next_memory(&m, &s, &e))
			if (s <= *hi && e >= *lo && (s < *lo || e > *hi))
				*lo = s < *lo ? s : *lo, *hi = e > *hi ? e : *hi, grew = true;
	}
	if (!found)
		return false;
	if (*hi > LIMIT_4G)
		*hi = LIMIT_4G;
	*hi = ALIGN_DOWN(*hi, (u64)PAGE_SIZE);
	return true;
}

/* The lowest memory range (for the message when none holds the load address). */
static bool lowest_memory(const struct blob *b, u32 ac, u32 sc, u64 *lo, u64 *hi)
{
	struct mem_walk m;
	u64 s, e;
	bool any = false;

	mem_walk_start(&m, b, ac, sc);
	while (next_memory(&m, &s, &e))
		if (!any || s < *lo)
			*lo = s, *hi = e, any = true;
	return any;
}

/* /chosen's linux,initrd-start/-end (32- or 64-bit), if both are there and sane. */
static void find_initrd(const struct blob *b, u64 *lo, u64 *hi)
{
	struct walk w;
	struct node n;

	*lo = *hi = 0;
	walk_start(&w, b);
	while (next_child(&w, &n)) {
		if (!n.chosen || !n.initrd_start || !n.initrd_end ||
		    (n.initrd_start_len != 4 && n.initrd_start_len != 8) ||
		    (n.initrd_end_len != 4 && n.initrd_end_len != 8))
			continue;
		*lo = read_cells(n.initrd_start, n.initrd_start_len / 4);
		*hi = read_cells(n.initrd_end, n.initrd_end_len / 4);
		if (*hi < *lo)
			*lo = *hi = 0;
	}
}

/* ---------------------------------------------------------------- free places */

/* What must not be written: /memreserve/, the initrd, and up to four more ranges. */
struct busy {
	const struct blob *b;
	u64 lo[5], hi[5];
	int n;
};

static void busy_add(struct busy *bz, u64 lo, u64 hi)
{
	if (lo < hi && bz->n < 5) {
		bz->lo[bz->n] = lo;
		bz->hi[bz->n] = hi;
		bz->n++;
	}
}

/* Does [@lo, @hi) overlap something busy?  *@next: the end of what it overlaps. */
static bool overlaps_busy(const struct busy *bz, u64 lo, u64 hi, u64 *next)
{
	const u8 *p = bz->b->p;

	for (u32 off = bz->b->rsvmap; be64(p + off + 8); off += 16) {
		u64 s = be64(p + off), e = s + be64(p + off + 8);

		if (e < s)
			e = ~0ULL;
		if (s < hi && lo < e) {
			*next = e;
			return true;
		}
	}
	for (int i = 0; i < bz->n; i++) {
		if (bz->lo[i] < hi && lo < bz->hi[i]) {
			*next = bz->hi[i];
			return true;
		}
	}
	return false;
}

/*
 * The lowest @x, a multiple of @align at or above @lo, such that
 * [@x + @skew, @x + @skew + @size) ends by @hi and overlaps nothing busy.
 * Each step jumps past one busy range, so this ends.
 */
static bool lowest_free(const struct busy *bz, u64 lo, u64 hi, u64 size, u64 align, u64 skew,
			u64 *x)
{
	u64 next;

	for (*x = ALIGN(lo, align);; *x = ALIGN(next - skew, align)) {
		u64 s = *x + skew, e = s + size;

		if (e > hi || e < s || *x < lo)
			return false;
		if (!overlaps_busy(bz, s, e, &next))
			return true;
		if (next >= hi)
			return false;
	}
}

static bool overlap(u64 a, u64 a_end, u64 b, u64 b_end)
{
	return a < b_end && b < a_end;
}

/* ---------------------------------------------------------------- messages */

struct msg {
	char *p, *end;
};

static void put_s(struct msg *m, const char *s)
{
	while (*s && m->p < m->end - 1)
		*m->p++ = *s++;
	*m->p = '\0';
}

static void put_x(struct msg *m, u64 v)
{
	char buf[20], *p = buf + sizeof(buf) - 1;
	int digits = 0;

	*p = '\0';
	do {
		*--p = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (++digits < 8 || v);
	put_s(m, "0x");
	put_s(m, p);
}

/* KiB, in decimal, without a division (there is no divide instruction). */
static void put_kib(struct msg *m, u64 bytes)
{
	static const u32 pow10[] = {1000000000, 100000000, 10000000, 1000000, 100000,
				    10000,	1000,	   100,	     10,      1};
	u32 v = (u32)(bytes >> 10);
	char buf[12], *p = buf;

	for (int i = 0; i < 10; i++) {
		char d = '0';

		while (v >= pow10[i])
			v -= pow10[i], d++;
		if (d != '0' || p != buf || i == 9)
			*p++ = d;
	}
	*p = '\0';
	put_s(m, p == buf ? "0" : buf);
	put_s(m, " KiB");
}

static void put_range(struct msg *m, u64 lo, u64 hi)
{
	put_x(m, lo);
	put_s(m, "-");
	put_x(m, hi - 1);
}

static struct msg msg_start(struct boot_place *bp)
{
	struct msg m = {bp->msg, bp->msg + sizeof(bp->msg)};

	put_s(&m, "");
	return m;
}

/* ---------------------------------------------------------------- the plan */

/*
 * A DT we cannot read RAM from: run where loaded if that is a legal place
 * (setup_arch then says what is wrong with the DT), else say it here.
 */
static int run_in_place(struct boot_place *bp, const char *why)
{
	struct msg m;

	bp->phys_offset = bp->load - TEXT_OFFSET;
	if (bp->load >= TEXT_OFFSET && IS_ALIGNED(bp->phys_offset, SECTION_SIZE))
		return 0;
	m = msg_start(bp);
	put_s(&m, "cannot find RAM: the device tree at r2 = ");
	put_x(&m, bp->fdt);
	put_s(&m, " is unusable (");
	put_s(&m, why);
	put_s(&m, "), and the kernel was loaded at ");
	put_x(&m, bp->load);
	put_s(&m, ", not at a 1 MiB boundary + TEXT_OFFSET where it could run without one");
	return -1;
}

static int no_bank(struct boot_place *bp, const struct blob *b, u32 ac, u32 sc)
{
	struct msg m = msg_start(bp);
	u64 lo = 0, hi = 0;

	lowest_memory(b, ac, sc, &lo, &hi);
	put_s(&m, "the kernel was loaded at ");
	put_x(&m, bp->load);
	put_s(&m, ", which is in none of the device tree's memory nodes (the lowest is ");
	put_range(&m, lo, hi);
	put_s(&m, "): is this the device tree of another board?");
	return -1;
}

static int no_room(struct boot_place *bp, u64 lo, u64 hi)
{
	struct msg m = msg_start(bp);

	put_s(&m, "RAM ");
	put_range(&m, lo, hi);
	put_s(&m, " (");
	put_kib(&m, hi - lo);
	put_s(&m, ") has no room for the kernel: it needs ");
	put_kib(&m, bp->run_size);
	put_s(&m, " at a 1 MiB boundary + TEXT_OFFSET, clear of /memreserve/ and the initrd");
	return -1;
}

static int no_room_for(struct boot_place *bp, const char *what, u64 at, u64 size, u64 dest,
		       u64 dest_size)
{
	struct msg m = msg_start(bp);

	put_s(&m, what);
	put_s(&m, " at ");
	put_range(&m, at, at + size);
	put_s(&m, " lies where the kernel will run (");
	put_range(&m, dest, dest + dest_size);
	put_s(&m, "), and there is no free RAM of ");
	put_kib(&m, size);
	put_s(&m, " to move it to");
	return -1;
}

/* The loader put the DTB and the image on top of each other: one is damaged. */
static int loaded_over(struct boot_place *bp, u32 fdt_size)
{
	struct msg m = msg_start(bp);

	put_s(&m, "the boot loader put the DTB (");
	put_range(&m, bp->fdt, (u64)bp->fdt + fdt_size);
	put_s(&m, ") over the kernel image (");
	put_range(&m, bp->load, (u64)bp->load + bp->load_size);
	put_s(&m, "): one of them is damaged");
	return -1;
}

/*
 * Where the DTB goes: it stays unless it lies where the kernel will write,
 * or it is larger than the window head.S maps for it only because the
 * loader padded it (U-Boot does): then its used part moves to the lowest
 * free place.
 */
static int place_fdt(struct boot_place *bp, const struct blob *b, struct busy *bz, u64 lo, u64 hi,
		     u64 dest)
{
	u64 to;

	bp->fdt_size = b->size;
	if (!overlap(bp->fdt, (u64)bp->fdt + b->size, dest, dest + bp->run_size) &&
	    (b->size <= MAX_FDT_SIZE || b->used > MAX_FDT_SIZE))
		return 0;
	busy_add(bz, dest, dest + bp->run_size);
	busy_add(bz, bp->load, (u64)bp->load + bp->load_size);
	if (!lowest_free(bz, lo, hi, ALIGN(b->used, 8), 8, 0, &to))
		return no_room_for(bp, "the DTB", bp->fdt, b->size, dest, bp->run_size);
	bp->fdt_to = (u32)to;
	bp->fdt_size = ALIGN(b->used, 8);
	return 0;
}

/**
 * boot_place_plan() - decide where the kernel runs and what moves first
 * @bp: the question (load, load_size, run_size, fdt) and the answer
 * @blob: the DTB's bytes (the kernel: at @bp->fdt; the host: a buffer)
 *
 * Return: 0 with @bp's answer filled in, or -1 with @bp->msg saying why
 * the kernel cannot run.
 */
int boot_place_plan(struct boot_place *bp, const void *blob)
{
	struct busy bz;
	struct blob b;
	const char *why = NULL;
	u64 lo, hi, po, dest, initrd_lo, initrd_hi, mlo, mhi, bounce;
	u32 ac, sc;

	bp->phys_offset = 0;
	bp->copy_to = bp->load;
	bp->fdt_to = bp->fdt;
	bp->fdt_size = 0;
	bp->msg[0] = '\0';

	if (!bp->fdt || bp->fdt % 8)
		why = "not an 8-byte aligned address";
	else
		why = blob_open(&b, blob);
	if (!why && !root_cells(&b, &ac, &sc))
		why = "unsupported #address-cells or #size-cells";
	if (!why && !lowest_memory(&b, ac, sc, &mlo, &mhi))
		why = "no memory node";
	if (why)
		return run_in_place(bp, why);
	if (!find_bank(&b, ac, sc, bp->load, &lo, &hi))
		return no_bank(bp, &b, ac, sc);
	/* Its used part: padding over the image damages nothing (and is shed below). */
	if (overlap(bp->fdt, (u64)bp->fdt + b.used, bp->load, (u64)bp->load + bp->load_size))
		return loaded_over(bp, b.used);

	bz.b = &b;
	bz.n = 0;
	find_initrd(&b, &initrd_lo, &initrd_hi);
	busy_add(&bz, initrd_lo, initrd_hi);
	if (!lowest_free(&bz, lo, hi, bp->run_size, SECTION_SIZE, TEXT_OFFSET, &po) ||
	    po + TEXT_OFFSET + bp->run_size > LIMIT_4G)
		return no_room(bp, lo, hi);
	bp->phys_offset = (u32)po;
	dest = po + TEXT_OFFSET;

	if (place_fdt(bp, &b, &bz, lo, hi, dest))
		return -1;
	bp->copy_to = (u32)dest;
	if (dest == bp->load ||
	    !overlap(bp->load, (u64)bp->load + bp->load_size, dest, dest + bp->load_size))
		return 0;

	/* Old and new places overlap: pass through a free place between them. */
	bz.n = 0;
	busy_add(&bz, initrd_lo, initrd_hi);
	busy_add(&bz, bp->fdt_to, (u64)bp->fdt_to + bp->fdt_size);
	busy_add(&bz, bp->load, (u64)bp->load + bp->load_size);
	busy_add(&bz, dest, dest + bp->load_size);
	if (!lowest_free(&bz, lo, hi, bp->load_size, PAGE_SIZE, 0, &bounce))
		return no_room_for(bp, "the image", bp->load, bp->load_size, dest, bp->run_size);
	bp->copy_to = (u32)bounce;
	return 0;
}

/*
 * head_place() - boot_place_plan() for head.S, then move the DTB
 * @bp: as for boot_place_plan(); the DTB is read at @bp->fdt
 *
 * Runs with the MMU off.  The moved DTB gets its used size as totalsize, so
 * nobody later reserves or maps padding that was left behind.
 *
 * Return: 0, or -1 with @bp->msg saying why the kernel cannot run.
 */
int head_place(struct boot_place *bp)
{
	volatile u8 *to, *from;
	u32 n;

	if (boot_place_plan(bp, (const void *)(uintptr_t)bp->fdt))
		return -1;
	to = (volatile u8 *)(uintptr_t)bp->fdt_to;
	from = (volatile u8 *)(uintptr_t)bp->fdt;
	n = bp->fdt_size;
	if (to == from && n == be32((const u8 *)from + 4))
		return 0; /* it stays as it is */
	if (to < from)
		for (u32 i = 0; i < n; i++)
			to[i] = from[i];
	else if (to > from)
		for (u32 i = n; i-- > 0;)
			to[i] = from[i];
	/* Even in place: shedding padding that overlaps the kernel is a move too. */
	to[4] = (u8)(n >> 24), to[5] = (u8)(n >> 16), to[6] = (u8)(n >> 8), to[7] = (u8)n;
	bp->fdt = bp->fdt_to;
	return 0;
}

/* ---------------------------------------------------------------- a last word on the console */

/*
 * When the kernel cannot run, head.S still says why, on the console the DT
 * names (/chosen's stdout-path, else aliases' serial0), at its physical
 * address: the MMU is off.  Only the transmit half of the drivers in
 * boot/serial/ is here, polled a bounded number of times, and no UART setup:
 * the loader left it working (as Linux's earlycon assumes).
 */
#define MAX_PATH_DEPTH 8

/* A node on the console's path: what its children's addresses mean. */
struct path_level {
	u32 ac, sc;
	const u8 *ranges;
	u32 ranges_len;
};

struct console_node {
	struct path_level lv[MAX_PATH_DEPTH]; /* lv[0]: the root */
	int depth;			      /* the console is lv[depth] */
	const u8 *compat, *reg;
	u32 compat_len, reg_len, shift, width;
};

/* Is the property name @name exactly [@s, @s + @n)? */
static bool name_is(const char *name, const char *s, u32 n)
{
	for (u32 i = 0; i < n; i++)
		if (name[i] != s[i])
			return false;
	return name[n] == '\0';
}

/* The value of property @prop (@n bytes) of the root's child @node, as a token. */
static bool root_child_prop(const struct blob *b, const char *node, const char *prop, u32 n,
			    struct token *t)
{
	u32 off = b->structs;
	int depth = 0;
	bool in = false;

	while (next_token(b, &off, t)) {
		if (t->tag == TAG_BEGIN_NODE && ++depth == 2)
			in = streq(t->name, node);
		else if (t->tag == TAG_END_NODE)
			depth--;
		else if (t->tag == TAG_PROP && in && depth == 2 && name_is(t->name, prop, n))
			return true;
	}
	return false;
}

/* Does node name @name match path component [@c, @c + @n)?  "uart" matches "uart@9000". */
static bool component_is(const char *name, const char *c, u32 n)
{
	bool unit = false;

	for (u32 i = 0; i < n; i++) {
		if (name[i] != c[i])
			return false;
		unit |= c[i] == '@';
	}
	return name[n] == '\0' || (name[n] == '@' && !unit);
}

static void level_prop(struct path_level *lv, const struct token *t)
{
	if (t->len == 4 && streq(t->name, "#address-cells"))
		lv->ac = be32(t->val);
	else if (t->len == 4 && streq(t->name, "#size-cells"))
		lv->sc = be32(t->val);
	else if (streq(t->name, "ranges"))
		lv->ranges = t->val, lv->ranges_len = t->len;
}

static void console_prop(struct console_node *cn, const struct token *t)
{
	if (streq(t->name, "compatible"))
		cn->compat = t->val, cn->compat_len = t->len;
	else if (streq(t->name, "reg"))
		cn->reg = t->val, cn->reg_len = t->len;
	else if (t->len == 4 && streq(t->name, "reg-shift"))
		cn->shift = be32(t->val);
	else if (t->len == 4 && streq(t->name, "reg-io-width"))
		cn->width = be32(t->val);
}

/* The next component of @path at *@pos (up to @end): its start, and *@n its length. */
static const char *next_component(const char *path, u32 *pos, u32 end, u32 *n)
{
	while (*pos < end && path[*pos] == '/')
		(*pos)++;
	for (*n = 0; *pos + *n < end && path[*pos + *n] != '/';)
		(*n)++;
	*pos += *n;
	return *n ? path + *pos - *n : NULL;
}

/*
 * Walk to the node at @path ([0, @len)), keeping what each node on the way
 * says about addresses (cell counts default to the parent's, as Linux's
 * of_n_addr_cells finds them).
 */
static bool find_path(const struct blob *b, const char *path, u32 len, struct console_node *cn)
{
	struct token t;
	u32 off = b->structs, pos = 0, n;
	const char *comp = next_component(path, &pos, len, &n);
	int depth = 0, at = 0; /* the path node we are in is lv[at], at tree depth at + 1 */

	cn->lv[0].ac = cn->lv[0].sc = 1;
	cn->lv[0].ranges = NULL;
	cn->compat = cn->reg = NULL;
	cn->shift = 0;
	cn->width = 1;
	while (next_token(b, &off, &t)) {
		if (t.tag == TAG_BEGIN_NODE) {
			if (++depth == at + 2 && comp && component_is(t.name, comp, n)) {
				if (++at == MAX_PATH_DEPTH)
					return false;
				cn->lv[at] = cn->lv[at - 1];
				cn->lv[at].ranges = NULL;
				comp = next_component(path, &pos, len, &n);
			}
		} else if (t.tag == TAG_PROP && depth == at + 1) {
			level_prop(&cn->lv[at], &t);
			if (!comp)
				console_prop(cn, &t);
		} else if (t.tag == TAG_END_NODE && depth-- == at + 1) {
			cn->depth = at;
			return !comp && at > 0;
		}
	}
	return false;
}

/* Cell counts we can read addresses of. */
static bool cells_ok(u32 cells)
{
	return cells == 1 || cells == 2;
}

/* The console's reg, translated through each bus's ranges up to the CPU (of_translate_address). */
static bool translate(const struct console_node *cn, u64 *addr)
{
	const struct path_level *lv = cn->lv;
	int n = cn->depth;

	if (!cn->reg || !cells_ok(lv[n - 1].ac) || cn->reg_len < 4 * lv[n - 1].ac)
		return false;
	*addr = read_cells(cn->reg, lv[n - 1].ac);
	for (int i = n - 1; i >= 1; i--) {
		u32 cac = lv[i].ac, pac = lv[i - 1].ac, sc = lv[i].sc, step = 4 * (cac + pac + sc);
		bool mapped = false;

		if (!lv[i].ranges)
			return false; /* no ranges: not a bus the CPU can see through */
		if (!lv[i].ranges_len)
			continue; /* empty ranges: the same addresses */
		if (!cells_ok(cac) || !cells_ok(pac) || !cells_ok(sc))
			return false;
		for (u32 o = 0; !mapped && lv[i].ranges_len - o >= step; o += step) {
			const u8 *r = lv[i].ranges + o;
			u64 child = read_cells(r, cac), size = read_cells(r + 4 * (cac + pac), sc);

			if (*addr >= child && *addr - child < size) {
				*addr = *addr - child + read_cells(r + 4 * cac, pac);
				mapped = true;
			}
		}
		if (!mapped)
			return false;
	}
	return *addr < LIMIT_4G;
}

/* The driver for the first compatible string we know (boot/serial/'s list). */
static bool uart_kind(const struct console_node *cn, enum uart_type *type)
{
	static const struct {
		char compat[24]; /* in the struct: a pointer would need relocating */
		enum uart_type type;
	} known[] = {
		{"arm,pl011", UART_PL011},
		{"ns16550a", UART_8250},
		{"ns16550", UART_8250},
		{"snps,dw-apb-uart", UART_8250},
		{"nuvoton,npcm750-uart", UART_8250},
		{"fsl,imx6q-uart", UART_IMX},
		{"fsl,imx21-uart", UART_IMX},
		{"xlnx,xuartps", UART_CDNS},
		{"cdns,uart-r1p8", UART_CDNS},
	};

	for (u32 o = 0; cn->compat && o < cn->compat_len;) {
		const char *s = (const char *)cn->compat + o;
		u32 n = 0;

		while (o + n < cn->compat_len && s[n])
			n++;
		for (u32 k = 0; k < ARRAY_SIZE(known); k++) {
			if (name_is(known[k].compat, s, n)) {
				*type = known[k].type;
				return true;
			}
		}
		o += n + 1;
	}
	return false;
}

/**
 * boot_place_console() - the console the DT names, at its CPU address
 * @blob: the DTB
 * @phys: set to the UART's physical address
 * @type: set to its driver
 * @shift: set to its reg-shift (8250)
 * @width: set to its reg-io-width (8250)
 *
 * Return: true if the DT names a console of a kind we can drive.
 */
bool boot_place_console(const void *blob, u32 *phys, enum uart_type *type, u32 *shift, u32 *width)
{
	struct console_node cn;
	struct blob b;
	struct token t;
	const char *path;
	u32 n = 0;
	u64 addr;

	if (blob_open(&b, blob))
		return false;
	if (root_child_prop(&b, "chosen", "stdout-path", 11, &t) ||
	    root_child_prop(&b, "chosen", "linux,stdout-path", 17, &t)) {
		path = (const char *)t.val;
		while (n < t.len && path[n] && path[n] != ':')
			n++;
	} else {
		path = "serial0";
		n = 7;
	}
	if (n && path[0] != '/') { /* an alias */
		if (!root_child_prop(&b, "aliases", path, n, &t))
			return false;
		path = (const char *)t.val;
		for (n = 0; n < t.len && path[n];)
			n++;
	}
	if (!find_path(&b, path, n, &cn) || !translate(&cn, &addr) || !uart_kind(&cn, type))
		return false;
	*phys = (u32)addr;
	*shift = cn.shift;
	*width = cn.width;
	return true;
}

struct uart {
	volatile u8 *base;
	enum uart_type kind;
	u32 shift, width;
};

static u32 rd32(const struct uart *u, u32 off)
{
	return *(volatile u32 *)(u->base + off);
}

static bool uart_tx_ready(const struct uart *u)
{
	switch (u->kind) {
	case UART_PL011:
		return !(rd32(u, 0x18) & (1 << 5)); /* UARTFR.TXFF */
	case UART_IMX:
		return !(rd32(u, 0xb4) & (1 << 4)); /* UTS.TXFULL */
	case UART_CDNS:
		return !(rd32(u, 0x2c) & (1 << 4)); /* SR.TXFULL */
	default:				    /* 8250: LSR.THRE */
		if (u->width == 4)
			return rd32(u, 5 << u->shift) & 0x20;
		return u->base[5 << u->shift] & 0x20;
	}
}

static void uart_putc(const struct uart *u, char c)
{
	for (int i = 0; i < 1000000 && !uart_tx_ready(u); i++)
		;
	if (u->kind == UART_PL011)
		*(volatile u32 *)u->base = (u8)c; /* UARTDR */
	else if (u->kind == UART_IMX)
		*(volatile u32 *)(u->base + 0x40) = (u8)c; /* UTXD */
	else if (u->kind == UART_CDNS)
		*(volatile u32 *)(u->base + 0x30) = (u8)c; /* FIFO */
	else if (u->width == 4)
		*(volatile u32 *)u->base = (u8)c; /* THR */
	else
		*u->base = (u8)c;
}

static void uart_puts(const struct uart *u, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			uart_putc(u, '\r');
		uart_putc(u, *s);
	}
}

/**
 * head_report() - head.S's last word: "a9mm: <msg>[0x<value>]" on the DT's console
 * @fdt: the DTB's physical address (r2), maybe not a DTB at all
 * @msg: the message
 * @value: a number to append in hex, if @has_value
 * @has_value: whether to
 *
 * Runs with the MMU off.  A bad @fdt can make this fault; head.S's early
 * exception handler then falls back to the debug UART, if the build has one.
 *
 * Return: true if it was printed.
 */
bool head_report(u32 fdt, const char *msg, u32 value, bool has_value)
{
	struct uart u;
	u32 phys;
	char hex[24];
	struct msg m = {hex, hex + sizeof(hex)};

	if (!fdt || fdt % 8 ||
	    !boot_place_console((const void *)(uintptr_t)fdt, &phys, &u.kind, &u.shift, &u.width))
		return false;
	u.base = (volatile u8 *)(uintptr_t)phys;
	put_s(&m, "");
	if (has_value)
		put_x(&m, value);
	uart_puts(&u, "a9mm: ");
	uart_puts(&u, msg);
	uart_puts(&u, hex + (has_value ? 2 : 0)); /* the messages end in "0x" */
	uart_puts(&u, "\n");
	return true;
}
