// SPDX-License-Identifier: GPL-2.0
/*
 * PSCI, the firmware interface ARM machines power CPUs on and off through
 * (drivers/firmware/psci/psci.c): found in the DT's psci node, called with
 * SMC or HVC as its "method" says.  What a9mm uses: the version, for the
 * log, CPU_ON to start the secondary CPUs (psci_smp.c) and SYSTEM_OFF.
 * PSCI 0.2 and later have fixed function IDs; PSCI 0.1 (compatible
 * "arm,psci") takes them from the node's "cpu_on" property and has no
 * SYSTEM_OFF, so power-off falls through to the next way there.
 */
#define pr_fmt(fmt) "psci: " fmt

#include "kernel.h"
#include "printk.h"
#include "of_fdt.h"
#include "errno-base.h"
#include <asm/psci.h>
#include <libfdt.h>
#include <string.h>

#define PSCI_0_2_FN_PSCI_VERSION 0x84000000u
#define PSCI_0_2_FN_CPU_ON	 0x84000003u /* the SMC32 form: we are AArch32 */
#define PSCI_0_2_FN_SYSTEM_OFF	 0x84000008u

/* The return codes PSCI 1.1 defines (Linux's PSCI_RET_*), as signed values. */
#define PSCI_RET_SUCCESS	 0
#define PSCI_RET_NOT_SUPPORTED	 -1
#define PSCI_RET_INVALID_PARAMS	 -2
#define PSCI_RET_DENIED		 -3
#define PSCI_RET_INVALID_ADDRESS -9

enum psci_conduit { PSCI_CONDUIT_NONE, PSCI_CONDUIT_SMC, PSCI_CONDUIT_HVC };

static enum psci_conduit conduit;
static u32 psci_fn_cpu_on;	 /* 0: the firmware offers no CPU_ON */
static bool psci_has_system_off; /* PSCI 0.2 and later */

static u32 psci_invoke(u32 fn, u32 arg0, u32 arg1, u32 arg2)
{
	register u32 r0 __asm__("r0") = fn;
	register u32 r1 __asm__("r1") = arg0;
	register u32 r2 __asm__("r2") = arg1;
	register u32 r3 __asm__("r3") = arg2;

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

/* PSCI 0.1: the function IDs are the firmware's own, from the node. */
static void psci_0_1_init(const void *fdt, int node)
{
	const fdt32_t *id;
	int len;

	pr_info("Using PSCI v0.1 Function IDs from DT\n");
	id = fdt_getprop(fdt, node, "cpu_on", &len);
	if (!id) {
		pr_warn("no \"cpu_on\" function ID in %s: secondary CPUs cannot be started\n",
			fdt_get_name(fdt, node, NULL));
		return;
	}
	if (len != sizeof(*id)) {
		pr_warn("\"cpu_on\" in %s is %d bytes, not one cell: secondary CPUs cannot be "
			"started\n",
			fdt_get_name(fdt, node, NULL), len);
		return;
	}
	psci_fn_cpu_on = fdt32_to_cpu(*id);
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
	psci_fn_cpu_on = 0;
	psci_has_system_off = false;
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
		psci_0_1_init(fdt, node);
		return;
	}
	ver = psci_invoke(PSCI_0_2_FN_PSCI_VERSION, 0, 0, 0);
	pr_info("PSCIv%u.%u detected in firmware.\n", ver >> 16, ver & 0xffff);
	psci_fn_cpu_on = PSCI_0_2_FN_CPU_ON;
	psci_has_system_off = true;
}

static const char *psci_ret_name(int ret)
{
	static const char *const names[] = {
		"SUCCESS",    "NOT_SUPPORTED",	 "INVALID_PARAMETERS", "DENIED",
		"ALREADY_ON", "ON_PENDING",	 "INTERNAL_FAILURE",   "NOT_PRESENT",
		"DISABLED",   "INVALID_ADDRESS",
	};

	if (ret <= 0 && -ret < (int)ARRAY_SIZE(names))
		return names[-ret];
	return "not a PSCI return code";
}

/* Linux's psci_to_linux_errno(). */
static int psci_to_linux_errno(int ret)
{
	switch (ret) {
	case PSCI_RET_SUCCESS:
		return 0;
	case PSCI_RET_NOT_SUPPORTED:
		return -EOPNOTSUPP;
	case PSCI_RET_INVALID_PARAMS:
	case PSCI_RET_INVALID_ADDRESS:
		return -EINVAL;
	case PSCI_RET_DENIED:
		return -EPERM;
	}
	return -EINVAL;
}

/** psci_cpu_on_available - does the firmware offer CPU_ON (Linux's psci_ops.cpu_on)? */
bool psci_cpu_on_available(void)
{
	return conduit != PSCI_CONDUIT_NONE && psci_fn_cpu_on;
}

/**
 * psci_cpu_on - ask the firmware to start a CPU
 * @cpuid: the CPU's MPIDR affinity (the reg of its DT cpu node)
 * @entry_point: the physical address it starts at, MMU off
 *
 * Returns 0 when the firmware accepted, else a negative errno as Linux's
 * psci_to_linux_errno() maps the PSCI code; a refusal is printed with the
 * CPU, the PSCI code and its name (the code alone says more than the errno:
 * ALREADY_ON and ON_PENDING both become -EINVAL).
 */
int psci_cpu_on(u32 cpuid, unsigned long entry_point)
{
	int ret;

	if (!psci_cpu_on_available())
		return -EOPNOTSUPP;
	ret = (int)psci_invoke(psci_fn_cpu_on, cpuid, (u32)entry_point, 0);
	if (ret != PSCI_RET_SUCCESS)
		pr_err("CPU_ON (0x%08x) for MPIDR 0x%x at 0x%08lx refused: %d (%s)\n",
		       psci_fn_cpu_on, cpuid, entry_point, ret, psci_ret_name(ret));
	return psci_to_linux_errno(ret);
}

/** psci_system_off - ask the firmware to power off; returns only if it did not */
void psci_system_off(void)
{
	if (psci_has_system_off)
		psci_invoke(PSCI_0_2_FN_SYSTEM_OFF, 0, 0, 0);
}
