/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Which way a DMA transfer goes (Linux's linux/dma-direction.h): an enum
 * for C, and the same numbers for the cache routines in assembly.
 */
#ifndef _ASM_DMA_DIRECTION_H
#define _ASM_DMA_DIRECTION_H

#ifdef __ASSEMBLY__
#define DMA_BIDIRECTIONAL 0
#define DMA_TO_DEVICE	  1
#define DMA_FROM_DEVICE	  2
#else
enum dma_data_direction {
	DMA_BIDIRECTIONAL = 0, /* the device reads and writes */
	DMA_TO_DEVICE = 1,     /* the device reads what the CPU wrote */
	DMA_FROM_DEVICE = 2,   /* the device writes, the CPU reads afterwards */
	DMA_NONE = 3,
};
#endif

#endif /* _ASM_DMA_DIRECTION_H */
