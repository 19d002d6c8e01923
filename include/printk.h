/* SPDX-License-Identifier: GPL-2.0 */
/*
 * printk and the console, with Linux's log levels and pr_* helpers, so that
 * the boot log reads (and diffs) like Linux's.
 */
#ifndef _PRINTK_H
#define _PRINTK_H

#include <stdarg.h>
#include "compiler.h"
#include "types.h"
#include "atomic.h"

#define KERN_SOH     "\001"
#define KERN_EMERG   KERN_SOH "0"
#define KERN_ALERT   KERN_SOH "1"
#define KERN_CRIT    KERN_SOH "2"
#define KERN_ERR     KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE  KERN_SOH "5"
#define KERN_INFO    KERN_SOH "6"
#define KERN_DEBUG   KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT    KERN_SOH "c"
/*
 * Ours: the program's output rather than a log message (the KTAP report),
 * shown whatever loglevel= says.  Linux's KUnit prints at KERN_INFO and
 * relies on dmesg; here the console is the only place a verdict can go.
 */
#define KERN_OUTPUT	 KERN_SOH "o"

#define LOGLEVEL_ERR	 3
#define LOGLEVEL_WARNING 4
#define LOGLEVEL_INFO	 6
#define LOGLEVEL_DEBUG	 7

/*
 * The CPU in panic(), or PANIC_CPU_INVALID (Linux's): printk on that CPU
 * takes the console from a CPU that does not let go (boot/printk.c).
 */
#define PANIC_CPU_INVALID (-1)
extern atomic_t panic_cpu;

/* Messages below this level reach the console (loglevel= on the command line). */
extern int console_loglevel;
/* Level of a printk() that names none, as Linux's CONFIG_MESSAGE_LOGLEVEL_DEFAULT. */
#define MESSAGE_LOGLEVEL_DEFAULT 4
#define CONSOLE_LOGLEVEL_DEFAULT 7

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

int printk(const char *fmt, ...) __printf(1, 2);

int vprintk(const char *fmt, va_list args);

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);

int scnprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);

#define pr_emerg(fmt, ...)  printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)  printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)   printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)    printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)   printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)   printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)  printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)   printk(KERN_CONT fmt, ##__VA_ARGS__)

#define pr_warn_once(fmt, ...)                       \
	({                                           \
		static bool _printed;                \
		if (!_printed) {                     \
			_printed = true;             \
			pr_warn(fmt, ##__VA_ARGS__); \
		}                                    \
	})

/**
 * struct console - a place printk output goes
 * @name: short name for messages ("pl011", "stdout")
 * @write: emit @len bytes; a "\n" is expanded to "\r\n" by the driver if needed
 * @data: the driver's own state (for example the mapped register base)
 * @broken: printk was re-entered from inside @write (it faulted): the
 *          console is skipped from then on, so the fault's report reaches
 *          the other consoles instead of recursing through this one
 */
struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, size_t len);
	void *data;
	bool broken;
	struct console *next;
};

void register_console(struct console *con, bool replay);

void unregister_console(struct console *con);

bool have_working_console(void);

size_t printk_log_mark(void);

bool printk_log_since(size_t mark, const char *needle);

size_t printk_log_copy(size_t mark, char *buf, size_t size);

#endif /* _PRINTK_H */
