// SPDX-License-Identifier: GPL-2.0
/*
 * Secondary CPUs: bringing them up, and IPIs between the CPUs (Linux's
 * arch/arm/kernel/smp.c and, for the cross-calls, kernel/smp.c).
 *
 * smp_init(), on the boot CPU after the mm core is up: for each possible
 * CPU the DT's /cpus named (devtree.c), up to maxcpus=, allocate its stack,
 * hand the enable method (asm/smp.h) the CPU to release into head.S's
 * secondary_startup, and wait - bounded - for it to mark itself online.
 * The new CPU turns its MMU on with a copy of the kernel's tables plus an
 * identity map of the MMU switch (idmap_pgd, as Linux), moves to the
 * kernel's own tables, sets its per-CPU offset, exception stacks and GIC
 * interface, prints Linux's "CPUn: thread ..." line, goes online and idles
 * in WFI taking IPIs.  docs/smp.md says what each step does on silicon.
 */
#include "gfp.h"
#include "init.h"
#include "kernel.h"
#include "mm.h"
#include "percpu.h"
#include "printk.h"
#include "sections.h"
#include "smp.h"
#include "spinlock.h"
#include <asm/barrier.h>
#include <asm/cache.h>
#include <asm/cacheflush.h>
#include <asm/cp15.h>
#include <asm/gic.h>
#include <asm/memory.h>
#include <asm/mmu.h>
#include <asm/outercache.h>
#include <asm/pgtable-hwdef.h>
#include <asm/pgtable.h>
#include <asm/proc-v7.h>
#include <asm/processor.h>
#include <asm/ptrace.h>
#include <asm/setup.h>
#include <asm/smp.h>
#include <asm/tlbflush.h>
#include <string.h>

/* One cache line, so that one clean publishes it whole (asm/smp.h). */
struct secondary_data secondary_data __aligned(SMP_CACHE_BYTES);
u32 __cpu_logical_map[NR_CPUS] = {[0 ... NR_CPUS - 1] = MPIDR_INVALID};
static struct smp_operations smp_ops;

/* maxcpus= / nosmp: how many CPUs may run (Linux's setup_max_cpus). */
static unsigned int setup_max_cpus = NR_CPUS;

static int __init nosmp(char *val)
{
	(void)val;
	setup_max_cpus = 0;
	return 0;
}
early_param("nosmp", nosmp);

static int __init maxcpus(char *val)
{
	int n;

	if (early_param_int("maxcpus", val, 0, 0x7fffffff, &n))
		return -EINVAL;
	setup_max_cpus = (unsigned int)n;
	return 0;
}
early_param("maxcpus", maxcpus);

/**
 * smp_set_ops - use @ops to start the secondary CPUs
 * @ops: the enable method devtree.c chose from the DT
 */
void smp_set_ops(const struct smp_operations *ops)
{
	smp_ops = *ops;
}

/**
 * sync_cache_w - publish memory to a CPU that reads it with its caches off
 * @p: the start (a kernel lowmem address)
 * @size: its size in bytes
 *
 * Linux's __sync_cache_range_w: clean the L1 lines to the point of
 * coherency, then the outer cache (PL310), so memory itself holds it.
 */
void sync_cache_w(const void *p, size_t size)
{
	v7_dma_clean_range(p, (const char *)p + size);
	outer_clean_range(__pa(p), __pa(p) + size);
}

/* Linux's store_cpu_topology: the "CPUn: thread -1, cpu n, socket 0, mpidr ..." line. */
static void store_cpu_topology(unsigned int cpu)
{
	u32 mpidr = read_mpidr();
	int thread = -1, core = 0, socket = -1;

	if ((mpidr & (MPIDR_MP_EXT | MPIDR_UP)) == MPIDR_MP_EXT) {
		if (mpidr & (1u << 24)) { /* MT: affinity 0 is a thread */
			thread = mpidr & 0xff;
			core = (mpidr >> 8) & 0xff;
			socket = (mpidr >> 16) & 0xff;
		} else {
			core = mpidr & 0xff;
			socket = (mpidr >> 8) & 0xff;
		}
	}
	pr_info("CPU%u: thread %d, cpu %d, socket %d, mpidr %x\n", cpu, thread, core, socket,
		mpidr);
}

/*
 * Linux's idmap_pgd: the kernel's first-level table with the few
 * instructions that turn the MMU on mapped one-to-one too, for a CPU whose
 * MMU is off.  A separate table rather than an identity section in the
 * kernel's own: that one would map (part of) RAM at a user address for
 * every CPU, for good.  A secondary leaves it right after the switch.
 */
