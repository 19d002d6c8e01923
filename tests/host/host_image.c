// SPDX-License-Identifier: GPL-2.0
/*
 * The pretend kernel image of host builds: see host_image.h.  The section
 * symbols themselves are defined in host_sections.c; this file places them
 * from a layout (the default one, or build/kernel.elf's in mmsim).
 */
#include "host_image.h"
#include "sections.h" /* host: the names are macros for host_* variables */
#include <asm/memory.h>

const char *const host_image_sym_names[IMG_NR_SYMS] = {
	"_text",      "_stext", "_etext", "__start_rodata", "__end_rodata", "__init_begin",
	"__init_end", "_sdata", "_edata", "__bss_start",    "__bss_stop",   "_end",
};

const struct host_image_layout host_image_default_layout = {
	.offset = {0x00000, 0x00000, 0x40000, 0x40000, 0x50000, 0x50000, 0x60000, 0x60000, 0x68000,
		   0x68000, 0x80000, 0x80000},
};

void host_image_place(phys_addr_t load, const struct host_image_layout *layout)
{
	char **const syms[IMG_NR_SYMS] = {
		&_text,	     &_stext, &_etext, &__start_rodata, &__end_rodata, &__init_begin,
		&__init_end, &_sdata, &_edata, &__bss_start,	&__bss_stop,   &_end};
	char *text = __va(load);

	for (int i = 0; i < IMG_NR_SYMS; i++)
		*syms[i] = text + layout->offset[i];
}
