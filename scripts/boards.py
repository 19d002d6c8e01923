"""The QEMU machines a9mm runs on, one fact each: where RAM starts, which DT
describes the machine, and which serial port is the console.  Used by
scripts/run-tests.py (make test), scripts/qemu-run.py (make run) and bench.

    dtb          file in build/dts/ for QEMU's -dtb; None: QEMU generates one
    ram_base     where the machine's RAM starts (QEMU's -kernel loads at +0x10000)
    serial       index of the console's serial port: earlier ones get -serial null
    smp          the fewest CPUs QEMU accepts for the machine (-smp), when more than 1
    cpu          QEMU -cpu, when the machine's default is not a Cortex-A9 (QEMU's
                 virt takes no Cortex-A9; its ARMv7 choices are the A7 and A15)
    uboot        Debian's U-Boot for the machine (build/deps/usr/lib/u-boot/...):
                 bios= (QEMU -bios), or imx= loaded without its first
                 imx_skip bytes at imx_addr and started there (QEMU does not
                 model the i.MX boot ROM that would do it); kernel_addr_r is
                 U-Boot's default load address for the kernel
"""

BOARDS = {
    "vexpress-a9": dict(dtb="vexpress-a9.dtb", ram_base=0x60000000, serial=0),
    "virt": dict(dtb=None, ram_base=0x40000000, serial=0, cpu="cortex-a15",
                 uboot=dict(bios="qemu_arm/u-boot.bin", kernel_addr_r=0x40400000)),
    "xilinx-zynq-a9": dict(dtb="xilinx-zynq-a9.dtb", ram_base=0x00000000, serial=0),
    "sabrelite": dict(dtb="sabrelite.dtb", ram_base=0x10000000, serial=1,
                      uboot=dict(imx="mx6qsabrelite/u-boot-dtb.imx", imx_skip=0xC00,
                                 imx_addr=0x17800000, kernel_addr_r=0x12000000)),
    "highbank": dict(dtb="highbank.dtb", ram_base=0x00000000, serial=0),
    "realview-pbx-a9": dict(dtb="realview-pbx-a9.dtb", ram_base=0x00000000, serial=0),
    "npcm750-evb": dict(dtb="npcm750-evb.dtb", ram_base=0x00000000, serial=0, smp=2),
}


def board(machine):
    """The table entry for QEMU machine @machine (KeyError names the unknown one)."""
    try:
        return BOARDS[machine]
    except KeyError:
        raise KeyError("unknown machine %r (known: %s)" % (machine, ", ".join(sorted(BOARDS))))


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
    # QEMU makes one), "boards.py args MACHINE" the console options.
    import os
    import sys

    what, machine = sys.argv[1], sys.argv[2]
    try:
        b = board(machine)
    except KeyError as e:
        sys.exit("boards.py: %s" % e.args[0])
    if what == "dtb":
        print(os.path.join("build", "dts", b["dtb"]) if b["dtb"] else "")
    else:
        extra = ["-smp", str(b["smp"])] if b.get("smp") else []  # after make's own -smp
        print(" ".join(console_args(machine) + extra))
