#!/bin/sh
# Install what the build and the tests need, from Debian's packages only.
# Idempotent: does nothing when everything is present.  Also fetches the
# armhf libfdt (static library + headers) into build/deps/ for the target,
# because libfdt-dev:armhf cannot be installed beside the host's libfdt-dev,
# and real U-Boot (Debian's u-boot-qemu and u-boot-imx:armhf, the boot
# loaders make test boots the kernel with) into build/deps/usr/lib/u-boot/.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
deps="$top/build/deps"

packages="gcc-arm-none-eabi binutils-arm-none-eabi libnewlib-arm-none-eabi
qemu-system-arm device-tree-compiler libfdt-dev gcc make clang
libclang-rt-14-dev clang-format python3 gdb-multiarch u-boot-tools"

missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

apt_updated=""
apt_update() {
	[ -n "$apt_updated" ] && return 0
	# A partial index failure (a mirror mid-sync) is not fatal: the install
	# or download below fails clearly if what it needs is really missing.
	$sudo apt-get update -qq || echo "install-deps: apt-get update reported errors; continuing"
	apt_updated=1
}

if [ -n "$missing" ]; then
	echo "install-deps: installing$missing"
	apt_update
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -o DPkg::Lock::Timeout=600 -y -qq --no-install-recommends $missing >/dev/null
fi

# Unpack package $1 (apt-get download, so nothing is installed) into
# build/deps unless $2, a file it ships, is already there; its .deb's name
# goes into build/deps/$3.
unpack() {
	[ -f "$deps/$2" ] && return 0
	if ! dpkg --print-foreign-architectures | grep -qx armhf; then
		$sudo dpkg --add-architecture armhf
		apt_updated=""
	fi
	apt_update
	tmp=$(mktemp -d)
	chmod 755 "$tmp" # apt-get download runs as _apt
	(cd "$tmp" && apt-get download -qq "$1" >/dev/null)
	mkdir -p "$deps"
	dpkg-deb -x "$tmp"/*.deb "$deps"
	basename "$tmp"/*.deb >"$deps/$3"
	rm -rf "$tmp"
	echo "install-deps: unpacked $(cat "$deps/$3") into build/deps"
}

unpack libfdt-dev:armhf usr/lib/arm-linux-gnueabihf/libfdt.a libfdt-version
unpack u-boot-qemu usr/lib/u-boot/qemu_arm/u-boot.bin u-boot-qemu-version
unpack u-boot-imx:armhf usr/lib/u-boot/mx6qsabrelite/u-boot-dtb.imx u-boot-imx-version
