// SPDX-License-Identifier: GPL-2.0
/*
 * Which UART is the console, and where its registers are: from Linux's
 * "earlycon=" parameter or from the device tree (drivers/of/fdt.c's
 * early_init_dt_scan_chosen_stdout and drivers/tty/serial/earlycon.c).
 * Portable: nothing here touches a register, so the host tests run it on
 * every shape of DT and command line.
 *
 * Where we differ from Linux: Linux starts a boot console from the DT only
 * when the command line says a bare "earlycon"; we always do, since this
 * kernel's whole output is its boot log.  And when /chosen has no
 * stdout-path we fall back to aliases/serial0, which U-Boot-era DTs that
 * predate stdout-path (Linux's own vexpress-v2p-ca9.dts) still name.
 */
#define pr_fmt(fmt) "earlycon: " fmt

#include "init.h"
#include "kernel.h"
#include "of_address.h"
#include "of_fdt.h"
#include "printk.h"
#include "serial.h"
#include <libfdt.h>
#include <string.h>

static const char *const tty_names[NR_UART_TYPES] = {
	[UART_PL011] = "ttyAMA",
	[UART_8250] = "ttyS",
	[UART_IMX] = "ttymxc",
	[UART_CDNS] = "ttyPS",
};

/*
 * The DT matches, in Linux's earlycon table order (a node compatible with
 * several is claimed by the first entry here, as in Linux), with the
 * earlycon names Linux declares them under.
 */
static const struct {
	const char *compatible;
	const char *name;
	enum uart_type type;
} of_matches[] = {
	{"arm,pl011", "pl011", UART_PL011},	     {"ns16550a", "ns16550a", UART_8250},
	{"ns16550", "ns16550", UART_8250},	     {"snps,dw-apb-uart", "uart", UART_8250},
	{"nuvoton,npcm750-uart", "uart", UART_8250}, {"fsl,imx6q-uart", "ec_imx6q", UART_IMX},
	{"fsl,imx21-uart", "ec_imx21", UART_IMX},    {"xlnx,xuartps", "cdns", UART_CDNS},
	{"cdns,uart-r1p8", "cdns", UART_CDNS},	     {"cdns,uart-r1p12", "cdns", UART_CDNS},
	{"xlnx,zynqmp-uart", "cdns", UART_CDNS},
};

/* "earlycon=<name>,..." names: Linux's EARLYCON_DECLARE()s for these UARTs. */
static const struct {
	const char *name;
	enum uart_type type;
} param_names[] = {
	{"pl011", UART_PL011},	{"uart8250", UART_8250}, {"uart", UART_8250},
	{"ns16550", UART_8250}, {"ns16550a", UART_8250}, {"ec_imx6q", UART_IMX},
	{"ec_imx21", UART_IMX}, {"cdns", UART_CDNS},
};

/* ---------------------------------------------------------------- the parameters */

static char earlycon_value[128];
static bool earlycon_given;
static char console_value[32]; /* console=ttyAMA0,115200n8 */

/*
 * Linux's console= picks the real console by tty name; a DT without
 * stdout-path (Linux's own highbank.dts says only "console=ttyAMA0") still
 * has a console that way.  The last console= wins, as Linux's /dev/console.
 */
static int __init early_console(char *val)
{
	if (!val)
		return 0;
	if (strlen(val) >= sizeof(console_value)) {
		pr_err("console=%.20s...: longer than %zu characters, ignored\n", val,
		       sizeof(console_value) - 1);
		return -EINVAL;
	}
	strcpy(console_value, val);
	return 0;
}
early_param("console", early_console);

/* Kept for setup_earlycon(), which runs once the command line is parsed. */
static int __init early_earlycon(char *val)
{
	earlycon_given = true;
	earlycon_value[0] = '\0';
	if (!val)
		return 0;
	if (strlen(val) >= sizeof(earlycon_value)) {
		pr_err("earlycon=%.20s...: longer than %zu characters, using the DT's console\n",
		       val, sizeof(earlycon_value) - 1);
		return -EINVAL;
	}
	strcpy(earlycon_value, val);
	return 0;
}
early_param("earlycon", early_earlycon);

