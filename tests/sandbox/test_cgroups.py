"""cgroup detection, per-run cgroups and the sweep of what a crash left behind."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from judged.cli import main
from judged.sandbox import RunRequest, Sandbox, SandboxConfig, SandboxError, Status
from judged.sandbox.cgroups import (
    Cgroups,
    Version,
    favordynmods_options,
    favors_dynmods,
    find_mounts,
    host_favors_dynmods,
)

HYBRID = """\
25 24 0:22 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
26 25 0:23 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime shared:10 - cgroup2 cgroup2 rw
29 25 0:26 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:13 - cgroup cgroup rw,memory
30 25 0:27 / /sys/fs/cgroup/pids rw,nosuid,nodev,noexec,relatime shared:14 - cgroup cgroup rw,pids
31 25 0:28 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:15 - cgroup cgroup rw,cpu,cpuacct
"""
UNIFIED = """\
25 24 0:22 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate
"""


def test_a_hybrid_host_uses_v1_with_a_mount_per_controller() -> None:
    version, mounts = find_mounts(HYBRID)
    assert version is Version.V1
    assert mounts == {
        "memory": Path("/sys/fs/cgroup/memory"),
        "pids": Path("/sys/fs/cgroup/pids"),
        "cpuacct": Path("/sys/fs/cgroup/cpu,cpuacct"),
    }


def test_a_unified_host_uses_v2() -> None:
    assert find_mounts(UNIFIED) == (Version.V2, {"unified": Path("/sys/fs/cgroup")})


def test_favordynmods_is_seen_on_any_cgroup_mount_and_only_there() -> None:
    assert not favors_dynmods(HYBRID)
    assert not favors_dynmods(UNIFIED)
    assert favors_dynmods(HYBRID.replace("cgroup2 cgroup2 rw", "cgroup2 cgroup2 rw,favordynmods"))
    assert favors_dynmods(UNIFIED.replace("rw,nsdelegate", "rw,nsdelegate,favordynmods"))
    assert favors_dynmods(HYBRID.replace("cgroup cgroup rw,memory", "cgroup cgroup rw,memory,favordynmods"))
    # The option on another file system, or among a mount's per-mount options, is not the cgroup's.
    assert not favors_dynmods("40 25 0:30 / /mnt/favordynmods rw,relatime - tmpfs favordynmods rw,favordynmods\n")


def test_switching_favordynmods_on_keeps_the_hierarchy_other_flags() -> None:
    """A cgroup2 mount applies its options to the one hierarchy: what systemd set must be given again."""
    systemd = UNIFIED.replace("rw,nsdelegate", "rw,nsdelegate,memory_recursiveprot")
    assert favordynmods_options(systemd) == "nsdelegate,memory_recursiveprot,favordynmods"
    assert favordynmods_options(HYBRID) == "favordynmods"
    assert favordynmods_options(HYBRID.replace(" - cgroup2 ", " - tmpfs ")) == "favordynmods"  # no cgroup2 mount
    on = HYBRID.replace("cgroup2 cgroup2 rw", "cgroup2 cgroup2 rw,favordynmods")
    assert favordynmods_options(on) == "favordynmods"


def _mount_cgroup2(options: str) -> None:
    """Give the v2 hierarchy exactly `options` (as judged does, in a throwaway mount namespace)."""
    with tempfile.TemporaryDirectory() as point:
        given = ["-o", options] if options else []
        subprocess.run(
            ["unshare", "--mount", "--propagation", "private", "mount", "-t", "cgroup2", *given, "none", point],
            check=True,
        )


@pytest.fixture
def favordynmods_off() -> Iterator[str]:
    """The host's cgroups without favordynmods for the test, as they were after it; the other flags kept."""
    if os.geteuid() != 0:
        pytest.skip("switching a host's cgroup flags needs root")
    mountinfo = Path("/proc/self/mountinfo").read_text()
    was_on = favors_dynmods(mountinfo)
    others = favordynmods_options(mountinfo).removesuffix("favordynmods").rstrip(",")
    _mount_cgroup2(others)
    yield others
    if was_on:
        _mount_cgroup2(favordynmods_options(Path("/proc/self/mountinfo").read_text()))


