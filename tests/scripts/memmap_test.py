#!/usr/bin/env python3
"""scripts/memmap: reading the document, the axis, and that every region is drawn."""
import importlib.machinery
import importlib.util
import os
import re
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
loader = importlib.machinery.SourceFileLoader("memmap", os.path.join(TOP, "scripts", "memmap"))
spec = importlib.util.spec_from_loader("memmap", loader)
memmap = importlib.util.module_from_spec(spec)
loader.exec_module(memmap)

M = 1 << 20


def region(kind, name, base, size):
    return {"kind": kind, "name": name, "base": base, "size": size}


DOC = {"format": memmap.FORMAT, "model": "test \"board\"", "page_offset": 0xc0000000,
       "phys_offset": 0x60000000, "lowmem_limit": 0x70000000,
       "physical": [region("ram", "memory", 0x60000000, 256 * M),
                    region("zone", "Normal", 0x60000000, 256 * M),
                    region("kernel", "kernel .text", 0x60010000, 0x20000),
                    region("page-tables", "pte tables (second level)", 0x604fb800, 1024),
                    region("cma", "reserved", 0x6f000000, 16 * M)],
       "virtual": [region("lowmem", "linear map of lowmem", 0xc0000000, 256 * M),
                   region("vmalloc", "vmalloc", 0xd0800000, 752 * M),
                   region("vectors", "vectors", 0xffff0000, 4096)],
       "devices": [region("device", "/smb@10000000/serial@10009000", 0x10009000, 4096)]}
LOG = "Booting a9mm\r\n" + "\r\n".join(
    ['{"format": "a9mm-memmap-1", "model": "m", "page_offset": 1, "phys_offset": 2, '
     '"lowmem_limit": 3,', '"physical": [', '  {"kind": "ram", "name": "memory", "base": 10, '
     '"size": 20}', '],', '"virtual": [', '],', '"devices": [', ']}']) + "\r\nKTAP version 1\r\n"


class Memmap(unittest.TestCase):
    def test_extract_finds_the_document_in_a_boot_log(self):
        doc = memmap.extract(LOG)
        self.assertEqual(doc["physical"][0]["size"], 20)
        with self.assertRaises(ValueError):
            memmap.extract("Booting a9mm\nno map here\n")

    def test_every_region_is_drawn_and_a_missing_one_is_found(self):
        svg = memmap.render(DOC)
        self.assertEqual(memmap.missing_from_svg(DOC, svg), [])
        cut = re.sub(r'<rect [^>]*data-name="kernel .text"[^>]*>.*?</rect>', "", svg)
        self.assertEqual(memmap.missing_from_svg(DOC, cut), ["kernel kernel .text at 0x60010000"])

    def test_higher_addresses_are_higher_and_a_long_gap_is_a_break(self):
        axis = memmap.Axis(DOC["physical"] + DOC["devices"])
        self.assertEqual(len(axis.breaks), 1)  # the devices and RAM are 1.5 GiB apart
        self.assertLess(axis.y(0x70000000), axis.y(0x60000000))
        self.assertLess(axis.y(0x60000000), axis.y(0x10009000))
        self.assertIn("cut out: 0x1000a000-0x5fffffff", memmap.render(DOC))

    def test_big_regions_are_to_scale_and_tiny_ones_say_they_are_not(self):
        axis = memmap.Axis(DOC["virtual"])
        lowmem = axis.y(0xc0000000) - axis.y(0xd0000000)
        vmalloc = axis.y(0xd0800000) - axis.y(0xff800000)
        self.assertAlmostEqual(vmalloc / lowmem, 752 / 256, places=1)
        self.assertTrue(axis.scaled(DOC["virtual"][1]))
        self.assertFalse(axis.scaled(DOC["virtual"][2]))  # 4 KiB in 1 GiB: widened
        self.assertIn("vectors 0xffff0000-0xffff0fff (4 KiB), not to scale", memmap.render(DOC))


if __name__ == "__main__":
    unittest.main()
