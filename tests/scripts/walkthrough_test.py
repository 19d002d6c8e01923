#!/usr/bin/env python3
"""docs/walkthrough.md stays true: its log lines and its exercises' answers.

Boots the command the page follows (make run MEM=1G
APPEND="kunit.filter_glob=printk": QEMU, 1 GiB, the default DT) and checks
that every line of its ```log blocks is in the log, in order ("…" stands
for text that changes with every build).  Runs every exercise's
build/host/mmsim command and checks the lines of the ```mmsim block after
it are in its output, in order.  Needs make all first (make test does it).
"""
import os
import re
import shlex
import subprocess
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BUILD = os.path.join(TOP, "build")
PAGE = os.path.join(TOP, "docs", "walkthrough.md")


def blocks(text, lang):
    """The contents of every ```lang block, as lists of lines."""
    return [b.split("\n") for b in re.findall(r"```%s\n(.*?)```" % lang, text, re.S)]


def pattern(line):
    return re.compile(".*".join(re.escape(part) for part in line.split("…")))


def missing_in_order(want, have):
    """The first line of @want not found in @have after the previous one, or None."""
    pos = 0
    for line in (l.rstrip() for l in want):
        if not line:
            continue
        p = pattern(line)
        while pos < len(have) and not p.fullmatch(have[pos].rstrip()):
            pos += 1
        if pos == len(have):
            return line
        pos += 1
    return None


class Walkthrough(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(PAGE) as f:
            cls.page = f.read()

    def test_every_quoted_log_line_is_in_a_real_boot_log(self):
        cmd = ["qemu-system-arm", "-M", "vexpress-a9", "-m", "1G", "-display", "none",
               "-monitor", "none", "-serial", "stdio", "-no-reboot", "-nic", "none",
               "-semihosting-config", "enable=on,target=native",
               "-kernel", os.path.join(BUILD, "kernel.bin"),
               "-dtb", os.path.join(BUILD, "dts", "vexpress-a9.dtb"),
               "-append", "kunit.filter_glob=printk"]
        out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             timeout=60, env=dict(os.environ, QEMU_AUDIO_DRV="none")).stdout
        log = out.decode(errors="replace").replace("\r", "").split("\n")
        quoted = [line for b in blocks(self.page, "log") for line in b]
        self.assertGreater(len(quoted), 20)
        self.assertIsNone(missing_in_order(quoted, log))

    def test_every_exercise_answer_is_what_mmsim_prints(self):
        pairs = re.findall(r"```sh\n(build/host/mmsim [^\n]*)\n```\s*```mmsim\n(.*?)```",
                           self.page, re.S)
        self.assertGreaterEqual(len(pairs), 4)
        for command, expected in pairs:
            argv = shlex.split(command)
            argv[0] = os.path.join(TOP, argv[0])
            proc = subprocess.run(argv, cwd=TOP, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL, timeout=120)
            have = proc.stdout.decode(errors="replace").split("\n")
            self.assertIsNone(missing_in_order(expected.split("\n"), have), command)

    def test_every_picture_the_page_shows_exists(self):
        pictures = re.findall(r"!\[[^]]*\]\(([^)]+)\)", self.page)
        self.assertEqual(len(pictures), 5)
        for p in pictures:
            self.assertTrue(os.path.exists(os.path.join(TOP, "docs", p)), p)


if __name__ == "__main__":
    unittest.main()