/**
 * earlycon_param - what "earlycon" on the command line said
 *
 * Return: NULL if it was absent, "" for a bare "earlycon" (use the DT's
 * stdout-path, as Linux), else its value ("pl011,0x9000000").
 */
const char *earlycon_param(void)
{
	return earlycon_given ? earlycon_value : NULL;
}

/** earlycon_param_reset - forget "earlycon" and "console" (for tests that parse again) */
void earlycon_param_reset(void)
{
	earlycon_given = false;
	earlycon_value[0] = '\0';
	console_value[0] = '\0';
}

/* ---------------------------------------------------------------- the DT */

/* The UART family whose driver's compatibles @node has, or NR_UART_TYPES. */
static enum uart_type node_uart_type(const void *fdt, int node, size_t *match)
{
	for (size_t i = 0; i < ARRAY_SIZE(of_matches); i++) {
		if (!fdt_node_check_compatible(fdt, node, of_matches[i].compatible)) {
			if (match)
				*match = i;
			return of_matches[i].type;
		}
	}
	return NR_UART_TYPES;
}

/*
 * The node "console=<tty><n>" names: the one with alias serial<n> if it
 * is of that tty's family, else the n-th available node of the family in
 * DT order (the order Linux's drivers probe them in).
 */
static int console_param_node(const void *fdt, const char **options, int *optlen)
{
	size_t taillen = strcspn(console_value, ",");
	enum uart_type type;
	char alias[16];
	int index, node, seen = 0;

	for (type = 0; type < NR_UART_TYPES; type++) {
		size_t n = strlen(tty_names[type]);

		if (!strncmp(console_value, tty_names[type], n) && console_value[n] >= '0' &&
		    console_value[n] <= '9')
			break;
	}
	if (type == NR_UART_TYPES)
		return -ENODEV;
	index = (int)simple_strtoul(console_value + strlen(tty_names[type]), NULL, 10);
	*options = console_value[taillen] ? console_value + taillen + 1 : NULL;
	*optlen = *options ? (int)strlen(*options) : 0;
	scnprintf(alias, sizeof(alias), "serial%d", index);
	node = fdt_path_offset(fdt, alias);
	if (node >= 0 && node_uart_type(fdt, node, NULL) == type)
		return node;
	for (node = fdt_next_node(fdt, -1, NULL); node >= 0; node = fdt_next_node(fdt, node, NULL))
		if (node_uart_type(fdt, node, NULL) == type &&
		    of_fdt_device_is_available(fdt, node) && seen++ == index)
			return node;
	pr_warn("console=%s names no UART in the DT\n", console_value);
	return -ENODEV;
}

/**
 * of_stdout_node - the node the DT names as the console
 * @fdt: the blob
 * @options: set to what follows ':' in stdout-path ("115200n8"), or NULL
 * @optlen: set to its length
 *
 * "console=<tty><n>" from the command line (ttyAMA0, ttyS0, ttymxc1,
 * ttyPS0), else /chosen/stdout-path (or the older linux,stdout-path), an
 * alias or a full path, else aliases/serial0.
 *
 * Return: the node's offset, or -ENODEV (with a message saying why) when
 * neither names a node.
 */
int of_stdout_node(const void *fdt, const char **options, int *optlen)
{
	const char *path = of_get_stdout_path();
	int node;

	*options = NULL;
	*optlen = 0;
	if (console_value[0]) {
		node = console_param_node(fdt, options, optlen);
		if (node >= 0)
			return node;
	}
	if (path) {
		const char *colon = strchr(path, ':');
		int len = colon ? (int)(colon - path) : (int)strlen(path);

		if (colon) {
			*options = colon + 1;
			*optlen = (int)strlen(colon + 1);
		}
		node = fdt_path_offset_namelen(fdt, path, len);
		if (node >= 0)
			return node;
		pr_warn("stdout-path \"%s\" names no node (%s)\n", path, fdt_strerror(node));
		*options = NULL;
		*optlen = 0;
	}
	node = fdt_path_offset(fdt, "serial0");
	if (node >= 0)
		return node;
	if (!path)
		pr_warn("the DT names no console: no /chosen/stdout-path and no serial0 alias\n");
	return -ENODEV;
}

