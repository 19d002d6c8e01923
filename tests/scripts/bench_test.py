#!/usr/bin/env python3
"""scripts/bench.py's data side: the log parser, the rows, CSV/JSON, baselines.

No QEMU: the inputs are bench lines as the suites print them.  Run by
make test (scripts/run-tests.py, "host:scripts") or on its own.
"""
import csv
import importlib.util
import json
import os
import tempfile
import unittest

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
spec = importlib.util.spec_from_file_location("bench", os.path.join(TOP, "scripts", "bench.py"))
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)

LOG_64M = """\
    # Subtest: bench_page_alloc
    # bench: page_alloc.order0_pair: 169.0 instructions/op
    # bench: page_alloc.order3_pair: 412.0 instructions/op
    # bench: clock.instructions_per_tick: 10.0
    ok 1 order0_pair
"""
LOG_1G = LOG_64M.replace("169.0", "176.0").replace("412.0", "618.0")


class BenchData(unittest.TestCase):
    def test_parse_log_reads_value_and_unit_of_each_bench_line(self):
        got = bench.parse_log(LOG_64M)
        self.assertEqual(got["page_alloc.order0_pair"], (169.0, "instructions/op"))
        self.assertEqual(got["clock.instructions_per_tick"], (10.0, ""))
        self.assertEqual(len(got), 3)

    def test_rows_put_clock_first_and_one_row_per_measure_and_size(self):
        runs = {"64M": [bench.parse_log(LOG_64M)], "1G": [bench.parse_log(LOG_1G)]}
        rows = bench.make_rows(["64M", "1G"], runs)
        self.assertEqual([(r["measure"], r["ram"]) for r in rows][:2],
                         [("clock.instructions_per_tick", "64M"),
                          ("clock.instructions_per_tick", "1G")])
        self.assertEqual(len(rows), 6)
        one = [r for r in rows if r["measure"] == "page_alloc.order3_pair" and r["ram"] == "1G"]
        self.assertEqual(one[0]["value"], 618.0)
        self.assertIsNone(one[0]["min"])  # one boot: no spread to report

    def test_repeated_boots_give_min_median_max(self):
        runs = {"64M": [bench.parse_log(LOG_64M.replace("169.0", v)) for v in
                        ("171.0", "169.0", "180.0")]}
        row = [r for r in bench.make_rows(["64M"], runs)
               if r["measure"] == "page_alloc.order0_pair"][0]
        self.assertEqual((row["min"], row["median"], row["max"], row["runs"]),
                         (169.0, 171.0, 180.0, 3))
        self.assertEqual(row["value"], 171.0)

    def test_csv_and_json_hold_the_same_rows_and_json_reloads_as_baseline(self):
        rows = bench.make_rows(["64M", "1G"], {"64M": [bench.parse_log(LOG_64M)],
                                              "1G": [bench.parse_log(LOG_1G)]})
        with tempfile.TemporaryDirectory() as d:
            bench.write_results(rows, d, {"suites": ["x"]}, False)
            with open(os.path.join(d, "results.csv")) as f:
                table = list(csv.DictReader(f))
            self.assertEqual(list(table[0].keys()), bench.FIELDS)
            self.assertEqual(len(table), len(rows))
            self.assertEqual(float(table[0]["value"]), rows[0]["value"])
            with open(os.path.join(d, "results.json")) as f:
                data = json.load(f)
            self.assertEqual(data["format"], bench.FORMAT)
            self.assertEqual(len(data["results"]), len(rows))
            base = bench.load_baseline(os.path.join(d, "results.json"))
        self.assertEqual(base[("page_alloc.order0_pair", "1G")], 176.0)

    def test_baseline_ratio_is_ours_over_theirs_and_missing_rows_stay_empty(self):
        rows = bench.make_rows(["1G"], {"1G": [bench.parse_log(LOG_1G)]})
        bench.apply_baseline(rows, {("page_alloc.order0_pair", "1G"): 352.0,
                                    ("page_alloc.order3_pair", "any"): 309.0})
        by = {r["measure"]: r for r in rows}
        self.assertEqual(by["page_alloc.order0_pair"]["ratio"], 0.5)
        self.assertEqual(by["page_alloc.order3_pair"]["ratio"], 2.0)
        self.assertIsNone(by["clock.instructions_per_tick"]["ratio"])
        with tempfile.TemporaryDirectory() as d:
            bench.write_results(rows, d, {}, True)
            with open(os.path.join(d, "results.csv")) as f:
                header = f.readline().strip().split(",")
        self.assertEqual(header[-2:], ["baseline", "ratio"])
        self.assertIn("ratio", bench.table(rows, ["1G"], True)[0])

    def test_a_file_that_is_not_a_results_json_is_refused(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json") as f:
            json.dump({"results": []}, f)
            f.flush()
            with self.assertRaises(ValueError):
                bench.load_baseline(f.name)

    def test_the_linux_baseline_in_docs_loads(self):
        base = bench.load_baseline(os.path.join(TOP, "docs", "bench-linux-6.1.json"))
        self.assertEqual(base[("page_alloc.order0_pair", "any")], 625)
        self.assertEqual(base[("boot.entry_to_buddy_ready", "1G")], 86600000)


if __name__ == "__main__":
    unittest.main()
