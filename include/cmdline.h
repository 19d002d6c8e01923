/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel command line and the number parsers its parameters use.
 *
 * Two kinds of parser live here.  The Linux-compatible ones (memparse,
 * simple_strtoull) stop at the first character they do not understand and
 * tell the caller where; they never fail, which is what Linux's handlers
 * expect.  The checked ones (kstrtoull, kstrtoint, memparse_checked,
 * early_param_size) insist that the whole value is a number: boot
 * parameters come from a human typing into a boot loader, and "mem=12X"
 * silently meaning "mem=12" is exactly the kind of wrong layout we refuse.
 */
#ifndef _CMDLINE_H
#define _CMDLINE_H

#include "types.h"

/* Room for the command line, NUL included (Linux ARM's COMMAND_LINE_SIZE). */
#define COMMAND_LINE_SIZE 1024

/*
 * The built-in command line, used when the DT has no /chosen/bootargs
 * (Linux's CONFIG_CMDLINE without CMDLINE_FORCE/EXTEND).  Override with
 * -DCONFIG_CMDLINE='"..."'.
 */
#ifndef CONFIG_CMDLINE
#define CONFIG_CMDLINE ""
#endif

/* The command line as the boot loader gave it; parsing works on a copy. */
extern char boot_command_line[COMMAND_LINE_SIZE];

unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base);

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base);

int kstrtoull(const char *s, unsigned int base, unsigned long long *res);

int kstrtoint(const char *s, unsigned int base, int *res);

unsigned long long memparse(const char *ptr, char **retptr);

int memparse_checked(const char *s, u64 *res, const char **endp);

int early_param_size(const char *param, const char *val, u64 *res);

int early_param_int(const char *param, const char *val, int min, int max, int *res);

char *next_arg(char *args, char **param, char **val);

#endif /* _CMDLINE_H */
