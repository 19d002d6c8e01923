# The whole build: the ARM kernel image, the host tests and tools, QEMU runs.
#   make run   build and boot under QEMU (MEM=, SMP=, DTB=, APPEND=, MACHINE=)
#   make test  host tests + every QEMU boot test; last line "N passed, N failed"
#   make bench deterministic benchmarks under QEMU -icount; build/bench/results.{csv,json}
#              (BASELINE=old-results.json adds a ratio column; REPEAT=N boots each N times)
# Quiet by default; V=1 shows the commands.

BUILD := build

# Linux's CONFIG_ARCH_FORCE_MAX_ORDER: 11 is ARM's default, 12 that of
# multi_v7_defconfig and Debian's armmp kernel.  It sets pageblock_order and
# so CMA's alignment.  `make MAX_ORDER=12 [run|test]`: a value other than the
# default builds the kernel and the host tools in a directory of their own,
# so nothing built with the other value is reused.
MAX_ORDER ?= 11
ifeq ($(filter 10 11 12 13,$(MAX_ORDER)),)
$(error MAX_ORDER=$(MAX_ORDER): expected 10, 11, 12 or 13 (Linux's ARM values))
endif
ifeq ($(MAX_ORDER),11)
OUT := $(BUILD)
else
OUT := $(BUILD)/max-order-$(MAX_ORDER)
endif
HOST_BUILD := $(BUILD)/host

ifeq ($(V),1)
Q :=
else
Q := @
endif

# make run: the board QEMU boots, and how
MEM ?= 256M
MACHINE ?= vexpress-a9
# The CPUs the machine's DT lists (scripts/boards.py): 4 on vexpress-a9.
SMP ?= $(shell python3 scripts/boards.py smp $(MACHINE))
# The machine's own DT (scripts/boards.py); empty for virt, whose DT QEMU makes.
DTB ?= $(shell python3 scripts/boards.py dtb $(MACHINE))
APPEND ?=
RUN_TIMEOUT ?= 300

# The public targets first make sure the tools are installed, then build
# with a fresh make (so the toolchain queries below see the tools).
.PHONY: all run test bench deps debug
all: deps
	$(Q)$(MAKE) --no-print-directory build-all
# The machine make run and make debug start: the same variables for both.
# The console UART and semihosting share stdio (scripts/boards.py); Ctrl-A c: monitor.
# memmap_json makes the kernel print its memory map, which make run draws
# (MEMMAP=0: not; note that any -append replaces the DT's bootargs).
RUN_APPEND = $(strip $(APPEND) $(if $(filter 0,$(MEMMAP)),,memmap_json))
QEMU_RUN_ARGS = -M $(MACHINE) -m $(MEM) -display none -no-reboot -nic none \
	$$(python3 scripts/boards.py args $(MACHINE) $(SMP)) -mon chardev=con \
	-kernel $(OUT)/kernel.bin $(if $(DTB),-dtb $(DTB)) $(if $(RUN_APPEND),-append "$(RUN_APPEND)")
# The log goes to build/run.log too; the memory map it holds to build/memmap.svg (and .json).
run: deps
	$(Q)$(MAKE) --no-print-directory build-all
	$(Q){ QEMU_AUDIO_DRV=none timeout --foreground $(RUN_TIMEOUT) qemu-system-arm $(QEMU_RUN_ARGS); \
		echo $$? > $(BUILD)/run.rc; } | tee $(BUILD)/run.log
	$(Q)rc=$$(cat $(BUILD)/run.rc); [ $$rc -eq 124 ] && echo "make run: QEMU timed out after $(RUN_TIMEOUT)s"; \
		if grep -q a9mm-memmap-1 $(BUILD)/run.log; then python3 scripts/memmap $(BUILD)/run.log \
		-o $(BUILD)/memmap.svg --json $(BUILD)/memmap.json; fi; exit $$rc
# make debug: make run's machine, stopped at the first instruction, waiting for gdb.
GDB_PORT ?= 1234
debug: deps
	$(Q)$(MAKE) --no-print-directory build-all
	@echo "make debug: QEMU waits for gdb on localhost:$(GDB_PORT), stopped before the first instruction."
	@echo "In another terminal:"
	@echo "  gdb-multiarch $(OUT)/kernel.elf -ex 'source scripts/gdb/a9mm.py' -ex 'target remote localhost:$(GDB_PORT)'"
	@echo "(mm-phys before the MMU is on, mm-virt after; see docs/debugging.md.)  Quit QEMU with Ctrl-A x."
	$(Q)QEMU_AUDIO_DRV=none qemu-system-arm $(QEMU_RUN_ARGS) -S -gdb tcp::$(GDB_PORT)
# make test also builds the kernel with the other MAX_ORDER (11 or 12), for
# the boots that run with both, and fetches Linux for the linux-diff runs.
test: deps
	$(Q)$(MAKE) --no-print-directory build-all $(HOST_TSAN)
	$(Q)$(MAKE) --no-print-directory MAX_ORDER=$(if $(filter 12,$(MAX_ORDER)),11,12) kernel
	$(Q)./scripts/fetch-linux.sh
	$(Q)python3 scripts/run-tests.py --max-order $(MAX_ORDER)
bench: deps
	$(Q)$(MAKE) --no-print-directory build-all
	$(Q)python3 scripts/bench.py $(if $(BASELINE),--baseline $(BASELINE)) $(if $(REPEAT),--repeat $(REPEAT))
deps:
	$(Q)./scripts/install-deps.sh

# make linux-diff DTB=… MEM=… APPEND=… [MAX_ORDER=12] [LOADER=shim]: boot
# Debian's Linux 6.1 (scripts/fetch-linux.sh puts it in build/linux/) and this
# kernel on the same input, print both sets of memory lines and their diff.
LOADER ?= qemu
.PHONY: linux-diff
linux-diff: deps
	$(Q)$(MAKE) --no-print-directory $(OUT)/kernel.bin $(BUILD)/bootshim.bin dtbs
	$(Q)./scripts/fetch-linux.sh
	$(Q)python3 scripts/linux-diff.py --dtb $(DTB) --mem $(MEM) --append "$(APPEND)" \
		--max-order $(MAX_ORDER) --loader $(LOADER)


# ---------------------------------------------------------------- host side
# One warning set for the kernel, the host tests and the fuzzer: every
# external function has a prototype in a header, no K&R () declarations, no
# #if on an undefined macro.
WARN_FLAGS := -Wall -Wextra -Werror -Wmissing-prototypes -Wstrict-prototypes -Wundef

HOSTCC ?= gcc
HOST_CFLAGS := -std=gnu11 -O1 -g -pthread $(WARN_FLAGS) -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-Iinclude -Itests/host/include -Iarch/arm/include -DCONFIG_HOST_BUILD $(shell pkg-config --cflags libfdt 2>/dev/null)
HOST_LDLIBS := -lfdt -pthread

# Portable code: everything in mm/ plus the parts of boot/ that touch no hardware.
PORTABLE_SRCS := $(wildcard mm/*.c) boot/cpu.c boot/vsprintf.c boot/printk.c boot/fdt.c boot/cmdline.c boot/sort.c \
	boot/of_reserved_mem.c boot/of_address.c boot/of_console.c arch/arm/kernel/boot_place.c \
	arch/arm/mm/init.c arch/arm/mm/pgtable.c arch/arm/mm/cache-l2x0-of.c \
	arch/arm/mm/ptdump.c arch/arm/mm/memmap.c tests/ktap.c
HOST_SUPPORT_SRCS := $(wildcard tests/host/host_*.c)
HOST_HEADERS := $(wildcard include/*.h tests/*.h tests/host/include/asm/*.h tests/host/*.h arch/arm/include/asm/*.h mm/*.h)
# Suites written once for both sides (they name no hardware), with the page
# allocator suites' shared helpers and where they start on the host.
PORTABLE_SUITES := tests/target/printk_test.c tests/target/page_alloc_debug_test.c \
	tests/target/cma_lending_test.c tests/target/locking_test.c tests/target/mm_smp_test.c \
	tests/target/pcp_lock_test.c
# Suites: host-only ones, and the portable ones.
HOST_SUITES ?= $(wildcard tests/host/*_test.c) $(PORTABLE_SUITES) tests/mm_test.c \
	tests/host/mm_test_host.c tests/host/mm_smp_host.c

HOST_UNIT := $(HOST_BUILD)/unit

$(HOST_UNIT): $(PORTABLE_SRCS) $(HOST_SUPPORT_SRCS) $(HOST_SUITES) tests/host/main.c $(HOST_HEADERS)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) $(filter %.c,$^) -o $@ $(HOST_LDLIBS)

# ThreadSanitizer over the host's multi-threaded suites (CPUs as threads):
# mm_smp and locking_threads, in make test too (host:tsan: about 10 s of CPU
# to build, 4 s to run).  Linux's deliberate lockless reads are marked
# (READ_ONCE/WRITE_ONCE/data_race, docs/locking.md), so any report is a race.
# GCC warns that it cannot see through atomic_thread_fence (smp_mb).
comma := ,
HOST_TSAN := $(HOST_BUILD)/unit-tsan
$(HOST_TSAN): $(PORTABLE_SRCS) $(HOST_SUPPORT_SRCS) $(HOST_SUITES) tests/host/main.c $(HOST_HEADERS)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	$(Q)$(HOSTCC) $(filter-out -fsanitize=address$(comma)undefined -fno-sanitize-recover=all,$(HOST_CFLAGS)) \
		-fsanitize=thread -Wno-error=tsan $(filter %.c,$^) -o $@ $(HOST_LDLIBS)

.PHONY: host-test-tsan
host-test-tsan: $(HOST_TSAN)
	$(Q)$(HOST_TSAN) mm_smp,locking_threads

.PHONY: host-test
host-test: $(HOST_UNIT)
	$(Q)$(HOST_UNIT) $(FILTER)

# mmsim: the kernel's early boot on the host, for a DTB and command line.
# It follows MAX_ORDER as the kernel does; the host suites and the fuzzer are
# always built with the default (their expected figures are MAX_ORDER 11's).
MMSIM := $(OUT)/host/mmsim
$(MMSIM): $(filter-out tests/ktap.c,$(PORTABLE_SRCS)) $(HOST_SUPPORT_SRCS) scripts/mmsim.c $(HOST_HEADERS)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -DCONFIG_ARCH_FORCE_MAX_ORDER=$(MAX_ORDER) $(filter %.c,$^) -o $@ $(HOST_LDLIBS)

# The libFuzzer target over the DT scan and memblock; make test runs it for FUZZ_TIME seconds.
FUZZ_CC ?= clang
FUZZ_TIME ?= 30
FUZZ_CMDLINE_TIME ?= 10
FUZZ_CFLAGS := -std=gnu11 -O1 -g $(WARN_FLAGS) -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all -Iinclude -Itests/host/include -Iarch/arm/include -DCONFIG_HOST_BUILD
# Two targets: the whole memory boot (fdt_fuzz) and the command-line parsers (cmdline_fuzz).
$(HOST_BUILD)/%_fuzz: $(filter-out tests/ktap.c,$(PORTABLE_SRCS)) $(HOST_SUPPORT_SRCS) tests/fuzz/%_fuzz.c $(HOST_HEADERS)
	@mkdir -p $(@D)
	@echo "  FUZZCC  $@"
	$(Q)$(FUZZ_CC) $(FUZZ_CFLAGS) $(filter %.c,$^) -o $@ $(HOST_LDLIBS)

.PHONY: fuzz
fuzz: deps
	$(Q)$(MAKE) --no-print-directory $(HOST_BUILD)/fdt_fuzz $(HOST_BUILD)/cmdline_fuzz
	$(Q)tests/fuzz/run.sh $(HOST_BUILD)/fdt_fuzz $(FUZZ_TIME)
	$(Q)tests/fuzz/run.sh $(HOST_BUILD)/cmdline_fuzz $(FUZZ_CMDLINE_TIME)

.PHONY: clean
clean:
	rm -rf $(BUILD)/host $(BUILD)/kernel* $(BUILD)/obj $(BUILD)/dts $(BUILD)/test $(BUILD)/max-order-*

# ---------------------------------------------------------------- the kernel
CROSS_COMPILE ?= arm-none-eabi-
CC := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy
DEPS := $(BUILD)/deps
LIBFDT_A := $(DEPS)/usr/lib/arm-linux-gnueabihf/libfdt.a

# A debug UART (Linux's DEBUG_LL): a PL011 printed to before the DT is read.
# Off by default: the console is the one the DT names.  "make
# DEBUG_UART_PHYS=0x10009000" (vexpress) for output from the first line of C.
DEBUG_UART_PHYS ?=
DEBUG_UART_FLAGS := $(if $(DEBUG_UART_PHYS),-DDEBUG_UART_PHYS=$(DEBUG_UART_PHYS))
A9MM_VERSION := 0.1.0-$(shell git describe --always --dirty 2>/dev/null || echo unknown)

ARCH_FLAGS := -mcpu=cortex-a9 -marm -mfloat-abi=hard -mfpu=vfpv3-d16 -fno-short-enums
# -mgeneral-regs-only: our C never touches VFP registers, so exception entry
# need not save them (only libfdt and the string routines use VFP).
TARGET_CFLAGS := -std=gnu11 -O2 -g $(ARCH_FLAGS) -mgeneral-regs-only -ffreestanding -fno-common \
	-fstack-protector-strong $(WARN_FLAGS) \
	-Iinclude -Iarch/arm/include -I$(DEPS)/usr/include \
	$(DEBUG_UART_FLAGS) -DA9MM_VERSION='"$(A9MM_VERSION)"' -DCONFIG_ARCH_FORCE_MAX_ORDER=$(MAX_ORDER)
# -g: head.S and entry.S carry line information for gdb, as the C does.
TARGET_ASFLAGS := -g $(ARCH_FLAGS) -D__ASSEMBLY__ -Iinclude -Iarch/arm/include $(DEBUG_UART_FLAGS)
LIBC_A := $(shell $(CC) $(ARCH_FLAGS) -print-file-name=libc.a 2>/dev/null)
LIBGCC_A := $(shell $(CC) $(ARCH_FLAGS) -print-libgcc-file-name 2>/dev/null)

MM_SRCS ?= $(wildcard mm/*.c)
ARCH_SRCS ?= $(wildcard arch/arm/kernel/*.S arch/arm/kernel/*.c arch/arm/mm/*.c arch/arm/mm/*.S \
	arch/arm/mach-*/*.c arch/arm/mach-*/*.S)
BOOT_SRCS ?= $(wildcard boot/*.c boot/serial/*.c)
TARGET_SUITES ?= $(wildcard tests/target/*.c)
KERNEL_SRCS := $(ARCH_SRCS) $(BOOT_SRCS) $(MM_SRCS) tests/ktap.c tests/mm_test.c $(TARGET_SUITES)
KERNEL_OBJS := $(patsubst %,$(OUT)/obj/%.o,$(KERNEL_SRCS))

$(OUT)/obj/%.c.o: %.c $(DEPS)/.stamp
	@mkdir -p $(@D)
	@echo "  CC      $<"
	$(Q)$(CC) $(TARGET_CFLAGS) -MMD -MP -c $< -o $@

$(OUT)/obj/%.S.o: %.S
	@mkdir -p $(@D)
	@echo "  AS      $<"
	$(Q)$(CC) $(TARGET_ASFLAGS) -MMD -MP -c $< -o $@

# head.S calls boot_place.c with the MMU off, wherever the loader put the
# image and before BSS exists: position-independent, byte accesses only, and
# (checked) no absolute relocation and no call outside the file.
PLACE_CFLAGS := -Os -fpic -fno-jump-tables -fno-stack-protector -mno-unaligned-access \
	-fno-tree-loop-distribute-patterns -fno-unwind-tables -fno-asynchronous-unwind-tables
$(OUT)/obj/arch/arm/kernel/boot_place.c.o: arch/arm/kernel/boot_place.c $(DEPS)/.stamp
	@mkdir -p $(@D)
	@echo "  CC      $< (position-independent)"
	$(Q)$(CC) $(TARGET_CFLAGS) $(PLACE_CFLAGS) -MMD -MP -c $< -o $@
	$(Q)bad="$$($(CROSS_COMPILE)nm -u $@; $(CROSS_COMPILE)readelf -rW $@ | \
		awk '/^Relocation section/ { sec = $$3 } \
		     /^[0-9a-f]+ / && sec !~ /debug/ && $$3 !~ /^R_ARM_(REL32|CALL|JUMP24)$$/')"; \
	if [ -n "$$bad" ]; then echo "$<: must run anywhere, but needs:" >&2; \
		echo "$$bad" >&2; rm -f $@; exit 1; fi

-include $(KERNEL_OBJS:.o=.d)

$(DEPS)/.stamp: scripts/install-deps.sh
	$(Q)./scripts/install-deps.sh
	@echo "  DEPS    target libfdt: $$(cat $(DEPS)/libfdt-version)"
	@touch $@

.PHONY: build-all
build-all: $(OUT)/kernel.bin $(OUT)/uImage $(HOST_UNIT) $(MMSIM) $(HOST_BUILD)/fdt_fuzz $(HOST_BUILD)/cmdline_fuzz $(BUILD)/bootshim.bin dtbs

# newlib's string routines are built with short enums; they pass none across calls.
LINK_KERNEL = $(CC) $(ARCH_FLAGS) -nostdlib -static -T $(OUT)/linker.lds -Wl,--no-undefined \
	-Wl,--no-enum-size-warning -Wl,-z,noexecstack -Wl,-Map,$(basename $@).map \
	-o $@ $(KERNEL_OBJS) $(1) $(LIBFDT_A) $(LIBC_A) $(LIBGCC_A)

# Two links: the second carries the symbol table made from the first.  The
# table sits after all text, so no function moves between them (checked).
# linker.ld goes through the C preprocessor, as Linux's vmlinux.lds.S, so
# the layout's numbers come from asm/memory-layout.h like the C code's.
$(OUT)/linker.lds: linker.ld
	@mkdir -p $(@D)
	$(Q)$(CC) -E -P -x c -Uarm -D__ASSEMBLY__ -DLINKER_SCRIPT -Iinclude -Iarch/arm/include \
		-MMD -MP -MT $@ -MF $@.d $< -o $@

-include $(OUT)/linker.lds.d

$(OUT)/kernel.pass1.elf: $(KERNEL_OBJS) $(OUT)/linker.lds $(DEPS)/.stamp
	@echo "  LD      $@"
	$(Q)$(call LINK_KERNEL,)

$(OUT)/kallsyms.S: $(OUT)/kernel.pass1.elf scripts/kallsyms.sh
	$(Q)scripts/kallsyms.sh $(CROSS_COMPILE)nm $< > $@

$(OUT)/kallsyms.o: $(OUT)/kallsyms.S
	$(Q)$(CC) $(TARGET_ASFLAGS) -c $< -o $@

$(OUT)/kernel.elf: $(OUT)/kernel.pass1.elf $(OUT)/kallsyms.o
	@echo "  LD      $@"
	$(Q)$(call LINK_KERNEL,$(OUT)/kallsyms.o)
	$(Q)scripts/kallsyms.sh $(CROSS_COMPILE)nm $@ | cmp -s - $(OUT)/kallsyms.S || \
		{ echo "kallsyms: symbol addresses moved between link passes" >&2; rm -f $@; exit 1; }

$(OUT)/kernel.bin: $(OUT)/kernel.elf
	@echo "  OBJCOPY $@"
	$(Q)$(OBJCOPY) -O binary $< $@

# For U-Boot's bootm: a legacy uImage of type kernel_noload, which U-Boot
# runs where it loaded it (the kernel finds RAM and moves itself), so one
# image serves every board.
$(OUT)/uImage: $(OUT)/kernel.bin
	@echo "  MKIMAGE $@"
	$(Q)mkimage -q -A arm -O linux -T kernel_noload -C none -a 0 -e 0 -n "a9mm $(A9MM_VERSION)" \
		-d $< $@ >/dev/null

.PHONY: kernel
kernel: $(OUT)/kernel.bin

$(BUILD)/bootshim.bin: tests/boot/bootshim.S
	@mkdir -p $(@D)
	$(Q)$(CC) $(TARGET_ASFLAGS) -nostdlib -Wl,-Ttext=0 -o $(BUILD)/bootshim.elf $<
	$(Q)$(OBJCOPY) -O binary $(BUILD)/bootshim.elf $@

# ---------------------------------------------------------------- device trees
DTS_BOARDS := $(filter-out %.dtsi,$(wildcard dts/*.dts))
# truncated.dtb: a DTB cut short, for the boot test that checks the kernel rejects it;
# padded.dtb: one padded beyond the 1 MiB the kernel maps, as loaders pad in place;
# The inputs of tests/boot/cases/ (from public reports, with Linux's lines): cases/NAME.dtb.
CASE_DTBS := $(patsubst tests/boot/cases/%/input.dts,$(BUILD)/dts/cases/%.dtb,\
	$(wildcard tests/boot/cases/*/input.dts))
DTBS := $(patsubst dts/%.dts,$(BUILD)/dts/%.dtb,$(DTS_BOARDS)) $(BUILD)/dts/truncated.dtb $(CASE_DTBS) \
	$(BUILD)/dts/vexpress-a9-padded.dtb $(BUILD)/dts/vexpress-a9-padded-header.dtb

$(BUILD)/dts/%.dtb: dts/%.dts $(wildcard dts/*.dtsi)
	@mkdir -p $(@D)
	@echo "  DTC     $@"
	$(Q)dtc -q -i dts -I dts -O dtb -o $@ $<

.PHONY: dtbs
dtbs: $(DTBS)

$(BUILD)/dts/cases/%.dtb: tests/boot/cases/%/input.dts
	@mkdir -p $(@D)
	@echo "  DTC     $@"
	$(Q)dtc -q -I dts -O dtb -o $@ $<

$(BUILD)/dts/truncated.dtb: $(BUILD)/dts/vexpress-a9.dtb
	$(Q)head -c 1000 $< > $@

$(BUILD)/dts/vexpress-a9-padded.dtb: dts/vexpress-a9.dts $(wildcard dts/*.dtsi)
	$(Q)dtc -q -i dts -I dts -O dtb -p 1572864 -o $@ $<

# padded-header.dtb: the same claim (totalsize 1.5 MiB) without the padding's bytes in the file.
$(BUILD)/dts/vexpress-a9-padded-header.dtb: $(BUILD)/dts/vexpress-a9.dtb
	$(Q)cp $< $@ && printf '\000\030\000\000' | dd of=$@ bs=1 seek=4 conv=notrunc status=none
