/* SPDX-License-Identifier: GPL-2.0 */
/* Nodes (Linux's linux/numa.h): one node here, as Linux's !NUMA build. */
#ifndef _NUMA_H
#define _NUMA_H

/* No node preference. */
#define NUMA_NO_NODE (-1)

#endif /* _NUMA_H */
