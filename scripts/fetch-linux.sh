#!/bin/sh
# Fetch Debian's Linux 6.1 armmp kernel, the oracle `make linux-diff` boots,
# and unpack it into build/linux/: zImage (the kernel), dtbs/ (Linux's own
# board device trees, e.g. dtbs/vexpress-v2p-ca9.dtb) and linux-version
# (the package it came from).  Debian's package only, through apt-get
# download; idempotent (does nothing when build/linux/ is complete).
#   scripts/fetch-linux.sh [BUILD_DIR]     default: build
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$top/build}
out="$build/linux"

[ -f "$out/zImage" ] && [ -d "$out/dtbs" ] && [ -f "$out/linux-version" ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

if ! dpkg --print-foreign-architectures | grep -qx armhf; then
	$sudo dpkg --add-architecture armhf
	$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq || true
fi

# The newest linux-image-6.1.0-N-armmp the package lists know (not -lpae, -rt, -dbg).
pick() {
	apt-cache search --names-only '^linux-image-6\.1\.0-[0-9]+-armmp$' | cut -d' ' -f1 |
		sort -t- -k4,4n | tail -n 1
}
pkg=$(pick)
if [ -z "$pkg" ]; then
	$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq || true
	pkg=$(pick)
fi
[ -n "$pkg" ] || { echo "fetch-linux: no linux-image-6.1.0-*-armmp package in the apt lists" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp" # apt-get download runs as _apt
echo "fetch-linux: apt-get download $pkg:armhf"
(cd "$tmp" && apt-get download -qq "$pkg:armhf" >/dev/null)
deb=$(ls "$tmp"/*.deb)
dpkg-deb -x "$deb" "$tmp/x"

rm -rf "$out.new"
mkdir -p "$out.new"
cp "$tmp"/x/boot/vmlinuz-* "$out.new/zImage"
cp "$tmp"/x/boot/config-* "$out.new/config"
mv "$tmp"/x/usr/lib/linux-image-*/ "$out.new/dtbs"
basename "$deb" >"$out.new/linux-version"
rm -rf "$out"
mv "$out.new" "$out"
echo "fetch-linux: $(cat "$out/linux-version") in $out"