static u32 *idmap_pgd;
extern char __idmap_text_start[], __idmap_text_end[];

static int __init init_static_idmap(void)
{
	phys_addr_t start = __pa(__idmap_text_start), end = __pa(__idmap_text_end);
	struct page *page = alloc_pages(GFP_KERNEL, 2); /* 16 KiB, aligned to 16 KiB */

	if (!page)
		return -ENOMEM;
	idmap_pgd = page_address(page);
	memcpy(idmap_pgd, kernel_pgd, PGD_TABLE_SIZE);
	pr_info("Setting up static identity map for 0x%llx - 0x%llx\n", (unsigned long long)start,
		(unsigned long long)end);
	for (phys_addr_t s = start & SECTION_MASK; s < end; s += SECTION_SIZE) {
		if (s >= PAGE_OFFSET) /* would hide the kernel's own mapping of it */
			pr_warn("smp: identity section 0x%llx overlaps the kernel's addresses\n",
				(unsigned long long)s);
		idmap_pgd[s >> SECTION_SHIFT] =
			(u32)s | PMD_TYPE_SECT | PMD_SECT_AP_WRITE |
			(cpu_smp ? PMD_SECT_WBWA | PMD_SECT_S : PMD_SECT_WBWA);
	}
	/* The secondary's walker reads it with its caches off. */
	sync_cache_w(idmap_pgd, PGD_TABLE_SIZE);
	return 0;
}

static void __init free_static_idmap(void)
{
	if (idmap_pgd)
		free_pages((unsigned long)idmap_pgd, 2);
	idmap_pgd = NULL;
}

/* Each secondary's SVC stack (Linux's idle thread stack, THREAD_SIZE). */
#define THREAD_SIZE_ORDER 1
#define THREAD_SIZE	  (PAGE_SIZE << THREAD_SIZE_ORDER)
static void *cpu_stack[NR_CPUS];

/*
 * Linux's __cpu_up: hand the method the CPU, wait for it to be online.
 * A CPU late past the wait cannot run wild: secondary_data is cleared, and
 * secondary_startup parks a CPU that finds an MPIDR other than its own.
 */
static int __cpu_up(unsigned int cpu)
{
	int ret;

	if (!smp_ops.smp_boot_secondary)
		return -ENOSYS;
	if (!cpu_stack[cpu])
		cpu_stack[cpu] = (void *)__get_free_pages(GFP_KERNEL, THREAD_SIZE_ORDER);
	if (!cpu_stack[cpu])
		return -ENOMEM;

	secondary_data.pgdir = (u32)__pa(idmap_pgd);
	secondary_data.stack = (u32)cpu_stack[cpu] + THREAD_SIZE;
	secondary_data.cpu = cpu;
	secondary_data.mpidr = cpu_logical_map(cpu);
	sync_cache_w(&secondary_data, sizeof(secondary_data));

	ret = smp_ops.smp_boot_secondary(cpu);
	if (ret == 0) {
		for (unsigned int n = 0; n < SMP_WAIT_POLLS && !cpu_online(cpu); n++)
			cpu_relax();
		if (!cpu_online(cpu)) {
			pr_crit("CPU%u: failed to come online\n", cpu);
			ret = -EIO;
		}
	} else {
		pr_err("CPU%u: failed to boot: %d\n", cpu, ret);
	}
	memset(&secondary_data, 0, sizeof(secondary_data));
	sync_cache_w(&secondary_data, sizeof(secondary_data));
	return ret;
}

/*
 * Each CPU's exception-mode stacks (Linux's cpu_init): entry.S saves on
 * the SVC stack at once, so three words per mode are enough.
 */
static u32 mode_stacks[NR_CPUS][3][4] __aligned(8);

static void cpu_init_mode_stacks(unsigned int cpu)
{
	u32 *irq = mode_stacks[cpu][0] + 4, *abt = mode_stacks[cpu][1] + 4,
	    *und = mode_stacks[cpu][2] + 4;

	__asm__ __volatile__("cps %[irqm]\n\tmov sp, %[irq]\n\t"
			     "cps %[abtm]\n\tmov sp, %[abt]\n\t"
			     "cps %[undm]\n\tmov sp, %[und]\n\t"
			     "cps %[fiqm]\n\tmov sp, %[irq]\n\t"
			     "cps %[svcm]"
			     :
			     : [irq] "r"(irq), [abt] "r"(abt), [und] "r"(und), [irqm] "I"(IRQ_MODE),
			       [abtm] "I"(ABT_MODE), [undm] "I"(UND_MODE), [fiqm] "I"(FIQ_MODE),
			       [svcm] "I"(SVC_MODE)
			     : "memory");
}

