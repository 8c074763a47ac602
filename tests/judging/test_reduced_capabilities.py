"""judged under its systemd unit has no CAP_DAC_OVERRIDE or CAP_FOWNER (systemd/judged.service's
CapabilityBoundingSet): what a jail's uid wrote must still be cleaned up by root."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from judged.sandbox import Sandbox
from tests.conftest import cannot_test

PROJECT = Path(__file__).resolve().parents[2]
PACKAGE = PROJECT / "tests" / "judging" / "packages" / "sumpair"


def test_validator_feedback_folders_are_removed_without_dac_override(sandbox: Sandbox, jail_tmp: Path) -> None:
    """The validator writes judgemessage.txt into a folder its own uid owns; root without CAP_DAC_OVERRIDE
    may not delete inside it, so the folder must be taken back first, not left behind for every test."""
    del sandbox
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        cannot_test("setpriv (util-linux) is needed to drop capabilities")
        return
    state = jail_tmp / "reduced-caps"
    state.mkdir(mode=0o711)
    config = state / "judged.toml"
    config.write_text(f'state_dir = "{state}"\nlog_level = "warning"\nlanguages_dir = "{PROJECT / "languages"}"\n')
    drop = "-dac_override,-dac_read_search,-fowner"
    proc = subprocess.run(
        [setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}", "--",
         sys.executable, "-m", "judged", "--config", str(config), "judge", str(PACKAGE),
         str(PACKAGE / "submissions" / "accepted" / "half.py")],
        capture_output=True, text=True, cwd=PROJECT, check=False, timeout=300,
    )  # fmt: skip
    assert proc.stdout.split()[:1] == ["AC"], proc.stdout + proc.stderr
    feedback = state / "feedback"
    assert feedback.is_dir(), "the validator ran with feedback folders under <state>/feedback"
    assert sorted(path.name for path in feedback.iterdir()) == []
