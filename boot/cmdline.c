// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel command line: where it is kept, how it is cut into
 * parameters, and the number parsers the parameters' handlers use.
 *
 * Splitting follows Linux's rules (white space separates, double quotes
 * group, "--" ends the kernel's part), so a command line that works with
 * Linux means the same here.  Number parsing has two faces: Linux's
 * permissive memparse/simple_strtoull for compatibility, and checked
 * versions that the handlers in this kernel use, because a typo in a boot
 * parameter should produce a message, not a different memory layout.
 */
#include "init.h"
#include "cmdline.h"
#include "kernel.h"
#include "printk.h"
#include "memblock.h"
#include <string.h>

char boot_command_line[COMMAND_LINE_SIZE];

/* The copy the early pass cuts up; values handed to handlers point into it. */
static char early_cmdline[COMMAND_LINE_SIZE];
static bool early_params_done;

extern const struct obs_kernel_param __start_early_params[];
extern const struct obs_kernel_param __stop_early_params[];

/* ---------------------------------------------------------------- characters */

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static char *skip_spaces(char *s)
{
	while (is_space(*s))
		s++;
	return s;
}

/* Value of @c as a digit, or 16 (more than any base) if it is none. */
static unsigned int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return (unsigned int)(c - '0');
	if (c >= 'a' && c <= 'f')
		return (unsigned int)(c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (unsigned int)(c - 'A' + 10);
	return 16;
}

/*
 * Settle the base from the C prefix when @base is 0, and step over "0x" when
 * the base is 16.  "0x" with no hex digit after it is a 0 followed by junk,
 * as in C, so the 'x' is left for the caller to trip over.
 */
static const char *parse_base(const char *s, unsigned int *base)
{
	bool hex_prefix = s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && digit_value(s[2]) < 16;

	if (*base == 0) {
		if (hex_prefix)
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && hex_prefix)
		s += 2;
	return s;
}

/*
 * The digits of @s in @base; sets *@overflow if they do not fit in 64 bits
 * and *@ndigits to how many there were.  Returns the first non-digit.
 */
static const char *parse_digits(const char *s, unsigned int base, unsigned long long *res,
				bool *overflow, unsigned int *ndigits)
{
	unsigned long long v = 0;
	unsigned int d;

	*overflow = false;
	*ndigits = 0;
	while ((d = digit_value(*s)) < base) {
		if (v > (~0ULL - d) / base)
			*overflow = true;
		v = v * base + d;
		s++;
		(*ndigits)++;
	}
	*res = v;
	return s;
}

/* ---------------------------------------------------------------- Linux's permissive parsers */

/**
 * simple_strtoull - convert the leading number of a string
 * @cp: the string
 * @endp: set to the first character not used (may be NULL)
 * @base: 2..16, or 0 to accept the C prefixes 0x (hex) and 0 (octal)
 *
 * Stops at the first character that is not a digit of @base; digits past
 * the range of unsigned long long wrap, as in Linux.  Use kstrtoull() when
 * the value must be checked.
 *
 * Return: the converted number (0 if there are no digits).
 */
unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	unsigned long long v;
	unsigned int n;
	bool overflow;
	const char *end;

	cp = parse_base(cp, &base);
	end = parse_digits(cp, base, &v, &overflow, &n);
	if (endp)
		*endp = (char *)end;
	return v;
}

/**
 * simple_strtoul - simple_strtoull() for an unsigned long
 * @cp: the string
 * @endp: set to the first character not used (may be NULL)
 * @base: as for simple_strtoull()
 */
unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return (unsigned long)simple_strtoull(cp, endp, base);
}

/* Bits a memparse suffix shifts by, or -1 if @c is none. */
static int suffix_shift(char c)
{
	switch (c) {
	case 'K':
	case 'k':
		return 10;
	case 'M':
	case 'm':
		return 20;
	case 'G':
	case 'g':
		return 30;
	case 'T':
	case 't':
		return 40;
	case 'P':
	case 'p':
		return 50;
	case 'E':
	case 'e':
		return 60;
	default:
		return -1;
	}
}

/**
 * memparse - parse a size with an optional K, M, G, T, P or E suffix
 * @ptr: the string, a number as simple_strtoull(base 0) reads it, then
 *       optionally one suffix letter (either case), each a factor of 1024
 * @retptr: set to the first character after the size (may be NULL)
 *
 * Linux's memparse, including its silence: "12X" gives 12 with @retptr at
 * "X", and overflow wraps.  Boot parameters use early_param_size().
 *
 * Return: the size in bytes.
 */
