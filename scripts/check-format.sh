#!/bin/sh
# The tree's C is formatted by its .clang-format: make test runs this so an
# unformatted file fails CI.  Fix with `clang-format -i FILE`.
# Checks the C files git knows (tracked, or new and not ignored).
set -eu
cd "$(dirname "$0")/.."
git ls-files -z --cached --others --exclude-standard -- '*.c' '*.h' |
	xargs -0 -r clang-format --dry-run -Werror