/* N if aliases/serialN names @node, else 0 (Linux's of_alias_get_id). */
static int serial_alias_index(const void *fdt, int node)
{
	int aliases = fdt_path_offset(fdt, "/aliases"), prop;

	if (aliases < 0)
		return 0;
	fdt_for_each_property_offset(prop, fdt, aliases)
	{
		const char *name, *val;
		int len;

		val = fdt_getprop_by_offset(fdt, prop, &name, &len);
		if (!val || !name || strncmp(name, "serial", 6) || name[6] < '0' || name[6] > '9' ||
		    len <= 0 || !memchr(val, '\0', (size_t)len))
			continue;
		if (fdt_path_offset(fdt, val) == node)
			return (int)simple_strtoul(name + 6, NULL, 10);
	}
	return 0;
}

/* A one-cell property, or @def when absent or malformed. */
static u32 prop_u32(const void *fdt, int node, const char *name, u32 def)
{
	int len;
	const fdt32_t *p = fdt_getprop(fdt, node, name, &len);

	return p && len == (int)sizeof(*p) ? fdt32_ld(p) : def;
}

static void set_options(struct earlycon_spec *spec, const char *opt, int len)
{
	if (!opt || len < 0)
		len = 0;
	if ((size_t)len >= sizeof(spec->options))
		len = sizeof(spec->options) - 1;
	memcpy(spec->options, opt ? opt : "", (size_t)len);
	spec->options[len] = '\0';
}

/**
 * of_earlycon_spec - describe the UART at DT node @node
 * @fdt: the blob
 * @node: the UART's node
 * @spec: filled in (options left empty)
 *
 * The first driver whose compatible the node has; its first "reg" entry
 * translated to a CPU address, plus "reg-offset"; "reg-shift" and
 * "reg-io-width" for 8250s (PL011, i.MX and Cadence UARTs are always
 * 32-bit registers).
 *
 * Return: 0; -ENODEV for a UART no driver here knows (reported with its
 * compatible); -EINVAL when its registers cannot be found or are unusable.
 */
int of_earlycon_spec(const void *fdt, int node, struct earlycon_spec *spec)
{
	const char *path = fdt_get_name(fdt, node, NULL), *compat;
	struct resource r;
	size_t i;
	u32 width;

	if (node_uart_type(fdt, node, &i) == NR_UART_TYPES) {
		compat = fdt_getprop(fdt, node, "compatible", NULL);
		pr_warn("%s: no driver for compatible \"%s\": no console (the kernel runs without "
			"one)\n",
			path, compat ? compat : "(none)");
		return -ENODEV;
	}
	memset(spec, 0, sizeof(*spec));
	spec->type = of_matches[i].type;
	spec->name = of_matches[i].name;
	spec->tty = tty_names[spec->type];
	spec->node = node;
	spec->iowidth = 4;
	if (of_address_to_resource(fdt, node, 0, &r)) {
		pr_warn("%s: its reg cannot be translated to a CPU address: no console\n", path);
		return -EINVAL;
	}
	spec->phys = r.start + prop_u32(fdt, node, "reg-offset", 0);
	spec->size = resource_size(&r);
	if (spec->type == UART_8250) {
		spec->regshift = prop_u32(fdt, node, "reg-shift", 0);
		width = prop_u32(fdt, node, "reg-io-width", 1);
		if ((width != 1 && width != 4) || spec->regshift > 4) {
			pr_warn("%s: reg-io-width %u / reg-shift %u not supported (1 or 4 bytes, "
				"shift up to 4): no console\n",
				path, width, spec->regshift);
			return -EINVAL;
		}
		spec->iowidth = width;
	}
	if (spec->phys >= SZ_4G) {
		pr_warn("%s: registers at 0x%llx, above 4 GiB: no console\n", path,
			(unsigned long long)spec->phys);
		return -EINVAL;
	}
	spec->index = serial_alias_index(fdt, node);
	return 0;
}