/* A secondary started in another mode than the boot CPU (Linux's BOOT_CPU_MODE_MISMATCH). */
static bool cpu_mode_mismatch;

/* Linux's hyp_mode_check: the mode every CPU was started in. */
static void hyp_mode_check(void)
{
	u32 mode = __boot_cpu_mode & MODE_MASK;

	if (READ_ONCE(cpu_mode_mismatch)) {
		pr_warn("CPU: WARNING: CPU(s) started in wrong/inconsistent modes (primary CPU "
			"mode "
			"0x%x)\n",
			mode);
		pr_warn("CPU: This may indicate a broken bootloader or firmware.\n");
	} else if (mode == HYP_MODE) {
		pr_info("CPU: All CPU(s) started in HYP mode.\n");
		pr_info("CPU: Virtualization extensions available.\n");
	} else {
		pr_info("CPU: All CPU(s) started in SVC mode.\n");
	}
}

/**
 * secondary_start_kernel - a secondary CPU's first C (from secondary_startup)
 * @cpu: its logical number, as secondary_data said when it started
 * @setup_status: what __v7_setup (proc-v7.S) did, for cpu_v7_check_setup
 * @entry_mode: the CPU mode it was started in (SVC or HYP)
 *
 * MMU on through idmap_pgd, on the stack __cpu_up allocated, interrupts
 * masked.  Never returns: the CPU idles, taking IPIs, until stopped.
 */
void secondary_start_kernel(unsigned int cpu, u32 setup_status, u32 entry_mode)
{
	cpu_switch_tables(kernel_pgd); /* off the identity map; high vectors */
	set_my_cpu_offset(per_cpu_offset(cpu));
	cpu_v7_check_setup(cpu, setup_status);
	l2c310_starting_cpu(); /* this CPU's part of the PL310 setup (full line of zeros) */
	cpu_init_mode_stacks(cpu);
	if (smp_ops.smp_secondary_init)
		smp_ops.smp_secondary_init(cpu);
	gic_cpu_init(cpu);
	store_cpu_topology(cpu);
	if (entry_mode != (__boot_cpu_mode & MODE_MASK))
		WRITE_ONCE(cpu_mode_mismatch, true);
	set_cpu_online(cpu, true);

	local_irq_enable();
	for (;;) {
		arch_cpu_idle_enter(); /* PL310 erratum 769419: drain the store buffer */
		__asm__ __volatile__("wfi" ::: "memory");
	}
}

/*
 * Linux's smp_prepare_cpus: the boot CPU's line, then the method's own
 * preparation, only if some secondary will be started.
 */
static void __init smp_prepare_cpus(unsigned int max_cpus)
{
	unsigned int ncores = num_possible_cpus();

	store_cpu_topology(0);
	if (max_cpus > ncores)
		max_cpus = ncores;
	if (ncores > 1 && max_cpus) {
		unsigned int cpu;

		for_each_possible_cpu (cpu) /* Linux's init_cpu_present(cpu_possible_mask) */
			set_cpu_present(cpu, true);
		if (smp_ops.smp_prepare_cpus)
			smp_ops.smp_prepare_cpus(max_cpus);
	}
}

/**
 * smp_init - bring up the secondary CPUs (Linux's smp_init + smp_cpus_done)
 *
 * On the boot CPU once the page allocator and vmalloc serve (stacks,
 * idmap_pgd, ioremap of the GIC and the method's registers), before the
 * self-tests.  A CPU that does not start is reported and left out.
 */
void __init smp_init(void)
{
	unsigned int cpu, n;

	if (gic_of_init(initial_boot_params))
		pr_warn("smp: no usable GIC in the device tree: no IPIs, no secondary CPUs\n");
	else
		local_irq_enable(); /* the boot CPU takes IPIs from here on */
	smp_prepare_cpus(setup_max_cpus);
	if (init_static_idmap())
		pr_err("smp: no memory for the identity map: no secondary CPUs\n");

	pr_info("smp: Bringing up secondary CPUs ...\n");
	for_each_present_cpu (cpu) {
		if (num_online_cpus() >= setup_max_cpus)
			break;
		if (cpu_online(cpu) || !idmap_pgd || !gic_present())
			continue;
		/* Linux's CPUHP_PAGE_ALLOC: the pcp lists' share, before and after. */
		page_alloc_cpu_online(cpu);
		if (__cpu_up(cpu))
			page_alloc_cpu_dead(cpu);
	}
	free_static_idmap();
	n = num_online_cpus();
	pr_info("smp: Brought up 1 node, %u CPU%s\n", n, n > 1 ? "s" : "");
	/* Linux adds the summed BogoMIPS; we calibrate no delay loop. */
	pr_info("SMP: Total of %u processors activated.\n", n);
	hyp_mode_check();
}

