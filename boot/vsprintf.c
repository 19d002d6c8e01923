// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's printf formatter.  Portable: the host build of mmsim and the
 * host tests use this same code, so they print exactly what the target does.
 *
 * Differences from Linux's lib/vsprintf.c, on purpose: %p prints the raw
 * address (no hashing: this kernel is for reading and debugging), and %pa
 * prints at least 8 hex digits, as a non-LPAE Linux does, although our
 * phys_addr_t is 64-bit.
 */
#include "printk.h"
#include "kernel.h"
#include "symbols.h"

struct out {
	char *buf;
	size_t size; /* room including the final NUL */
	size_t len;  /* characters stored */
};

struct spec {
	bool left, zero, alt, plus, space;
	int width;
	int precision; /* -1: none */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len++] = c;
}

static void put_str(struct out *o, const char *s)
{
	while (*s)
		put(o, *s++);
}

static void pad(struct out *o, int n, char c)
{
	while (n-- > 0)
		put(o, c);
}

static void format_string(struct out *o, const char *s, const struct spec *sp)
{
	int len = 0;

	if (!s)
		s = "(null)";
	while (s[len] && (sp->precision < 0 || len < sp->precision))
		len++;
	if (!sp->left)
		pad(o, sp->width - len, ' ');
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->left)
		pad(o, sp->width - len, ' ');
}

static void format_number(struct out *o, u64 num, bool negative, unsigned int base, bool upper,
			  const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	const char *prefix = "";
	char tmp[24];
	int n = 0, len;

	do {
		tmp[n++] = digits[num % base];
		num /= base;
	} while (num);
	while (n < sp->precision && n < (int)sizeof(tmp))
		tmp[n++] = '0';

	if (negative)
		prefix = "-";
	else if (sp->plus)
		prefix = "+";
	else if (sp->space)
		prefix = " ";
	else if (sp->alt && base == 16)
		prefix = upper ? "0X" : "0x";
	else if (sp->alt && base == 8 && tmp[n - 1] != '0')
		prefix = "0";

	len = n;
	for (const char *p = prefix; *p; p++)
		len++;
	if (!sp->left && !sp->zero)
		pad(o, sp->width - len, ' ');
	put_str(o, prefix);
	if (!sp->left && sp->zero)
		pad(o, sp->width - len, '0');
	while (n)
		put(o, tmp[--n]);
	if (sp->left)
		pad(o, sp->width - len, ' ');
}

/* %pS: "name+0xoff/0xsize" when a symbol table is linked in, as Linux prints. */
static void format_symbol(struct out *o, unsigned long addr, const struct spec *sp)
{
	unsigned long offset, size;
	const char *name = lookup_symbol(addr, &offset, &size);
	char buf[96];

	if (name)
		scnprintf(buf, sizeof(buf), "%s+0x%lx/0x%lx", name, offset, size);
	else
		scnprintf(buf, sizeof(buf), "0x%08lx", addr);
	format_string(o, buf, sp);
}

/* Handle %p and its extensions; returns how many extra format chars were used. */
static int format_pointer(struct out *o, const char *fmt, void *ptr, const struct spec *sp)
{
	struct spec hex = {.zero = true, .alt = true, .width = 10, .precision = -1};

	switch (*fmt) {
	case 'a':
		if (fmt[1] == 'p')
			fmt++; /* %pap: same as %pa */
		format_number(o, ptr ? *(phys_addr_t *)ptr : 0, false, 16, false, &hex);
		return fmt[0] == 'p' ? 2 : 1;
	case 'S':
	case 's':
		format_symbol(o, (unsigned long)ptr, sp);
		return 1;
	default:
		hex.width = 2 + 2 * (int)sizeof(void *);
		format_number(o, (uintptr_t)ptr, false, 16, false, &hex);
		return 0;
	}
}

