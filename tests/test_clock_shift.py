"""No test may depend on the day it runs: the knowledge and rights tests pass with the system
clock moved a year ahead and a year back (libfaketime), because every "today" of the code comes
from ``bot.clock`` and the tests freeze it once in ``tests/conftest.py``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT

FAKETIME = shutil.which("faketime")


@pytest.mark.parametrize("shift", ["+365d", "-365d"])
def test_date_dependent_tests_pass_a_year_away(shift):
    if FAKETIME is None:
        assert not os.environ.get("CI"), "faketime is missing: scripts/ci-services installs it"
        pytest.skip("faketime is not installed (Debian: apt-get install faketime)")
    env = {**os.environ, "FAKETIME_DONT_FAKE_MONOTONIC": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    probe = subprocess.run([FAKETIME, "-f", shift, sys.executable, "-c", "import datetime; print(datetime.date.today())"],
                           capture_output=True, text=True, env=env, timeout=60)
    moved = probe.stdout.strip()
    assert moved and moved != str(__import__("datetime").date.today()), f"faketime did not move the clock: {probe}"
    run = subprocess.run(
        [FAKETIME, "-f", shift, sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x",
         "tests/knowledge", "tests/exchange", "tests/rights", "tests/places", "-m", "not rasa and not e2e and not scale"],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=900,
    )
    assert run.returncode == 0, f"with the clock at {moved}:\n{run.stdout[-4000:]}\n{run.stderr[-2000:]}"
