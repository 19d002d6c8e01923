// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel image's section symbols for the host build (include/sections.h
 * makes them char * there).  Host tests have no image, so they lay out a
 * pretend one in simulated RAM with host_sections_setup(); until then all
 * are NULL and every section is empty.
 */
#include "sections.h"
#include "kernel.h"
#include "host_mm.h"
#include <asm/memory.h>

char *_text, *_stext, *_etext;
char *__start_rodata, *__end_rodata;
char *__init_begin, *__init_end;
char *_sdata, *_edata;
char *__bss_start, *__bss_stop;
char *_end;

/**
 * host_sections_setup - lay out a pretend kernel image at @base
 * @base: physical start inside simulated RAM
 * @text: bytes of text; @rodata, @init, @data, @bss likewise, in ARM's order
 */
void host_sections_setup(phys_addr_t base, unsigned long text, unsigned long rodata,
			 unsigned long init, unsigned long data, unsigned long bss)
{
	/* In the order of ARM's vmlinux.lds: text, rodata, init, data, bss. */
	char *p = host_ram ? (char *)__va(base) : NULL;

	_text = _stext = p;
	_etext = p += text;
	__start_rodata = p;
	__end_rodata = p += rodata;
	__init_begin = p;
	__init_end = p += init;
	_sdata = p;
	_edata = p += data;
	__bss_start = p;
	__bss_stop = p += bss;
	_end = p;
}

/** host_sections_reset - every section empty again (all symbols NULL) */
void host_sections_reset(void)
{
	_text = _stext = _etext = NULL;
	__start_rodata = __end_rodata = NULL;
	__init_begin = __init_end = NULL;
	_sdata = _edata = NULL;
	__bss_start = __bss_stop = NULL;
	_end = NULL;
}