unsigned long long memparse(const char *ptr, char **retptr)
{
	char *end;
	unsigned long long v = simple_strtoull(ptr, &end, 0);
	int shift = suffix_shift(*end);

	if (shift >= 0) {
		v <<= shift;
		end++;
	}
	if (retptr)
		*retptr = end;
	return v;
}

/* ---------------------------------------------------------------- checked parsers */

/**
 * kstrtoull - convert a whole string to an unsigned long long
 * @s: the string; a leading '+' and one trailing newline are allowed
 * @base: 2..16, or 0 to accept the C prefixes 0x (hex) and 0 (octal)
 * @res: the result, written only on success
 *
 * Return: 0, -EINVAL if @s is not entirely a number, -ERANGE on overflow.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v;
	unsigned int n;
	bool overflow;

	if (*s == '+')
		s++;
	s = parse_base(s, &base);
	s = parse_digits(s, base, &v, &overflow, &n);
	if (!n)
		return -EINVAL;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	*res = v;
	return 0;
}

/**
 * kstrtoint - kstrtoull() for a signed int (a leading '-' is allowed)
 * @s: the string
 * @base: as for kstrtoull()
 * @res: set to the value
 *
 * Return: 0, -EINVAL or -ERANGE.
 */
int kstrtoint(const char *s, unsigned int base, int *res)
{
	unsigned long long v;
	bool negative = *s == '-';
	int err;

	err = kstrtoull(s + negative, base, &v);
	if (err)
		return err;
	if (negative ? v > (unsigned long long)INT32_MAX + 1 : v > INT32_MAX)
		return -ERANGE;
	*res = negative ? (int)(0 - v) : (int)v;
	return 0;
}

/**
 * memparse_checked - parse a whole string as a memparse() size
 * @s: the string
 * @res: the size in bytes, written only on success
 * @endp: on -EINVAL, set to the first character that was not understood
 *        (may be NULL)
 *
 * Return: 0; -EINVAL for an empty string, a missing number or anything
 * after the suffix; -ERANGE if the size does not fit in 64 bits.
 */
int memparse_checked(const char *s, u64 *res, const char **endp)
{
	unsigned int base = 0, n;
	unsigned long long v;
	bool overflow;
	int shift;

	s = parse_base(s, &base);
	s = parse_digits(s, base, &v, &overflow, &n);
	if (!n) {
		if (endp)
			*endp = s;
		return -EINVAL;
	}
	shift = suffix_shift(*s);
	if (shift >= 0) {
		if (v > (~0ULL >> shift))
			overflow = true;
		v <<= shift;
		s++;
	}
	if (*s) {
		if (endp)
			*endp = s;
		return -EINVAL;
	}
	if (overflow)
		return -ERANGE;
	*res = v;
	return 0;
}

/**
 * early_param_size - parse the value of a size parameter, or say why not
 * @param: the parameter's name, for the message ("mem")
 * @val: its value as the command line gave it; NULL for a bare "mem"
 * @res: the size in bytes, written only on success
 *
 * On failure prints one error naming the parameter, the value and the
 * problem, e.g. "mem=12X: unexpected "X" after the number, parameter
 * ignored", so the handler only has to return an error.
 *
 * Return: 0, -EINVAL or -ERANGE.
 */
int early_param_size(const char *param, const char *val, u64 *res)
{
	const char *bad = NULL;
	int err;

	if (!val || !*val) {
		pr_err("%s=%s: no value given (expected a size such as 64M), parameter ignored\n",
		       param, val ? val : "");
		return -EINVAL;
	}
	err = memparse_checked(val, res, &bad);
	if (err == -ERANGE)
		pr_err("%s=%s: the size does not fit in 64 bits, parameter ignored\n", param, val);
	else if (err && bad == val)
		pr_err("%s=%s: not a number, parameter ignored\n", param, val);
	else if (err)
		pr_err("%s=%s: unexpected \"%s\" after the number, parameter ignored\n", param, val,
		       bad);
	return err;
}

/**
 * early_param_int - parse the value of an integer parameter in [@min, @max]
 * @param: the parameter's name, for the message
 * @val: its value; NULL for a bare parameter
 * @min: smallest accepted value
 * @max: largest accepted value
 * @res: the value, written only on success
 *
 * Prints one error naming the parameter and the value on failure.
 *
 * Return: 0, -EINVAL or -ERANGE.
 */
int early_param_int(const char *param, const char *val, int min, int max, int *res)
{
	int v, err;

	if (!val || !*val) {
		pr_err("%s=%s: no value given, parameter ignored\n", param, val ? val : "");
		return -EINVAL;
	}
	err = kstrtoint(val, 0, &v);
	if (err == -EINVAL) {
		pr_err("%s=%s: not a number, parameter ignored\n", param, val);
		return err;
	}
	if (err || v < min || v > max) {
		pr_err("%s=%s: out of range (%d to %d), parameter ignored\n", param, val, min, max);
		return -ERANGE;
	}
	*res = v;
	return 0;
}

