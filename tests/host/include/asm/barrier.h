/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host's barriers: C11 fences (x86-64 needs a real one only for
 * store-load ordering, but the fences also bind the compiler, and
 * ThreadSanitizer understands them).  dsb/dmb/isb stand for full fences
 * whatever the option, so portable code that names them still builds.
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#define isb(option) __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define dsb(option) __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define dmb(option) __atomic_thread_fence(__ATOMIC_SEQ_CST)

#define mb()	    __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define rmb()	    __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define wmb()	    __atomic_thread_fence(__ATOMIC_RELEASE)

#define smp_mb()    __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define smp_rmb()   __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define smp_wmb()   __atomic_thread_fence(__ATOMIC_RELEASE)

/* A C11 release store, so ThreadSanitizer sees the unlock it is. */
#define smp_store_release(p, v) __atomic_store_n((p), (v), __ATOMIC_RELEASE)

#endif /* _ASM_BARRIER_H */