async def test_judged_switches_the_host_to_favordynmods_and_keeps_its_flags(
    state_dir: Path, favordynmods_off: str
) -> None:
    assert not host_favors_dynmods()
    box = Sandbox(SandboxConfig(), state_dir / "sandbox")
    await box.start()
    try:
        assert box.cgroups is not None
        assert box.cgroups.cheap_moves
        assert host_favors_dynmods()
        assert favordynmods_options(Path("/proc/self/mountinfo").read_text()) == ",".join(
            [*filter(None, favordynmods_off.split(",")), "favordynmods"]
        )
    finally:
        await box.close()


async def test_a_host_left_alone_keeps_its_cgroups_as_they_are(state_dir: Path, favordynmods_off: str) -> None:
    box = Sandbox(SandboxConfig(favordynmods=False), state_dir / "sandbox")
    await box.start()
    try:
        assert box.cgroups is not None
        assert not box.cgroups.cheap_moves
        assert not host_favors_dynmods()
    finally:
        await box.close()


def test_no_cgroup_mount_is_a_clear_error() -> None:
    with pytest.raises(SandboxError, match="no cgroup hierarchy"):
        find_mounts(HYBRID.splitlines()[0] + "\n")


def test_this_host_is_detected() -> None:
    cgroups = Cgroups.detect()
    expected = Version.V1 if Path("/sys/fs/cgroup/memory/memory.limit_in_bytes").exists() else Version.V2
    assert cgroups.version is expected


def _dead_process_tree(cgroups: Cgroups) -> list[Path]:
    """Make the cgroups a crashed judged process would have left (a pid that cannot exist)."""
    made = []
    for base in cgroups.bases.values():
        run = base / "p4194305-1" / "r1"  # above pid_max's ceiling of 2^22
        run.mkdir(parents=True)
        made.append(run.parent)
    return made


async def test_leftovers_of_a_crash_are_swept_at_start(sandbox: Sandbox, state_dir: Path) -> None:
    assert sandbox.cgroups is not None
    leftovers = _dead_process_tree(sandbox.cgroups)
    second = Sandbox(SandboxConfig(), state_dir / "sandbox")
    await second.start()
    try:
        assert not any(path.exists() for path in leftovers)
        # The running sandbox's own tree is alive and must be kept.
        assert all((base / sandbox.cgroups.tag).is_dir() for base in sandbox.cgroups.bases.values())
    finally:
        await second.close()


