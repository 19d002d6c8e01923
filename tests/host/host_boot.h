/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The early boot's state on the host.  The kernel boots once; the host
 * suites and the fuzzer boot many times, so every module that keeps boot
 * state has its own reset, and this runs them all in one place.
 */
#ifndef _HOST_BOOT_H
#define _HOST_BOOT_H

/**
 * host_early_boot_reset - every early-boot module as a fresh boot finds it
 *
 * memblock (and memblock=debug), the early parameters, the reserved-memory
 * table, mem=/vmalloc=/cma= and the CMA areas, the recorded lowmem split,
 * and the console log level.  RAM and the kernel image are the caller's.
 */
void host_early_boot_reset(void);

/**
 * host_page_alloc_reset_tunables - the page allocator's tunables as a boot finds them
 *
 * min_free_kbytes (and no user value), watermark_scale_factor, the lowmem
 * reserve ratio and page poisoning off: mm/watermark.c's and
 * page_poison.c's initial values, for suites that change them.
 */
void host_page_alloc_reset_tunables(void);

#endif /* _HOST_BOOT_H */
