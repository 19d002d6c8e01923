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
	if (found && *hi > LIMIT_4G)
		*hi = LIMIT_4G;
	*hi = ALIGN_DOWN(*hi, (u64)PAGE_SIZE);
	return found;
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
	if (bp->fdt_to == bp->fdt)
		return 0;
	to = (volatile u8 *)(uintptr_t)bp->fdt_to;
	from = (volatile u8 *)(uintptr_t)bp->fdt;
	n = bp->fdt_size;
	if (to < from)
		for (u32 i = 0; i < n; i++)
			to[i] = from[i];
	else
		for (u32 i = n; i-- > 0;)
			to[i] = from[i];
	to[4] = (u8)(n >> 24), to[5] = (u8)(n >> 16), to[6] = (u8)(n >> 8), to[7] = (u8)n;
	bp->fdt = bp->fdt_to;
	return 0;
}