/* ---------------------------------------------------------------- earlycon=<...> */

/* The next ','-separated field of *@s into @buf; false if it does not fit. */
static bool next_field(const char **s, char *buf, size_t size)
{
	size_t n = strcspn(*s, ",");

	if (n >= size)
		return false;
	memcpy(buf, *s, n);
	buf[n] = '\0';
	*s += n;
	if (**s == ',')
		(*s)++;
	return true;
}

/**
 * earlycon_parse - read Linux's "earlycon=<name>,[<iotype>,]<addr>[,<options>]"
 * @val: the value ("uart8250,mmio32,0xf0001000,115200n8")
 * @spec: filled in (@spec->node is -1)
 *
 * <iotype> is mmio (8-bit registers) or mmio32; none means mmio for an
 * 8250 and 32-bit registers for the others, as in Linux.
 *
 * Return: 0, or -EINVAL with a message naming what is wrong.
 */
int earlycon_parse(const char *val, struct earlycon_spec *spec)
{
	char name[16], field[24];
	unsigned long long addr;
	const char *s = val;
	size_t i;

	if (!next_field(&s, name, sizeof(name)))
		goto bad;
	for (i = 0; i < ARRAY_SIZE(param_names); i++)
		if (!strcmp(name, param_names[i].name))
			break;
	if (i == ARRAY_SIZE(param_names)) {
		pr_err("earlycon=%s: unknown console \"%s\" (pl011, uart8250, uart, ns16550a, "
		       "ec_imx6q, ec_imx21, cdns)\n",
		       val, name);
		return -EINVAL;
	}
	memset(spec, 0, sizeof(*spec));
	spec->type = param_names[i].type;
	spec->name = param_names[i].name;
	spec->tty = tty_names[spec->type];
	spec->node = -1;
	spec->iowidth = spec->type == UART_8250 ? 1 : 4;
	spec->size = 0x1000;
	if (!next_field(&s, field, sizeof(field)))
		goto bad;
	if (!strcmp(field, "mmio32") || !strcmp(field, "mmio")) {
		spec->iowidth = field[4] ? 4 : 1;
		if (spec->type == UART_8250)
			spec->regshift = field[4] ? 2 : 0;
		if (!next_field(&s, field, sizeof(field)))
			goto bad;
	} else if (strncmp(field, "0x", 2) && strncmp(field, "0X", 2)) {
		pr_err("earlycon=%s: \"%s\" is neither mmio, mmio32 nor an address (io, mmio16 "
		       "and mmio32be are not supported)\n",
		       val, field);
		return -EINVAL;
	}
	if (kstrtoull(field, 0, &addr) || addr >= SZ_4G) {
		pr_err("earlycon=%s: bad address \"%s\" (a 32-bit number)\n", val, field);
		return -EINVAL;
	}
	spec->phys = addr;
	set_options(spec, s, (int)strlen(s));
	return 0;
bad:
	pr_err("earlycon=%s: expected <name>,[mmio|mmio32,]<address>[,<options>]\n", val);
	return -EINVAL;
}

/**
 * earlycon_find - the console to use
 * @fdt: the blob (NULL: none)
 * @param: earlycon_param()'s answer
 *
 * "earlycon=<name>,<addr>" wins; otherwise (nothing, a bare "earlycon",
 * or a value that does not parse) the DT's stdout-path or serial0.
 *
 * Return: 0 with @spec filled in, or a negative errno (reported).
 */
int earlycon_find(const void *fdt, const char *param, struct earlycon_spec *spec)
{
	const char *opt;
	int node, optlen, err;

	if (param && *param && !earlycon_parse(param, spec))
		return 0;
	if (!fdt)
		return -ENODEV;
	node = of_stdout_node(fdt, &opt, &optlen);
	if (node < 0)
		return node;
	err = of_earlycon_spec(fdt, node, spec);
	if (!err)
		set_options(spec, opt, optlen);
	return err;
}
