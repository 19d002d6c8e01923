"""The QEMU machines a9mm runs on, one fact each: where RAM starts, which DT
describes the machine, and which serial port is the console.  Used by
scripts/run-tests.py (make test), scripts/qemu-run.py (make run) and bench.

    dtb          file in build/dts/ for QEMU's -dtb; None: QEMU generates one
    ram_base     where the machine's RAM starts (QEMU's -kernel loads at +0x10000)
    serial       index of the console's serial port: earlier ones get -serial null
    smp          the fewest CPUs QEMU accepts for the machine (-smp), when more than 1
    pen          where tests/boot/bootshim.S holds the secondary CPUs, as the
                 board's firmware does: (the word they wait on to hold an entry
                 address, the GIC CPU interface that must let the wake-up SGI in,
                 and memory outside RAM where they run the shim meanwhile, since
                 the kernel takes RAM over: QEMU's own stub uses it too)
    cpus         the CPUs the machine's DT lists (when more than 1): the -smp that
                 make run and the boot tests use unless they say otherwise (a
                 smaller -smp leaves DT CPUs that never start: each costs the
                 kernel a bounded wait, as it costs Linux 1 s)
    cpu_off      the PSCI CPU_OFF function ID bootshim.S's secondary CPUs power off
                 with, on a machine whose emulated firmware answers SMC (a boot
                 may say cpu_off= itself; 0: they wait in WFI)
    cpu          QEMU -cpu, when the machine's default is not a Cortex-A9 (QEMU's
                 virt takes no Cortex-A9; its ARMv7 choices are the A7 and A15)
    uboot        Debian's U-Boot for the machine (build/deps/usr/lib/u-boot/...):
                 bios= (QEMU -bios), or imx= loaded without its first
                 imx_skip bytes at imx_addr and started there (QEMU does not
                 model the i.MX boot ROM that would do it); kernel_addr_r is
                 U-Boot's default load address for the kernel
"""

BOARDS = {
    "vexpress-a9": dict(dtb="vexpress-a9.dtb", ram_base=0x60000000, serial=0, cpus=4,
                        pen=(0x10000030, 0x1e000100, 0x48000000)),
    "virt": dict(dtb=None, ram_base=0x40000000, serial=0, cpu="cortex-a15", cpus=4,
                 uboot=dict(bios="qemu_arm/u-boot.bin", kernel_addr_r=0x40400000)),
    "xilinx-zynq-a9": dict(dtb="xilinx-zynq-a9.dtb", ram_base=0x00000000, serial=0),
    "sabrelite": dict(dtb="sabrelite.dtb", ram_base=0x10000000, serial=1, cpus=4,
                      uboot=dict(imx="mx6qsabrelite/u-boot-dtb.imx", imx_skip=0xC00,
                                 imx_addr=0x17800000, kernel_addr_r=0x12000000)),
    "highbank": dict(dtb="highbank.dtb", ram_base=0x00000000, serial=0, cpus=4,
                     cpu_off=0x84000002),
    "realview-pbx-a9": dict(dtb="realview-pbx-a9.dtb", ram_base=0x00000000, serial=0, cpus=4,
                            pen=(0x10000030, 0x1f000100, 0xe0000000)),
    "npcm750-evb": dict(dtb="npcm750-evb.dtb", ram_base=0x00000000, serial=0, smp=2),
}


def board(machine):
    """The table entry for QEMU machine @machine (KeyError names the unknown one)."""
    try:
        return BOARDS[machine]
    except KeyError:
        raise KeyError("unknown machine %r (known: %s)" % (machine, ", ".join(sorted(BOARDS))))


def default_smp(machine):
    """The -smp to run @machine with when nothing says otherwise: its DT's CPUs."""
    b = board(machine)
    return max(b.get("cpus", 1), b.get("smp", 1))


def smp_args(machine, smp, icount=False):
    """QEMU's -smp for @machine, at least what QEMU accepts, and with more
    than one CPU multi-threaded TCG, so that the CPUs really race (-icount,
    for benchmarks, needs single-threaded TCG)."""
    n = max(int(smp), board(machine).get("smp", 1))
    args = ["-smp", str(n)]
    if n > 1 and not icount:
        args += ["-accel", "tcg,thread=multi"]
    return args


def shim_params(machine, r2, entry, cpu_off=None):
    """The words tests/boot/bootshim.S reads after its code: r1 (machine type),
    r2, the kernel's entry, the PSCI CPU_OFF function ID secondary CPUs power
    off with (None: the board's; 0: none), and where they wait for an entry
    address otherwise (pen 0: in WFI for good)."""
    import struct
    pen, gicc, _ = board(machine).get("pen", (0, 0, 0))
    if cpu_off is None:
        cpu_off = board(machine).get("cpu_off", 0)
    return struct.pack("<IIIIII", 0x8e0, r2, entry, cpu_off, pen, gicc)


def console_args(machine, serial=None, semihosting=True):
    """QEMU options: the console UART (or UART @serial) and semihosting share
    one stdio chardev, so a log replayed through semihosting (no UART
    console) lands in the same stream as the UART's."""
    b = board(machine)
    args = ["-chardev", "stdio,mux=on,id=con"]
    for _ in range(b["serial"] if serial is None else serial):
        args += ["-serial", "null"]
    args += ["-serial", "chardev:con"]
    if semihosting:
        args += ["-semihosting-config", "enable=on,target=native,chardev=con"]
    if b.get("cpu"):
        args += ["-cpu", b["cpu"]]
    return args


if __name__ == "__main__":
    # For the Makefile: "boards.py dtb MACHINE" prints the DT's path (empty when
    # QEMU makes one), "boards.py smp MACHINE" the default -smp count,
    # "boards.py args MACHINE [SMP]" the console and CPU options.
    import os
    import sys

    what, machine = sys.argv[1], sys.argv[2]
    try:
        b = board(machine)
    except KeyError as e:
        sys.exit("boards.py: %s" % e.args[0])
    if what == "dtb":
        print(os.path.join("build", "dts", b["dtb"]) if b["dtb"] else "")
    elif what == "smp":
        print(default_smp(machine))
    else:
        smp = sys.argv[3] if len(sys.argv) > 3 else default_smp(machine)
        print(" ".join(console_args(machine) + smp_args(machine, smp)))