/* ------------------------------------------------------------------ IPIs */

static unsigned long ipi_counts[NR_CPUS][NR_IPI];

/**
 * ipi_count - how many IPIs of type @ipi @cpu has taken
 * @cpu: logical CPU
 * @ipi: IPI_*
 */
unsigned long ipi_count(unsigned int cpu, enum ipi_msg_type ipi)
{
	return READ_ONCE(ipi_counts[cpu][ipi]);
}

static void smp_cross_call(unsigned long cpumask, enum ipi_msg_type ipi)
{
	gic_send_sgi(cpumask, ipi);
}

/**
 * arch_send_wakeup_ipi_mask - wake CPUs a boot method parked in WFI
 * @cpumask: logical CPUs (bit n: CPU n)
 */
void arch_send_wakeup_ipi_mask(unsigned long cpumask)
{
	smp_cross_call(cpumask, IPI_WAKEUP);
}

/*
 * A cross-call, Linux's call_single_data: queued on the target CPU,
 * locked (CSD_FLAG_LOCK) from queueing until the function has run (a
 * waiting caller) or has been read (one that does not wait).
 */
struct call_single_data {
	struct call_single_data *next;
	void (*func)(void *info);
	void *info;
	unsigned int flags;
};
#define CSD_FLAG_LOCK 0x01
#define CSD_FLAG_SYNC 0x02 /* unlock after the function has run */

/* Each CPU's queue of calls to run (Linux's lockless llist; a lock here). */
static struct call_queue {
	spinlock_t lock;
	struct call_single_data *head, **tail;
} __aligned(SMP_CACHE_BYTES) call_queue[NR_CPUS];

/* The csd a CPU uses for each target (Linux's per-CPU cfd). */
static struct call_single_data csd_data[NR_CPUS][NR_CPUS];

static void csd_lock_wait(struct call_single_data *csd)
{
	while (__atomic_load_n(&csd->flags, __ATOMIC_ACQUIRE) & CSD_FLAG_LOCK)
		cpu_relax();
}

static void csd_unlock(struct call_single_data *csd)
{
	__atomic_store_n(&csd->flags, 0, __ATOMIC_RELEASE);
}

/* Queue @csd (filled in, locked) on @cpu's list; the caller sends the IPI. */
static void csd_enqueue(unsigned int cpu, struct call_single_data *csd)
{
	struct call_queue *q = &call_queue[cpu];
	unsigned long flags;

	csd->next = NULL;
	spin_lock_irqsave(&q->lock, flags);
	if (!q->tail)
		q->tail = &q->head;
	*q->tail = csd;
	q->tail = &csd->next;
	spin_unlock_irqrestore(&q->lock, flags);
}

/* IPI_CALL_FUNC: run what is queued for this CPU (Linux's __flush_smp_call_function_queue). */
static void flush_smp_call_function_queue(unsigned int cpu)
{
	struct call_queue *q = &call_queue[cpu];
	struct call_single_data *csd, *next;

	spin_lock(&q->lock);
	csd = q->head;
	q->head = NULL;
	q->tail = &q->head;
	spin_unlock(&q->lock);

	for (; csd; csd = next) {
		void (*func)(void *) = csd->func;
		void *info = csd->info;

		next = csd->next;
		if (csd->flags & CSD_FLAG_SYNC) {
			func(info);
			csd_unlock(csd);
		} else {
			csd_unlock(csd);
			func(info);
		}
	}
}

/* Two CPUs each waiting, interrupts off, for the other to run a call never finish. */
static void check_call_context(int wait)
{
	if (wait && irqs_disabled() && num_online_cpus() > 1)
		WARN_ON_ONCE(1);
}

/*
 * Queue @func on every online CPU in @mask but this one and send them the
 * IPI; does not wait.  Returns the CPUs that were sent it.
 */
