/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The early boot's state on the host.  The kernel boots once; the host
 * suites and the fuzzer boot many times, so every module that keeps boot
 * state has its own reset, and this runs them all in one place.
 */
#ifndef _HOST_BOOT_H
#define _HOST_BOOT_H

/* Each function's kernel-doc is on its definition, in host_boot.c. */
void host_early_boot_reset(void);
void host_page_alloc_reset_tunables(void);

#endif /* _HOST_BOOT_H */
