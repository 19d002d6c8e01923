// SPDX-License-Identifier: GPL-2.0
/*
 * The RAM probe (mm/ram_probe.c) on a simulated board (tests/host/host_ram.c)
 * whose RAM ends before what the DT claims: above it, reads give 0, or
 * fault, or alias lower RAM, as real boards and QEMU do.  And the boot path
 * (arch/arm/mm/init.c): the message, and memblock trimmed to what exists.
 */
#include "early_boot_helpers.h"
#include "ram_probe.h"

#define BASE	 0x60000000ULL
#define KNOWN	 (BASE + 0x100000)
#define WORD(pa) (*(u32 *)__va(pa))

static bool touch_anything(phys_addr_t phys)
{
	(void)phys;
	return true;
}

/* The words the probe uses, with recognisable contents, to see them restored. */
static void fill_tops(void)
{
	for (phys_addr_t x = SZ_512M; x >= SZ_1M; x >>= 1)
		WORD(BASE + x - 4) = (u32)(0xc0de0000 | (x >> 20));
}

static bool tops_intact(void)
{
	for (phys_addr_t x = SZ_512M; x >= SZ_1M; x >>= 1)
		if (WORD(BASE + x - 4) != (u32)(0xc0de0000 | (x >> 20)))
			return false;
	return true;
}

static phys_addr_t probe_512m(void)
{
	return ram_probe_size(BASE, SZ_512M, KNOWN, touch_anything, &arch_ram_probe_ops);
}

static void ram_probe_finds_a_whole_bank_and_restores_every_word(struct ktap_test *t)
{
	fill_tops();
	KTAP_EXPECT_EQ(t, probe_512m(), SZ_512M);
	KTAP_EXPECT_TRUE(t, tops_intact());
}

static void ram_probe_finds_the_end_where_missing_memory_reads_zero(struct ktap_test *t)
{
	host_ram_real_end = BASE + SZ_256M;
	host_ram_missing = HOST_RAM_READS_ZERO;
	fill_tops();
	KTAP_EXPECT_EQ(t, probe_512m(), SZ_256M);
	KTAP_EXPECT_TRUE(t, tops_intact());
}

static void ram_probe_finds_the_end_where_missing_memory_faults(struct ktap_test *t)
{
	host_ram_real_end = BASE + SZ_256M;
	host_ram_missing = HOST_RAM_FAULTS;
	KTAP_EXPECT_EQ(t, probe_512m(), SZ_256M);
}

static void ram_probe_sees_through_aliases_and_restores_the_aliased_word(struct ktap_test *t)
{
	host_ram_real_end = BASE + SZ_128M;
	host_ram_missing = HOST_RAM_ALIASES;
	fill_tops();
	KTAP_EXPECT_EQ(t, probe_512m(), SZ_128M);
	/* 512M's and 256M's top words are 128M's: each write went there. */
	KTAP_EXPECT_EQ(t, WORD(BASE + SZ_128M - 4), 0xc0de0080);
	host_ram_real_end = 0;
	KTAP_EXPECT_EQ(t, WORD(BASE + SZ_64M - 4), 0xc0de0040);
}

static void ram_probe_is_conservative_for_a_size_that_is_no_power_of_two(struct ktap_test *t)
{
	host_ram_real_end = BASE + SZ_256M + SZ_128M;
	KTAP_EXPECT_EQ(t, probe_512m(), SZ_256M);
}

static void ram_probe_finds_nothing_in_a_bank_with_no_memory(struct ktap_test *t)
{
	host_ram_real_end = BASE + SZ_256M;
	KTAP_EXPECT_EQ(t,
		       ram_probe_size(BASE + SZ_512M, SZ_64M, BASE + SZ_512M, touch_anything,
				      &arch_ram_probe_ops),
		       0);
}

static bool not_the_top_page(phys_addr_t phys)
{
	return phys < BASE + SZ_256M - 4096 || phys >= BASE + SZ_256M;
}

static void ram_probe_never_touches_what_it_must_not(struct ktap_test *t)
{
	host_ram_real_end = BASE + SZ_256M;
	WORD(BASE + SZ_256M - 4) = 0x12345678;
	KTAP_EXPECT_EQ(t,
		       ram_probe_size(BASE, SZ_512M, KNOWN, not_the_top_page, &arch_ram_probe_ops),
		       SZ_256M);
	KTAP_EXPECT_EQ(t, WORD(BASE + SZ_256M - 4), 0x12345678);
}

