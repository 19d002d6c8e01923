/* SPDX-License-Identifier: GPL-2.0 */
/* How many CPUs the kernel is built for (Linux's linux/threads.h, CONFIG_NR_CPUS). */
#ifndef _THREADS_H
#define _THREADS_H

/* Cortex-A9 MPCore clusters have at most four CPUs. */
#define NR_CPUS 4

#endif /* _THREADS_H */
