/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Early boot parameters, with Linux's names: a subsystem declares
 *
 *	static int __init early_mem(char *val) { ... return 0; }
 *	early_param("mem", early_mem);
 *
 * and parse_early_param() calls early_mem("64M") for "mem=64M" on the
 * command line.  The declarations are collected by the linker in the
 * section "early_params", bounded by __start_early_params and
 * __stop_early_params (GNU ld makes those for the host; linker.ld for the
 * target), so the parser knows every parameter without a central list.
 */
#ifndef _INIT_H
#define _INIT_H

#include "compiler.h"
#include "cmdline.h"

/*
 * Code and data only needed during boot.  Empty for now: nothing frees
 * the init sections yet, and an attribute that does nothing is better than
 * one that places code in a section the linker script might drop.
 */
#ifndef __init
#define __init
#endif
#ifndef __initdata
#define __initdata
#endif

/**
 * struct obs_kernel_param - one boot parameter handler
 * @str: the parameter's name, without '=' ("mem")
 * @setup_func: called with the value (NULL for a bare "name"); returns 0,
 *              or non-zero for a malformed value, which the parser reports
 * @early: handled by parse_early_param() (all of ours are)
 */
struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *val);
	int early;
};

#define __setup_param(str, unique_id, fn, early)                                                  \
	static const char __setup_str_##unique_id[] = str;                                        \
	static const struct obs_kernel_param __setup_##unique_id __used __section("early_params") \
		__aligned(sizeof(void *)) = {__setup_str_##unique_id, fn, early}

/* Register @fn as the handler of boot parameter @str. */
#define early_param(str, fn) __setup_param(str, fn, fn, 1)

void parse_early_param(void);

void parse_early_options(char *cmdline);

void early_params_reset(void);

#endif /* _INIT_H */
