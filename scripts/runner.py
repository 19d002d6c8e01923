"""scripts/run-tests.py as a module, for the scripts that boot through it.

Its file name has a dash, so it cannot be imported by name; bench.py and
check-doc-samples.py use load() to get the same QEMU command lines, boot
defaults and log directory as make test.
"""
import importlib.util
import os


def load():
    """The run-tests.py module (loaded afresh)."""
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("run_tests", os.path.join(here, "run-tests.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod
