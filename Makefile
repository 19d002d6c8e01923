# The whole build: the ARM kernel image, the host tests and tools, QEMU runs.
#   make run   build and boot under QEMU (MEM=, SMP=, DTB=, APPEND=, MACHINE=)
#   make test  host tests + every QEMU boot test; last line "N passed, N failed"
#   make bench deterministic benchmarks under QEMU -icount
# Quiet by default; V=1 shows the commands.

BUILD := build
HOST_BUILD := $(BUILD)/host

ifeq ($(V),1)
Q :=
else
Q := @
endif

# ---------------------------------------------------------------- host side
HOSTCC ?= gcc
HOST_CFLAGS := -std=gnu11 -O1 -g -Wall -Wextra -Werror -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all \
	-Iinclude -Itests/host/include -DCONFIG_HOST_BUILD $(shell pkg-config --cflags libfdt 2>/dev/null)
HOST_LDLIBS := -lfdt

# Portable code: everything in mm/ plus the parts of boot/ that touch no hardware.
PORTABLE_SRCS := $(wildcard mm/*.c) boot/vsprintf.c boot/printk.c tests/ktap.c \
	$(wildcard boot/fdt.c boot/cmdline.c)
HOST_SUPPORT_SRCS := tests/host/host_ram.c tests/host/host_support.c
# Suites: host-only ones, and target suites that are portable (they name no hardware).
HOST_SUITES ?= $(wildcard tests/host/*_test.c) tests/target/printk_test.c

HOST_UNIT := $(HOST_BUILD)/unit

$(HOST_UNIT): $(PORTABLE_SRCS) $(HOST_SUPPORT_SRCS) $(HOST_SUITES) tests/host/main.c $(wildcard include/*.h tests/host/include/asm/*.h)
	@mkdir -p $(@D)
	@echo "  HOSTCC  $@"
	$(Q)$(HOSTCC) $(HOST_CFLAGS) $(filter %.c,$^) -o $@ $(HOST_LDLIBS)

.PHONY: host-test
host-test: $(HOST_UNIT)
	$(Q)$(HOST_UNIT) $(FILTER)

.PHONY: clean
clean:
	rm -rf $(BUILD)/host $(BUILD)/kernel* $(BUILD)/obj $(BUILD)/dts $(BUILD)/test
