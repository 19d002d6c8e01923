#!/bin/sh
# Install what the build and the tests need, from Debian's packages only.
# Idempotent: does nothing when everything is present.  Also fetches the
# armhf libfdt (static library + headers) into build/deps/ for the target,
# because libfdt-dev:armhf cannot be installed beside the host's libfdt-dev.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
deps="$top/build/deps"

packages="gcc-arm-none-eabi binutils-arm-none-eabi libnewlib-arm-none-eabi
qemu-system-arm device-tree-compiler libfdt-dev gcc make clang
libclang-rt-14-dev clang-format python3 gdb-multiarch"

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

if [ ! -f "$deps/usr/lib/arm-linux-gnueabihf/libfdt.a" ]; then
	if ! dpkg --print-foreign-architectures | grep -qx armhf; then
		$sudo dpkg --add-architecture armhf
		apt_updated=""
	fi
	apt_update
	tmp=$(mktemp -d)
	chmod 755 "$tmp" # apt-get download runs as _apt
	(cd "$tmp" && apt-get download -qq libfdt-dev:armhf >/dev/null)
	mkdir -p "$deps"
	dpkg-deb -x "$tmp"/libfdt-dev_*_armhf.deb "$deps"
	basename "$tmp"/libfdt-dev_*_armhf.deb >"$deps/libfdt-version"
	rm -rf "$tmp"
	echo "install-deps: target libfdt from $(cat "$deps/libfdt-version")"
fi
