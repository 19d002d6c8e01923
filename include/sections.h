/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel image's section boundaries (Linux's asm-generic/sections.h).
 * On the target they are linker symbols from linker.ld.  The host build
 * (mmsim, host tests) has no kernel image, so there they are pointers that
 * the harness sets to a pretend image placed in the simulated RAM; code
 * uses both the same way, as char * expressions.
 */
#ifndef _SECTIONS_H
#define _SECTIONS_H

#ifdef CONFIG_HOST_BUILD
/*
 * GNU ld's default script assigns _edata, __bss_start and _end of the host
 * program itself, overriding C variables of those names, so host builds
 * spell every section symbol with a host_ prefix (defined in
 * tests/host/host_image.c).  Code still writes _end.
 */
#define _text		     host__text
#define _stext		     host__stext
#define _etext		     host__etext
#define __start_rodata	     host___start_rodata
#define __end_rodata	     host___end_rodata
#define __init_begin	     host___init_begin
#define __init_end	     host___init_end
#define _sdata		     host__sdata
#define _edata		     host__edata
#define __bss_start	     host___bss_start
#define __bss_stop	     host___bss_stop
#define _end		     host__end
#define SECTION_SYMBOL(name) extern char *name
#else
#define SECTION_SYMBOL(name) extern char name[]
#endif

SECTION_SYMBOL(_text);		/* start of the image (head.S) */
SECTION_SYMBOL(_stext);		/* start of kernel text */
SECTION_SYMBOL(_etext);		/* end of kernel text */
SECTION_SYMBOL(__start_rodata); /* start of read-only data */
SECTION_SYMBOL(__end_rodata);	/* end of read-only data */
SECTION_SYMBOL(__init_begin);	/* start of init code and data */
SECTION_SYMBOL(__init_end);	/* end of init code and data */
SECTION_SYMBOL(_sdata);		/* start of read-write data */
SECTION_SYMBOL(_edata);		/* end of read-write data */
SECTION_SYMBOL(__bss_start);	/* start of BSS */
SECTION_SYMBOL(__bss_stop);	/* end of BSS */
SECTION_SYMBOL(_end);		/* end of the image, BSS included */

#undef SECTION_SYMBOL

#endif /* _SECTIONS_H */
