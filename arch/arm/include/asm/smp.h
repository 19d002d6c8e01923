/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bringing up the secondary CPUs: the enable methods, and what a method
 * hands the CPU it starts (Linux's arch/arm/include/asm/smp.h).
 *
 * A method starts one CPU at the physical address of secondary_startup
 * (head.S), with the MMU off, in SVC (or HYP) mode.  It is chosen from the
 * DT (docs/smp.md): the `enable-method` of /cpus or of a cpu node, else the
 * root's `compatible` for boards whose DT names none (vexpress, as Linux's
 * mach code does).  Each method registers itself with one of the two
 * declarations below, in its own file; smp.c finds it in the linker's table.
 */
#ifndef _ASM_SMP_H
#define _ASM_SMP_H

/* struct secondary_data's fields, for head.S. */
#define SECONDARY_DATA_PGDIR 0
#define SECONDARY_DATA_STACK 4
#define SECONDARY_DATA_CPU   8
#define SECONDARY_DATA_MPIDR 12

#ifndef __ASSEMBLY__
#include "compiler.h"
#include "types.h"

/**
 * struct smp_operations - one way of starting secondary CPUs
 * @smp_prepare_cpus: once, on the boot CPU, before any secondary starts;
 *	@max_cpus is how many CPUs may run (maxcpus=, nosmp: 1).  Map the
 *	method's registers and tell the firmware/hardware where to enter.
 * @smp_boot_secondary: release logical CPU @cpu (its MPIDR is
 *	cpu_logical_map(cpu)) into secondary_startup.  0 if the CPU was told
 *	to start (smp.c then waits for it to come online), else a negative
 *	errno, printed as Linux's "CPUn: failed to boot: -errno".
 * @smp_secondary_init: optional; on the new CPU, MMU on, before it is
 *	marked online (versatile's pen: say "I am out").
 */
struct smp_operations {
	int (*smp_boot_secondary)(unsigned int cpu);
	void (*smp_prepare_cpus)(unsigned int max_cpus);
	void (*smp_secondary_init)(unsigned int cpu);
};

/*
 * The table of methods: an entry matches a DT `enable-method` string
 * (Linux's CPU_METHOD_OF_DECLARE) or, with @compatible set, a board whose
 * root node is compatible with it and whose DT names no method.
 */
struct of_cpu_method {
	const char *method;
	const char *compatible;
	const struct smp_operations *ops;
};

#define __CPU_METHOD_ENTRY(name, m, c, o)                                                    \
	static const struct of_cpu_method __cpu_method_of_table_##name __used                \
		__attribute__((section("cpu_method_of_table"), aligned(sizeof(void *)))) = { \
			.method = (m), .compatible = (c), .ops = (o)}

/* CPU_METHOD_OF_DECLARE(name, "enable-method string", &ops) */
#define CPU_METHOD_OF_DECLARE(name, method, ops) __CPU_METHOD_ENTRY(name, method, NULL, ops)
/* SMP_MACHINE_OF_DECLARE(name, "root compatible", &ops): DTs without enable-method */
#define SMP_MACHINE_OF_DECLARE(name, compat, ops) __CPU_METHOD_ENTRY(name, NULL, compat, ops)

/*
 * How long the boot CPU waits for another CPU to answer (to leave a boot
 * method's pen, to come online, to stop): Linux waits 1 s of its
 * calibrated clock; with no calibrated clock yet we count polls of
 * cpu_relax().  Each ends with YIELD, which under QEMU's TCG leaves the
 * translated code: a few seconds for the lot on a busy host, tens of
 * milliseconds on a Cortex-A9 at 1 GHz - ages for a CPU that is coming
 * (it needs microseconds), and short enough that a CPU the DT lists but
 * the machine lacks (QEMU's -smp 1) does not stall the boot.
 */
#define SMP_WAIT_POLLS 10000000u

/* The physical entry point a method hands to the firmware or hardware. */
void secondary_startup(void);

/*
 * What secondary_startup reads, with the MMU off, before it can use
 * anything else (Linux's struct secondary_data): the table to turn the MMU
 * on with (physical), the stack to run C on (virtual), and which logical
 * CPU it is.  Offsets are fixed for head.S.
 */
struct secondary_data {
	u32 pgdir; /* physical address of idmap_pgd */
	u32 stack; /* top of the CPU's SVC stack (virtual) */
	u32 cpu;   /* logical CPU number */
	u32 mpidr; /* the MPIDR[23:0] expected: any other CPU parks */
};
extern struct secondary_data secondary_data;

static_assert(offsetof(struct secondary_data, mpidr) == SECONDARY_DATA_MPIDR,
	      "head.S reads struct secondary_data by these offsets");

/* MPIDR affinity (Linux's cpu_logical_map): logical CPU -> hardware id. */
#define MPIDR_HWID_BITMASK 0xffffffu
#define MPIDR_INVALID	   (~MPIDR_HWID_BITMASK)
extern u32 __cpu_logical_map[];
#define cpu_logical_map(cpu) __cpu_logical_map[cpu]

/* The IPIs, numbered as Linux 6.1's (each is the SGI of the same number). */
enum ipi_msg_type {
	IPI_WAKEUP,
	IPI_TIMER,
	IPI_RESCHEDULE,
	IPI_CALL_FUNC,
	IPI_CPU_STOP,
	NR_IPI,
};

void smp_set_ops(const struct smp_operations *ops);
void sync_cache_w(const void *p, size_t size);
void arch_send_wakeup_ipi_mask(unsigned long cpumask);
void handle_IPI(int ipinr);
/* Counts of IPIs taken per CPU, by type (the smp self-test reads them). */
unsigned long ipi_count(unsigned int cpu, enum ipi_msg_type ipi);

/* setup_arch: /cpus of the DT -> possible CPUs and the enable method. */
void arm_dt_init_cpu_maps(const void *fdt);
void smp_init(void);
void __noreturn secondary_start_kernel(unsigned int cpu, u32 setup_status, u32 entry_mode);

#endif /* __ASSEMBLY__ */
#endif /* _ASM_SMP_H */
