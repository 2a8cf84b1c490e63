"""How long the test suite takes, in total, by layer and by slowest test (run by hand).

    .venv/bin/python bench/test_time.py                    # `make test-fast`, then `make test`
    .venv/bin/python bench/test_time.py --target test      # one Makefile target
    .venv/bin/python bench/test_time.py --checkout /other/clone --command ".venv/bin/python -m pytest"

Each command runs in the checkout with pytest's JUnit report switched on (PYTEST_ADDOPTS),
so the script prints the wall time of the whole command and, from the report, the time
spent in each layer (the folder under tests/) and the ten slowest tests. The targets
(issue 12): `make test-fast` <= 60 s and `make test` <= 6 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"test-fast": 60, "test": 360}  # seconds


def layer_of(classname: str) -> str:
    """`tests.browser.test_x` -> "browser"; a test module directly under tests/ -> "(top)"."""
    parts = classname.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "tests" else "(top)"


def run(command: list[str], checkout: Path) -> tuple[float, int, Path]:
    report = Path(tempfile.mkdtemp()) / "junit.xml"
    env = {**os.environ, "PYTEST_ADDOPTS": f"{os.environ.get('PYTEST_ADDOPTS', '')} --junitxml={report}".strip()}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=checkout, env=env)
    return time.perf_counter() - start, done.returncode, report


def summarise(report: Path) -> None:
    if not report.is_file():
        print("  (no JUnit report: pytest did not run)")
        return
    cases = ET.parse(report).getroot().iter("testcase")
    by_layer: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    timed = []
    for case in cases:
        seconds = float(case.get("time", 0))
        layer = layer_of(case.get("classname", ""))
        by_layer[layer] += seconds
        counts[layer] += 1
        timed.append((seconds, f"{case.get('classname')}::{case.get('name')}"))
    print("  by layer (time inside tests and their fixtures):")
    for layer, seconds in sorted(by_layer.items(), key=lambda item: -item[1]):
        print(f"    {layer:<10} {counts[layer]:>4} tests  {seconds:7.1f} s")
    print("  slowest tests:")
    for seconds, name in sorted(timed, reverse=True)[:10]:
        print(f"    {seconds:7.1f} s  {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checkout", type=Path, default=ROOT, help="the clone to test (default: this one)")
    parser.add_argument("--target", action="append", choices=sorted(TARGETS), help="Makefile target(s) to time")
    parser.add_argument("--command", help="time this command instead of Makefile targets")
    args = parser.parse_args()
    commands = (
        {args.command: None}
        if args.command
        else {f"make {target}": TARGETS[target] for target in (args.target or ["test-fast", "test"])}
    )
    for command, target in commands.items():
        seconds, returncode, report = run(shlex.split(command), args.checkout.resolve())
        verdict = "" if target is None else (" (target met)" if seconds <= target else f" (target {target} s missed)")
        print(f"{command}: {seconds:.1f} s, exit {returncode}{verdict}")
        summarise(report)


if __name__ == "__main__":
    main()
