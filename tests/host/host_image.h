/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A pretend kernel image for host builds: include/sections.h's symbols
 * (_text ... _end) are char pointers on the host (defined in
 * host_sections.c), and this places them inside the simulated RAM at a
 * chosen load address with any section offsets, such as those of
 * build/kernel.elf, so __pa(_text) and __pa(_end) are the physical
 * addresses the real image would have.
 */
#ifndef _HOST_IMAGE_H
#define _HOST_IMAGE_H

#include "types.h"

/* The section symbols, in the order of enum host_image_sym. */
enum host_image_sym {
	IMG_TEXT,
	IMG_STEXT,
	IMG_ETEXT,
	IMG_START_RODATA,
	IMG_END_RODATA,
	IMG_INIT_BEGIN,
	IMG_INIT_END,
	IMG_SDATA,
	IMG_EDATA,
	IMG_BSS_START,
	IMG_BSS_STOP,
	IMG_END,
	IMG_NR_SYMS
};

/* Their names as the linker script spells them. */
extern const char *const host_image_sym_names[IMG_NR_SYMS];

/**
 * struct host_image_layout - section boundaries as offsets from _text
 * @offset: byte offset of each symbol from _text (offset[IMG_TEXT] is 0)
 */
struct host_image_layout {
	u32 offset[IMG_NR_SYMS];
};

/* A plausible small image (512 KiB): 256K text, 64K rodata, 64K init, 32K data, 96K BSS. */
extern const struct host_image_layout host_image_default_layout;

/**
 * host_image_place - point the section symbols at @load in the simulated RAM
 * @load: physical load address (where _text is); must be inside host RAM
 * @layout: the section offsets
 */
void host_image_place(phys_addr_t load, const struct host_image_layout *layout);

/** host_image_size - bytes from _text to _end of @layout */
static inline u32 host_image_size(const struct host_image_layout *layout)
{
	return layout->offset[IMG_END];
}

#endif /* _HOST_IMAGE_H */