static const char *parse_spec(const char *fmt, struct spec *sp, va_list *args)
{
	*sp = (struct spec){.precision = -1};
	for (;; fmt++) {
		if (*fmt == '-')
			sp->left = true;
		else if (*fmt == '0')
			sp->zero = true;
		else if (*fmt == '#')
			sp->alt = true;
		else if (*fmt == '+')
			sp->plus = true;
		else if (*fmt == ' ')
			sp->space = true;
		else
			break;
	}
	if (*fmt == '*') {
		sp->width = va_arg(*args, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		fmt++;
	}
	while (*fmt >= '0' && *fmt <= '9')
		sp->width = sp->width * 10 + (*fmt++ - '0');
	if (*fmt == '.') {
		fmt++;
		sp->precision = 0;
		if (*fmt == '*') {
			sp->precision = va_arg(*args, int);
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			sp->precision = sp->precision * 10 + (*fmt++ - '0');
		if (sp->precision < 0)
			sp->precision = -1;
	}
	return fmt;
}

enum length { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE };

static const char *parse_length(const char *fmt, enum length *len)
{
	*len = LEN_INT;
	if (fmt[0] == 'h' && fmt[1] == 'h') {
		*len = LEN_CHAR;
		return fmt + 2;
	}
	if (fmt[0] == 'l' && fmt[1] == 'l') {
		*len = LEN_LLONG;
		return fmt + 2;
	}
	switch (*fmt) {
	case 'h':
		*len = LEN_SHORT;
		return fmt + 1;
	case 'l':
		*len = LEN_LONG;
		return fmt + 1;
	case 'L':
		*len = LEN_LLONG;
		return fmt + 1;
	case 'z':
		*len = LEN_SIZE;
		return fmt + 1;
	}
	return fmt;
}

static s64 signed_arg(enum length len, va_list *args)
{
	switch (len) {
	case LEN_CHAR:
		return (signed char)va_arg(*args, int);
	case LEN_SHORT:
		return (short)va_arg(*args, int);
	case LEN_LONG:
		return va_arg(*args, long);
	case LEN_LLONG:
		return va_arg(*args, long long);
	case LEN_SIZE:
		return (s64)va_arg(*args, ptrdiff_t);
	default:
		return va_arg(*args, int);
	}
}

static u64 unsigned_arg(enum length len, va_list *args)
{
	switch (len) {
	case LEN_CHAR:
		return (unsigned char)va_arg(*args, unsigned int);
	case LEN_SHORT:
		return (unsigned short)va_arg(*args, unsigned int);
	case LEN_LONG:
		return va_arg(*args, unsigned long);
	case LEN_LLONG:
		return va_arg(*args, unsigned long long);
	case LEN_SIZE:
		return va_arg(*args, size_t);
	default:
		return va_arg(*args, unsigned int);
	}
}

/**
 * vscnprintf - format into @buf, always NUL-terminated
 * @buf: where to
 * @size: bytes in @buf
 * @fmt: printk format
 * @ap: the arguments
 *
 * Returns the number of characters written (not counting the NUL), which
 * is at most @size - 1; output that does not fit is dropped.
 */
int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = {.buf = buf, .size = size};
	struct spec sp;
	enum length len;
	va_list args;

	if (!size)
		return 0;
	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &args);
		fmt = parse_length(fmt, &len);
		switch (*fmt) {
		case 'd':
		case 'i': {
			s64 v = signed_arg(len, &args);

			format_number(&o, v < 0 ? -(u64)v : (u64)v, v < 0, 10, false, &sp);
			break;
		}
		case 'u':
			format_number(&o, unsigned_arg(len, &args), false, 10, false, &sp);
			break;
		case 'x':
		case 'X':
			format_number(&o, unsigned_arg(len, &args), false, 16, *fmt == 'X', &sp);
			break;
		case 'o':
			format_number(&o, unsigned_arg(len, &args), false, 8, false, &sp);
			break;
		case 'c': {
			char c[2] = {(char)va_arg(args, int), 0};

			sp.precision = 1;
			format_string(&o, c, &sp);
			break;
		}
		case 's':
			format_string(&o, va_arg(args, const char *), &sp);
			break;
		case 'p':
			fmt += format_pointer(&o, fmt + 1, va_arg(args, void *), &sp);
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--; /* a lone '%' at the end: stop */
			break;
		default: /* unknown conversion: show it, as Linux does */
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
		fmt++;
	}
	va_end(args);
	o.buf[o.len] = '\0';
	return (int)o.len;
}

/**
 * scnprintf - vscnprintf() with variable arguments
 * @buf: where to
 * @size: bytes in @buf
 * @fmt: printk format
 */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