static void ram_probe_of_a_bank_within_what_is_known_tests_nothing(struct ktap_test *t)
{
	unsigned long before = host_ram_probe_accesses;

	KTAP_EXPECT_EQ(t, ram_probe_size(BASE, SZ_1M, KNOWN, touch_anything, &arch_ram_probe_ops),
		       SZ_1M);
	KTAP_EXPECT_EQ(t, host_ram_probe_accesses, before);
}

/* arch_ram_probe_ops, noting whether every word it is given is a page's last word. */
static bool only_page_tops;

static bool page_top(phys_addr_t phys)
{
	only_page_tops &= (phys & (PAGE_SIZE - 1)) == PAGE_SIZE - 4;
	return true;
}

static bool read_page_top(phys_addr_t phys, u32 *val)
{
	return page_top(phys) && arch_ram_probe_ops.read(phys, val);
}

static bool write_page_top(phys_addr_t phys, u32 val)
{
	return page_top(phys) && arch_ram_probe_ops.write(phys, val);
}

static const struct ram_probe_ops page_top_ops = {.read = read_page_top, .write = write_page_top};

/*
 * 2.5 GiB less a page: its halves soon end in part of a page (the 11th in
 * 0xffe), whose last word is no aligned word (the fuzzer found it, a UBSan
 * misaligned load: tests/fuzz/corpus/regression-ram-probe-unaligned-word).
 * The board has 1 GiB, above which reads give 0.
 */
static void ram_probe_tests_page_tops_when_halves_are_not_whole_pages(struct ktap_test *t)
{
	only_page_tops = true;
	KTAP_EXPECT_EQ(t,
		       ram_probe_size(BASE, SZ_2G + SZ_512M - PAGE_SIZE, KNOWN, touch_anything,
				      &page_top_ops),
		       (SZ_2G + SZ_512M - PAGE_SIZE) / 4 / PAGE_SIZE * PAGE_SIZE);
	KTAP_EXPECT_TRUE(t, only_page_tops);
}

/* The boot: a DT claiming 512 MiB on a board with 256 MiB. */
static void ram_probe_at_boot_trims_memblock_and_says_so(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	host_ram_real_end = BASE + SZ_256M;
	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@60000000", BASE, SZ_512M);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_LOG(t, mark,
		   "memory@60000000 claims 0x60000000-0x7fffffff (512 MiB), but only "
		   "0x60000000-0x6fffffff (256 MiB) holds data: using that\n");
	KTAP_EXPECT_EQ(t, memblock_end_of_DRAM(), BASE + SZ_256M);
	KTAP_EXPECT_EQ(t, ram_probe_dropped, SZ_256M);
}

static void ram_probe_at_boot_leaves_a_true_dt_alone(struct ktap_test *t)
{
	static struct dt d;
	size_t mark = printk_log_mark();

	dt_begin(&d, 1, 1);
	dt_memory(&d, "memory@60000000", BASE, SZ_256M);
	KTAP_ASSERT_EQ(t, dt_finish(&d), 0);
	KTAP_ASSERT_EQ(t, dt_boot(&d), 0);
	EXPECT_NO_LOG(t, mark, "holds data");
	KTAP_EXPECT_EQ(t, memblock_end_of_DRAM(), BASE + SZ_256M);
	KTAP_EXPECT_EQ(t, ram_probe_dropped, 0);
}

static struct ktap_case ram_probe_cases[] = {
	KTAP_CASE(ram_probe_finds_a_whole_bank_and_restores_every_word),
	KTAP_CASE(ram_probe_finds_the_end_where_missing_memory_reads_zero),
	KTAP_CASE(ram_probe_finds_the_end_where_missing_memory_faults),
	KTAP_CASE(ram_probe_sees_through_aliases_and_restores_the_aliased_word),
	KTAP_CASE(ram_probe_is_conservative_for_a_size_that_is_no_power_of_two),
	KTAP_CASE(ram_probe_finds_nothing_in_a_bank_with_no_memory),
	KTAP_CASE(ram_probe_never_touches_what_it_must_not),
	KTAP_CASE(ram_probe_of_a_bank_within_what_is_known_tests_nothing),
	KTAP_CASE(ram_probe_tests_page_tops_when_halves_are_not_whole_pages),
	KTAP_CASE(ram_probe_at_boot_trims_memblock_and_says_so),
	KTAP_CASE(ram_probe_at_boot_leaves_a_true_dt_alone),
	{}};

static struct ktap_suite ram_probe_suite = {
	.name = "ram_probe",
	.cases = ram_probe_cases,
	.init = early_boot_suite_init,
	.exit = early_boot_suite_exit,
};
KTAP_SUITE_DEFINE(ram_probe_suite);
