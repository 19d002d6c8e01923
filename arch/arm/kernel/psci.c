// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI, the firmware interface ARM machines power off through
 * (drivers/firmware/psci/psci.c): found in the DT's psci node, called with
 * SMC or HVC as its "method" says.  Only what power-off needs: the
 * version, for the log, and SYSTEM_OFF.  PSCI 0.1 (compatible "arm,psci")
 * has no SYSTEM_OFF; with it, power-off falls through to the next way.
 */
#define pr_fmt(fmt) "psci: " fmt

#include "kernel.h"
#include "printk.h"
#include "of_fdt.h"
#include <asm/psci.h>
#include <libfdt.h>
#include <string.h>

#define PSCI_0_2_FN_PSCI_VERSION 0x84000000u
#define PSCI_0_2_FN_SYSTEM_OFF	 0x84000008u

enum psci_conduit { PSCI_CONDUIT_NONE, PSCI_CONDUIT_SMC, PSCI_CONDUIT_HVC };

static enum psci_conduit conduit;

static u32 psci_invoke(u32 fn)
{
	register u32 r0 __asm__("r0") = fn;
	register u32 r1 __asm__("r1") = 0;
	register u32 r2 __asm__("r2") = 0;
	register u32 r3 __asm__("r3") = 0;

	/* SMC Calling Convention: r0-r3 in and out, r4-r14 preserved. */
	if (conduit == PSCI_CONDUIT_HVC)
		__asm__ __volatile__(".arch_extension virt\n\thvc #0"
				     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3)
				     :
				     : "memory");
	else
		__asm__ __volatile__(".arch_extension sec\n\tsmc #0"
				     : "+r"(r0), "+r"(r1), "+r"(r2), "+r"(r3)
				     :
				     : "memory");
	return r0;
}

static int psci_node(const void *fdt, bool *v0_1)
{
	static const char *const compatibles[] = {"arm,psci-1.0", "arm,psci-0.2", "arm,psci"};

	for (size_t i = 0; i < ARRAY_SIZE(compatibles); i++) {
		int node = fdt_node_offset_by_compatible(fdt, -1, compatibles[i]);

		if (node >= 0) {
			*v0_1 = i == ARRAY_SIZE(compatibles) - 1;
			return node;
		}
	}
	return -FDT_ERR_NOTFOUND;
}

/**
 * psci_dt_init - find PSCI in the DT and ask the firmware its version
 * @fdt: the device tree
 *
 * Prints Linux's "psci: probing for conduit method from DT." and
 * "psci: PSCIv1.1 detected in firmware."; a psci node whose method is
 * neither "smc" nor "hvc" is reported and ignored.
 */
void psci_dt_init(const void *fdt)
{
	const char *method;
	bool v0_1;
	int node = psci_node(fdt, &v0_1), len;
	u32 ver;

	conduit = PSCI_CONDUIT_NONE;
	if (node < 0 || !of_fdt_device_is_available(fdt, node))
		return;
	pr_info("probing for conduit method from DT.\n");
	method = fdt_getprop(fdt, node, "method", &len);
	if (!method || len <= 0 || !memchr(method, '\0', (size_t)len)) {
		pr_warn("missing \"method\" property\n");
		return;
	}
	if (!strcmp(method, "smc")) {
		conduit = PSCI_CONDUIT_SMC;
	} else if (!strcmp(method, "hvc")) {
		conduit = PSCI_CONDUIT_HVC;
	} else {
		pr_warn("invalid \"method\" property: %s\n", method);
		return;
	}
	if (v0_1) {
		/* No SYSTEM_OFF before PSCI 0.2: nothing here to use. */
		pr_info("Using PSCI v0.1 Function IDs from DT (no SYSTEM_OFF)\n");
		conduit = PSCI_CONDUIT_NONE;
		return;
	}
	ver = psci_invoke(PSCI_0_2_FN_PSCI_VERSION);
	pr_info("PSCIv%u.%u detected in firmware.\n", ver >> 16, ver & 0xffff);
}

/** psci_system_off - ask the firmware to power off; returns only if it did not */
void psci_system_off(void)
{
	if (conduit != PSCI_CONDUIT_NONE)
		psci_invoke(PSCI_0_2_FN_SYSTEM_OFF);
}