/* ---------------------------------------------------------------- splitting */

/**
 * next_arg - split the next parameter off a command line, in place
 * @args: the rest of the command line (leading spaces already skipped)
 * @param: set to the parameter's name
 * @val: set to its value, or NULL when it has no '='
 *
 * Parameters are separated by white space; double quotes group, so
 * param="a b" gives the value a b and "param=a b" the same, quotes removed.
 * The string is cut with NULs.
 *
 * Return: where the next parameter starts (spaces skipped).
 */
char *next_arg(char *args, char **param, char **val)
{
	bool in_quote = false, quoted = false;
	size_t i, equals = 0;

	if (*args == '"') {
		args++;
		in_quote = quoted = true;
	}
	/* The end is the first space outside quotes; the name ends at the first '='. */
	for (i = 0; args[i]; i++) {
		if (is_space(args[i]) && !in_quote)
			break;
		if (!equals && args[i] == '=')
			equals = i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}

	*param = args;
	*val = NULL;
	if (equals) {
		args[equals] = '\0';
		*val = args + equals + 1;
		/* param="value": the quotes are not part of the value. */
		if (**val == '"') {
			(*val)++;
			if (args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	/* "param=value": drop the closing quote too. */
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';

	if (args[i]) {
		args[i] = '\0';
		args += i + 1;
	} else {
		args += i;
	}
	return skip_spaces(args);
}

/* Parameter names treat '-' and '_' as the same character, as Linux does. */
static bool param_eq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char ca = *a == '-' ? '_' : *a;
		char cb = *b == '-' ? '_' : *b;

		if (ca != cb)
			return false;
	}
	return *a == *b;
}

static void do_early_param(char *param, char *val)
{
	const struct obs_kernel_param *p;

	for (p = __start_early_params; p < __stop_early_params; p++) {
		if (!p->early || !param_eq(param, p->str))
			continue;
		if (p->setup_func(val))
			pr_warn("Malformed early option '%s'\n", param);
	}
}

/**
 * parse_early_options - run the early handlers over @cmdline
 * @cmdline: a writable command line; it is cut up in place
 *
 * The worker behind parse_early_param(), without the run-once guard: for
 * tests and the fuzzer.
 */
void parse_early_options(char *cmdline)
{
	char *args = skip_spaces(cmdline), *param, *val;

	while (*args) {
		args = next_arg(args, &param, &val);
		/* "--" hands the rest to init; no kernel parameter follows it. */
		if (!val && !strcmp(param, "--"))
			break;
		if (*param)
			do_early_param(param, val);
	}
}

/**
 * parse_early_param - run the early handlers over boot_command_line
 *
 * Works on a copy, so boot_command_line stays as the loader gave it.
 * Parameters nobody registered are ignored silently (they may be meant for
 * a later stage), as in Linux's early pass.  Runs once: later calls return
 * at once, so setup_arch and start_kernel may both call it.
 */
void parse_early_param(void)
{
	if (early_params_done)
		return;
	early_params_done = true;
	strncpy(early_cmdline, boot_command_line, COMMAND_LINE_SIZE - 1);
	early_cmdline[COMMAND_LINE_SIZE - 1] = '\0';
	parse_early_options(early_cmdline);
}

/**
 * early_params_reset - forget that parse_early_param() ran, and clear
 * boot_command_line
 *
 * Not in Linux (which boots once): host tests, mmsim and the fuzzer boot
 * many times in one process.
 */
void early_params_reset(void)
{
	early_params_done = false;
	memset(boot_command_line, 0, sizeof(boot_command_line));
	memset(early_cmdline, 0, sizeof(early_cmdline));
}

/* ---------------------------------------------------------------- parameters of printk and memblock */

/*
 * loglevel=N: messages of level below N reach the console.  A bad value
 * keeps the current level; a typo must not silence the console.
 */
static int early_loglevel(char *val)
{
	int level;

	if (early_param_int("loglevel", val, 0, 15, &level))
		return -EINVAL;
	console_loglevel = level;
	return 0;
}
early_param("loglevel", early_loglevel);

/*
 * memblock=debug.  This belongs to memblock (Linux defines it in
 * mm/memblock.c, next to memblock_debug) and moves there once mm/ may
 * include init.h; it lives here meanwhile so memblock.c stays untouched.
 * Like Linux, any value containing "debug" switches the log on.
 */
static int early_memblock(char *val)
{
	if (val && strstr(val, "debug"))
		memblock_debug = true;
	return 0;
}
early_param("memblock", early_memblock);
