// SPDX-License-Identifier: GPL-2.0
/*
 * printk: format, keep in a ring buffer, send to every registered console.
 *
 * Unlike Linux, the ring keeps only what passed the console log level (the
 * text a console showed), so a console registered late replays exactly the
 * lines the others printed, and tests can search the buffer for a report
 * they provoked.  There are no records or timestamps: the log is plain text.
 *
 * One CPU at a time prints a message, whole (Linux serialises console
 * output too: console_lock, and printk_cpu_sync for lines that must not
 * interleave).  The lock is the number of the CPU that holds it, as
 * Linux's printk_cpu_sync_get_irqsave():
 *  - it is held with interrupts masked, so an IPI handler that prints
 *    never finds its own CPU holding it, and IPI_CPU_STOP is taken only
 *    once the line is out (the stopping CPU then prints under its own
 *    stop_lock, which nests outside this one);
 *  - the CPU that holds it may take it again (a fault inside a console's
 *    write, a BUG in vsprintf): the inner printk goes on instead of
 *    waiting for itself;
 *  - the CPU in panic() takes it from a holder that has not let go after
 *    PRINTK_PANIC_SPINS polls: that CPU is wedged, or stopped for good,
 *    and the panic must still be seen (Linux's console_flush_on_panic
 *    ignores the console lock likewise).
 */
#include "printk.h"
#include "atomic.h"
#include "kernel.h"
#include "smp.h"
#include <asm/irqflags.h>
#include <asm/processor.h>
#include <string.h>

#define LOG_BUF_LEN (64 * 1024) /* a power of two */

static char log_buf[LOG_BUF_LEN];
static size_t log_next; /* characters ever stored; log_buf[log_next % LEN] is next */
static struct console *consoles;
static bool line_open;	/* the last message did not end with a newline */
static bool line_shown; /* ... and it reached the console */

int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;

/* The console whose write() is running: printk re-entered from it means it faulted. */
static struct console *console_writing;

/* Linux's, in kernel/panic.c there: here beside the lock it breaks, for both builds. */
atomic_t panic_cpu = ATOMIC_INIT(PANIC_CPU_INVALID);

#define PRINTK_UNOWNED	   (-1)
#define PRINTK_PANIC_SPINS (1UL << 20) /* far more than one line takes on the slowest console */
static atomic_t printk_owner = ATOMIC_INIT(PRINTK_UNOWNED);

/*
 * Take the printk lock with interrupts masked (*@flags for the unlock).
 * Returns false if this CPU held it already: the outer holder releases it.
 */
static bool printk_lock(unsigned long *flags)
{
	unsigned long spins = 0;
	int cpu, owner;

	*flags = arch_local_irq_save();
	cpu = smp_processor_id();
	for (;;) {
		owner = atomic_read(&printk_owner);
		if (owner == cpu)
			return false; /* only this CPU stores its own number there */
		if (owner == PRINTK_UNOWNED &&
		    atomic_cmpxchg_acquire(&printk_owner, PRINTK_UNOWNED, cpu) == PRINTK_UNOWNED)
			return true;
		if (owner != PRINTK_UNOWNED && atomic_read(&panic_cpu) == cpu &&
		    ++spins > PRINTK_PANIC_SPINS &&
		    atomic_cmpxchg_acquire(&printk_owner, owner, cpu) == owner)
			return true;
		cpu_relax();
	}
}

static void printk_unlock(bool taken, unsigned long flags)
{
	if (taken) /* the log and the console writes before the release */
		atomic_set_release(&printk_owner, PRINTK_UNOWNED);
	arch_local_irq_restore(flags);
}

static void emit(const char *s, size_t len)
{
	struct console *outer = console_writing;

	for (size_t i = 0; i < len; i++)
		log_buf[(log_next + i) % LOG_BUF_LEN] = s[i];
	log_next += len;
	if (outer)
		outer->broken = true;
	for (struct console *con = consoles; con; con = con->next) {
		if (con->broken)
			continue;
		console_writing = con;
		con->write(con, s, len);
	}
	console_writing = outer;
}

/**
 * have_working_console - is any registered console still printing?
 *
 * False before the first console registers, and after every console broke
 * (faulted inside its write); machine_halt() then replays the log through
 * semihosting so that the end of the run is seen somewhere.
 */
bool have_working_console(void)
{
	unsigned long flags;
	bool taken = printk_lock(&flags), working = false;

	for (struct console *con = consoles; con && !working; con = con->next)
		working = !con->broken;
	printk_unlock(taken, flags);
	return working;
}

/* Strip KERN_* prefixes; returns the text after them. */
static const char *parse_level(const char *text, int *level, bool *cont, bool *output)
{
	*level = -1;
	*cont = false;
	*output = false;
	while (text[0] == KERN_SOH[0] && text[1]) {
		if (text[1] == 'c')
			*cont = true;
		else if (text[1] == 'o')
			*output = true;
		else if (text[1] >= '0' && text[1] <= '7')
			*level = text[1] - '0';
		text += 2;
	}
	return text;
}

