/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ARMv7-A short-descriptor translation table formats (ARM ARM B3.5), with
 * TEX remap off (SCTLR.TRE = 0): memory types are the classic TEX/C/B
 * encodings.  Names follow Linux's pgtable-2level-hwdef.h.
 */
#ifndef _ASM_PGTABLE_HWDEF_H
#define _ASM_PGTABLE_HWDEF_H

/* First level: 4096 entries, each 1 MiB. */
#define PMD_TYPE_MASK	    (3 << 0)
#define PMD_TYPE_FAULT	    (0 << 0)
#define PMD_TYPE_TABLE	    (1 << 0)
#define PMD_TYPE_SECT	    (2 << 0)
#define PMD_SECT_BUFFERABLE (1 << 2)
#define PMD_SECT_CACHEABLE  (1 << 3)
#define PMD_SECT_XN	    (1 << 4)
#define PMD_DOMAIN(x)	    ((x) << 5)
#define PMD_SECT_AP_WRITE   (1 << 10) /* AP[0] */
#define PMD_SECT_AP_READ    (1 << 11) /* AP[1] */
#define PMD_SECT_TEX(x)	    ((x) << 12)
#define PMD_SECT_APX	    (1 << 15) /* AP[2]: read-only */
#define PMD_SECT_S	    (1 << 16)
#define PMD_SECT_nG	    (1 << 17)
#define PMD_SECT_SUPER	    (1 << 18)

/* Memory types for sections. */
#define PMD_SECT_UNCACHED (0)			/* strongly ordered */
#define PMD_SECT_DEVICE	  (PMD_SECT_BUFFERABLE) /* shareable device */
#define PMD_SECT_WBWA                           \
	(PMD_SECT_TEX(1) | PMD_SECT_CACHEABLE | \
	 PMD_SECT_BUFFERABLE) /* normal, write-back write-allocate */

/* Second level: 256 entries, each 4 KiB ("small page"). */
#define PTE_TYPE_MASK  (3 << 0)
#define PTE_TYPE_FAULT (0 << 0)
#define PTE_TYPE_SMALL (2 << 0)
#define PTE_EXT_XN     (1 << 0) /* small page: XN is bit 0 */
#define PTE_BUFFERABLE (1 << 2)
#define PTE_CACHEABLE  (1 << 3)
#define PTE_EXT_AP0    (1 << 4)
#define PTE_EXT_AP1    (2 << 4)
#define PTE_EXT_TEX(x) ((x) << 6)
#define PTE_EXT_APX    (1 << 9)
#define PTE_EXT_SHARED (1 << 10)
#define PTE_EXT_NG     (1 << 11)

#define PTE_EXT_DEVICE (PTE_BUFFERABLE)
#define PTE_EXT_WBWA   (PTE_EXT_TEX(1) | PTE_CACHEABLE | PTE_BUFFERABLE)

/* TTBR0 walk attributes (multiprocessing extensions encoding). */
#define TTB_S		(1 << 1)
#define TTB_RGN_NC	(0 << 3)
#define TTB_RGN_OC_WBWA (1 << 3)
#define TTB_RGN_OC_WT	(2 << 3)
#define TTB_RGN_OC_WB	(3 << 3)
#define TTB_NOS		(1 << 5)
#define TTB_IRGN_NC	((0 << 0) | (0 << 6))
#define TTB_IRGN_WBWA	((0 << 0) | (1 << 6))
#define TTB_IRGN_WT	((1 << 0) | (0 << 6))
#define TTB_IRGN_WB	((1 << 0) | (1 << 6))

#define TTB_FLAGS_UP	(TTB_IRGN_WB | TTB_RGN_OC_WB)
#define TTB_FLAGS_SMP	(TTB_IRGN_WBWA | TTB_S | TTB_NOS | TTB_RGN_OC_WBWA)

/* SCTLR bits we set or check. */
#define CR_M   (1 << 0)	 /* MMU enable */
#define CR_A   (1 << 1)	 /* alignment fault checking */
#define CR_C   (1 << 2)	 /* data cache */
#define CR_Z   (1 << 11) /* branch prediction */
#define CR_I   (1 << 12) /* instruction cache */
#define CR_V   (1 << 13) /* high vectors */
#define CR_TRE (1 << 28)
#define CR_AFE (1 << 29)
#define CR_TE  (1 << 30)

/* Fault status (DFSR/IFSR short-descriptor format): FS[4] is bit 10. */
#define FSR_FS(fsr)	     ((((fsr) >> 6) & 0x10) | ((fsr)&0xf))
#define FSR_WNR		     (1 << 11)
#define FSR_FS_ALIGN	     0x01
#define FSR_FS_TRANS_SECTION 0x05
#define FSR_FS_TRANS_PAGE    0x07
#define FSR_FS_PERM_SECTION  0x0d
#define FSR_FS_PERM_PAGE     0x0f

#endif /* _ASM_PGTABLE_HWDEF_H */