async def test_a_killed_daemon_leaves_cgroups_that_the_next_start_removes(state_dir: Path) -> None:
    """A real crash: a process running a jail is SIGKILLed mid-run."""
    script = (
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "from judged.sandbox import Sandbox, SandboxConfig, RunRequest, Limits\n"
        "async def main():\n"
        f"    box = Sandbox(SandboxConfig(), Path({str(state_dir / 'sandbox')!r}))\n"
        "    await box.start()\n"
        "    print(box.cgroups.tag, flush=True)\n"
        "    await box.run(RunRequest(argv=('sleep', '60'), env={'PATH': '/usr/bin:/bin'}, limits=Limits(wall=60)))\n"
        "asyncio.run(main())\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    tag = proc.stdout.readline().strip()
    time.sleep(0.3)  # let the jail start
    proc.kill()
    proc.wait()
    cgroups = Cgroups.detect()
    left = [base / tag for base in cgroups.bases.values()]
    assert any(path.exists() for path in left)
    swept = Sandbox(SandboxConfig(), state_dir / "sandbox")
    await swept.start()
    await swept.close()
    assert not any(path.exists() for path in left)


async def test_close_removes_the_process_own_cgroups(state_dir: Path) -> None:
    box = Sandbox(SandboxConfig(), state_dir / "sandbox")
    await box.start()
    assert box.cgroups is not None
    own = [base / box.cgroups.tag for base in box.cgroups.bases.values()]
    assert all(path.is_dir() for path in own)
    await box.close()
    assert not any(path.exists() for path in own)


async def test_an_ended_run_cgroups_go_when_the_next_run_starts(state_dir: Path) -> None:
    """Removing a run's empty cgroups waits for the next jail's start: they never pile up."""
    box = Sandbox(SandboxConfig(), state_dir / "sandbox")
    await box.start()
    try:
        assert box.cgroups is not None
        own = [base / box.cgroups.tag for base in box.cgroups.bases.values()]
        for _ in range(5):
            result = await box.run(RunRequest(argv=("/bin/true",), env={"PATH": "/usr/bin:/bin"}))
            assert result.status is Status.OK
            runs = {child.name for folder in own for child in folder.iterdir() if child.is_dir()}
            assert len(runs) == 1, runs  # the run that just ended: the earlier ones went at its start
    finally:
        await box.close()
    assert not any(path.exists() for path in own)


def test_a_v2_base_without_controllers_is_a_clear_error(tmp_path: Path) -> None:
    # A fake unified tree whose parent cannot hand down the controllers.
    (tmp_path / "cgroup.subtree_control").write_text("")
    base = tmp_path / "judged"
    base.mkdir()
    (base / "cgroup.controllers").write_text("cpu\n")
    (base / "cgroup.subtree_control").write_text("")
    cgroups = Cgroups(Version.V2, {"unified": base})
    with pytest.raises(SandboxError, match="memory, pids"):
        cgroups._enable_controllers(base)


def test_not_root_is_refused_with_one_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert main(["doctor"]) == 2
    err = capsys.readouterr().err
    assert "must run as root" in err
    assert err.count("\n") == 1


def test_a_v2_warm_jail_hands_its_controllers_to_one_cgroup_per_test(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """v2 cannot run on the project machine: what judged writes where, against the kernel's cgroup-v2 rules.

    A v2 cgroup with controllers enabled for its children holds no process
    itself, so nsjail and the init sit in `w<n>/jail` and each test in `w<n>/t<k>`.
    """
    writes: dict[Path, str] = {}
    monkeypatch.setattr("judged.sandbox.cgroups._write", writes.__setitem__)
    cgroups = Cgroups(Version.V2, {"unified": tmp_path})
    (tmp_path / cgroups.tag).mkdir()
    jail = cgroups.create_warm(300 << 20, 66)
    where = tmp_path / cgroups.tag / "w1"
    assert jail.procs_files == [where / "jail" / "cgroup.procs"]
    assert writes[where / "cgroup.subtree_control"] == "+memory +pids +cpu"
    assert (writes[where / "memory.max"], writes[where / "pids.max"]) == (str(300 << 20), "66")
    test = jail.create_test(256 << 20, 64)
    assert test.dirs == {"unified": where / "t1"}
    assert (writes[where / "t1" / "memory.max"], writes[where / "t1" / "pids.max"]) == (str(256 << 20), "64")
    test.admit_test(4242)
    assert writes[where / "t1" / "cgroup.procs"] == "4242"
    # The test's counters are its own cgroup's files.
    (where / "t1" / "cpu.stat").write_text("usage_usec 123456\nuser_usec 100000\n")
    (where / "t1" / "memory.peak").write_text(str(12 << 20))
    (where / "t1" / "memory.events").write_text("low 0\nhigh 0\nmax 3\noom 1\noom_kill 1\n")
    assert (test.cpu_time(), test.memory_peak(), test.oom_killed()) == (0.123456, 12 << 20, True)
    (where / "jail" / "cgroup.procs").write_text("100\n101\n")
    assert jail.pids() == [100, 101]  # the held program is found among the jail's processes


def test_a_v1_warm_jail_makes_one_cgroup_per_test_in_each_counting_hierarchy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    writes: dict[Path, str] = {}
    monkeypatch.setattr("judged.sandbox.cgroups._write", writes.__setitem__)
    bases = {c: tmp_path / c for c in ("memory", "pids", "cpuacct")}
    cgroups = Cgroups(Version.V1, bases)
    for base in bases.values():
        (base / cgroups.tag).mkdir(parents=True)
    jail = cgroups.create_warm(300 << 20, 66)
    test = jail.create_test(256 << 20, 64)
    assert test.dirs == {c: base / cgroups.tag / "w1" / "t1" for c, base in bases.items()}
    assert test.program_dir == bases["cpuacct"] / cgroups.tag / "w1" / "t1"
    assert writes[bases["memory"] / cgroups.tag / "w1" / "t1" / "memory.limit_in_bytes"] == str(256 << 20)
    assert jail.procs_files == [base / cgroups.tag / "w1" / "cgroup.procs" for base in bases.values()]