static unsigned long smp_call_function_queue(unsigned long mask, void (*func)(void *), void *info,
					     int wait)
{
	unsigned int me = (unsigned int)smp_processor_id(), cpu;
	unsigned long sent = 0;

	for_each_online_cpu (cpu) {
		struct call_single_data *csd = &csd_data[me][cpu];

		if (cpu == me || !(mask & (1UL << cpu)))
			continue;
		csd_lock_wait(csd); /* its previous call (not waited for) is read */
		csd->func = func;
		csd->info = info;
		csd->flags = CSD_FLAG_LOCK | (wait ? CSD_FLAG_SYNC : 0);
		csd_enqueue(cpu, csd);
		sent |= 1UL << cpu;
	}
	if (sent)
		smp_cross_call(sent, IPI_CALL_FUNC);
	return sent;
}

static void smp_call_function_wait(unsigned long sent)
{
	unsigned int me = (unsigned int)smp_processor_id();

	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		if (sent & (1UL << cpu))
			csd_lock_wait(&csd_data[me][cpu]);
}

/**
 * smp_call_function_single - run @func(@info) on @cpu
 * @cpu: the logical CPU; the calling one runs it directly
 * @func: runs in interrupt context on the other CPU: short, no sleeping
 * @info: its argument
 * @wait: return only once @func has returned
 *
 * Returns 0, or -ENXIO if @cpu is not online.
 */
int smp_call_function_single(int cpu, void (*func)(void *info), void *info, int wait)
{
	unsigned long flags, sent;

	if (cpu == smp_processor_id()) {
		flags = arch_local_irq_save();
		func(info);
		arch_local_irq_restore(flags);
		return 0;
	}
	if (cpu < 0 || cpu >= NR_CPUS || !cpu_online((unsigned int)cpu))
		return -ENXIO;
	check_call_context(wait);
	sent = smp_call_function_queue(1UL << cpu, func, info, wait);
	if (wait)
		smp_call_function_wait(sent);
	return 0;
}

/**
 * on_each_cpu - run @func(@info) on every online CPU, this one included
 * @func: runs with interrupts off on each CPU (from the IPI on the others)
 * @info: its argument
 * @wait: return only once every CPU has run it
 */
void on_each_cpu(void (*func)(void *info), void *info, int wait)
{
	unsigned long flags, sent;

	check_call_context(wait);
	sent = smp_call_function_queue(~0UL, func, info, wait);
	flags = arch_local_irq_save();
	func(info);
	arch_local_irq_restore(flags);
	if (wait)
		smp_call_function_wait(sent);
}

/* IPI_CPU_STOP, serialised so the "stopping" lines do not interleave. */
static DEFINE_SPINLOCK(stop_lock);

static void __noreturn ipi_cpu_stop(unsigned int cpu)
{
	if (system_state <= SYSTEM_RUNNING) {
		spin_lock(&stop_lock);
		pr_crit("CPU%u: stopping\n", cpu);
		spin_unlock(&stop_lock);
	}
	set_cpu_online(cpu, false);
	__asm__ __volatile__("cpsid if" ::: "memory");
	for (;;)
		__asm__ __volatile__("wfe" ::: "memory");
}

/**
 * smp_send_stop - stop every other online CPU (panic, power-off)
 *
 * Waits a bounded time for them to go offline; Linux's warning if not.
 */
void smp_send_stop(void)
{
	unsigned long mask = 0;
	unsigned int cpu, me = (unsigned int)smp_processor_id();

	for_each_online_cpu (cpu)
		if (cpu != me)
			mask |= 1UL << cpu;
	if (!mask)
		return;
	smp_cross_call(mask, IPI_CPU_STOP);
	for (unsigned int n = 0; n < SMP_WAIT_POLLS && num_online_cpus() > 1; n++)
		cpu_relax();
	if (num_online_cpus() > 1)
		pr_warn("SMP: failed to stop secondary CPUs\n");
}

/**
 * handle_IPI - the GIC took SGI @ipinr on this CPU
 * @ipinr: the IPI (SGI number)
 */
void handle_IPI(int ipinr)
{
	unsigned int cpu = (unsigned int)smp_processor_id();

	if ((unsigned int)ipinr < NR_IPI)
		ipi_counts[cpu][ipinr]++;
	switch (ipinr) {
	case IPI_WAKEUP:
		break;
	case IPI_CALL_FUNC:
		flush_smp_call_function_queue(cpu);
		break;
	case IPI_CPU_STOP:
		ipi_cpu_stop(cpu);
	default:
		pr_crit("CPU%u: Unknown IPI message 0x%x\n", cpu, ipinr);
		break;
	}
}