/**
 * vprintk - printk() with a va_list
 * @fmt: format, optionally starting with a KERN_* level
 * @args: the arguments
 */
int vprintk(const char *fmt, va_list args)
{
	char text[512];
	const char *msg;
	int level;
	bool cont, output, shown, taken;
	unsigned long flags;
	size_t len;

	vscnprintf(text, sizeof(text), fmt, args);
	msg = parse_level(text, &level, &cont, &output);
	len = strlen(msg);

	taken = printk_lock(&flags);
	if (line_open && cont) {
		shown = line_shown;
	} else {
		if (line_open && line_shown)
			emit("\n", 1); /* a new message ends the unfinished line */
		if (level < 0)
			level = MESSAGE_LOGLEVEL_DEFAULT;
		shown = output || level < console_loglevel;
	}
	if (len) {
		line_open = msg[len - 1] != '\n';
		line_shown = shown;
	}
	if (shown)
		emit(msg, len);
	printk_unlock(taken, flags);
	return (int)len;
}

/**
 * printk - format a message into the log buffer and the console
 * @fmt: format, optionally starting with a KERN_* level
 *
 * Conversions: %c %s %d %i %u %x %X %o %p %% with the l, ll, z and h
 * modifiers, width (or *), precision, and the flags - 0 # + space.
 * Pointer extensions: %pa (a phys_addr_t *, printed as 0x%08llx so logs match
 * a non-LPAE Linux), %pS (a code address).  Returns the characters emitted.
 */
int printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}

/**
 * register_console - start sending printk output to @con
 * @con: the console
 * @replay: whether to replay the buffered log
 *
 * Everything already in the log buffer is replayed to a console registered
 * after boot messages were printed, as Linux does for a new boot console.
 */
void register_console(struct console *con, bool replay)
{
	unsigned long flags;
	bool taken = printk_lock(&flags);

	if (replay) {
		size_t start = log_next > LOG_BUF_LEN ? log_next - LOG_BUF_LEN : 0;

		console_writing = con;
		/* In at most two pieces: up to the ring's end, then from its start. */
		for (size_t i = start; i < log_next && !con->broken;) {
			size_t at = i % LOG_BUF_LEN, n = min(log_next - i, LOG_BUF_LEN - at);

			con->write(con, &log_buf[at], n);
			i += n;
		}
		console_writing = NULL;
	}
	con->next = consoles;
	consoles = con;
	printk_unlock(taken, flags);
}

/**
 * unregister_console - stop sending output to @con
 * @con: the console
 */
void unregister_console(struct console *con)
{
	unsigned long flags;
	bool taken = printk_lock(&flags);

	for (struct console **p = &consoles; *p; p = &(*p)->next) {
		if (*p == con) {
			*p = con->next;
			break;
		}
	}
	printk_unlock(taken, flags);
}

/**
 * printk_log_mark - position in the log buffer, for printk_log_since()
 *
 * Tests take a mark, provoke a message (a bad-page report, say) and then
 * check the text printed since the mark.
 */
size_t printk_log_mark(void)
{
	unsigned long flags;
	bool taken = printk_lock(&flags);
	size_t mark = log_next;

	printk_unlock(taken, flags);
	return mark;
}

/**
 * printk_log_copy - copy the log text since @mark into @buf (NUL-terminated)
 * @mark: from printk_log_mark()
 * @buf: where to
 * @size: bytes in @buf
 *
 * Returns the characters copied.
 */
size_t printk_log_copy(size_t mark, char *buf, size_t size)
{
	unsigned long flags;
	bool taken;
	size_t n = 0;

	if (!size)
		return 0;
	taken = printk_lock(&flags);
	if (log_next - mark > LOG_BUF_LEN)
		mark = log_next - LOG_BUF_LEN;
	for (size_t i = mark; i < log_next && n + 1 < size; i++)
		buf[n++] = log_buf[i % LOG_BUF_LEN];
	buf[n] = '\0';
	printk_unlock(taken, flags);
	return n;
}

/**
 * printk_log_since - does the log text since @mark contain @needle?
 * @mark: from printk_log_mark()
 * @needle: the text to look for
 *
 * Returns false if the ring buffer has overwritten part of that text.
 */
bool printk_log_since(size_t mark, const char *needle)
{
	size_t nlen = strlen(needle);
	bool found = false, taken;
	unsigned long flags;

	taken = printk_lock(&flags);
	for (size_t i = mark; log_next - mark <= LOG_BUF_LEN && !found && i + nlen <= log_next;
	     i++) {
		size_t j = 0;

		while (j < nlen && log_buf[(i + j) % LOG_BUF_LEN] == needle[j])
			j++;
		found = j == nlen;
	}
	printk_unlock(taken, flags);
	return found;
}
