"""The jails' own users, and the host kernel's files the jail's /proc hides."""

from __future__ import annotations

import asyncio
import os
import pwd
from pathlib import Path

import pytest

from judged.sandbox import Mount, RunRequest, Sandbox, SandboxConfig, SandboxError, Status
from judged.sandbox.identity import IdentityPool
from tests.conftest import SESSION_ID_BASE, SESSION_IDS
from tests.sandbox.programs import ENV, shell

NOBODY = 65534
ACCOUNT = next(u for u in pwd.getpwall() if 0 < u.pw_uid < NOBODY)  # daemon, on Debian


async def test_a_run_is_a_user_of_the_configured_range_never_nobody(sandbox: Sandbox) -> None:
    result = await sandbox.run(shell("id -u; id -g"))
    assert result.status is Status.OK, result.message
    uid, gid = (int(line) for line in result.stdout.split())
    assert SESSION_ID_BASE <= uid < SESSION_ID_BASE + SESSION_IDS
    assert gid - SESSION_ID_BASE == uid - SESSION_ID_BASE
    assert NOBODY not in (uid, gid)


async def test_runs_at_the_same_time_have_different_users(sandbox: Sandbox) -> None:
    results = await asyncio.gather(*(sandbox.run(shell("id -u; sleep 0.5")) for _ in range(4)))
    assert all(r.status is Status.OK for r in results), [r.message for r in results]
    assert len({int(r.stdout) for r in results}) == 4


@pytest.mark.parametrize(
    ("config", "named"),
    [
        (SandboxConfig(uid_base=ACCOUNT.pw_uid, ids=1), f"holds the account {ACCOUNT.pw_name}"),
        (SandboxConfig(uid_base=65000, gid_base=65000, ids=1000), "65534"),
        (SandboxConfig(uid_base=2_000_000_000, gid_base=1, ids=10), "gid range 1-10 holds the group"),
    ],
)
async def test_a_range_that_is_not_judgeds_own_is_refused_at_start(
    config: SandboxConfig, named: str, state_dir: Path
) -> None:
    if os.geteuid() != 0:
        pytest.skip("the range is checked after the root check")
    box = Sandbox(config, state_dir / "sandbox")
    with pytest.raises(SandboxError, match=named):
        await box.start()
    assert box.cgroups is None  # refused before anything was made


async def test_proc_shows_the_jails_own_processes_and_no_host_kernel_files(sandbox: Sandbox) -> None:
    script = (
        "echo kallsyms $(wc -c < /proc/kallsyms);"
        "echo timer_list $(cat /proc/timer_list 2>/dev/null | wc -c);"
        "echo sys_kernel $(ls /proc/sys/kernel 2>/dev/null | wc -l);"
        "echo sys $(ls -A /proc/sys | wc -l);"
        "echo pids $(ls /proc | grep -c '^[0-9]'); tr '\\0' ' ' < /proc/1/cmdline; echo;"
        "grep -c '^Name:' /proc/self/status; grep -c '^processor' /proc/cpuinfo; grep -c MemTotal /proc/meminfo;"
        "echo x > /proc/sys/kernel/hostname"
    )
    result = await sandbox.run(shell(script))
    lines = result.stdout.decode().split("\n")
    assert lines[:4] == ["kallsyms 0", "timer_list 0", "sys_kernel 0", "sys 0"], result.stdout
    # Its own pid namespace: the init, the shell and the pipeline, nothing of the host.
    assert int(lines[4].split()[1]) <= 8 < len(os.listdir("/proc"))
    assert lines[5].startswith("/.judged/init init")
    # The jail's own /proc is whole: its status, the CPUs and memory runtimes size themselves by.
    assert lines[6] == "1"
    assert int(lines[7]) >= 1
    assert lines[8] == "1"
    # Nothing of the kernel's settings to write to: the last command failed.
    assert result.status is Status.RE
    assert b"/proc/sys/kernel/hostname" in result.stderr


async def test_a_folder_given_to_the_run_is_writable_by_it_alone(sandbox: Sandbox, jail_tmp: Path) -> None:
    folder = jail_tmp / "given"
    folder.mkdir(mode=0o755)
    request = RunRequest(
        argv=("/bin/sh", "-c", "id -u > /box/given/who"),
        mounts=(Mount(source=str(folder), target="/box/given", owned_by_run=True),),
        env=ENV,
    )
    result = await sandbox.run(request)
    assert result.status is Status.OK, result.stderr
    uid = int((folder / "who").read_text())
    assert os.stat(folder).st_uid == uid == os.stat(folder / "who").st_uid


async def test_two_pools_on_one_lock_folder_never_lease_one_uid_twice(tmp_path: Path) -> None:
    # Two pools stand for two judged processes: flock conflicts between open files, in one process or two.
    first, second = (IdentityPool(SESSION_ID_BASE, SESSION_ID_BASE, 2, tmp_path / "ids") for _ in range(2))
    first.check()
    async with first.lease() as a, second.lease() as b:
        assert a.uid != b.uid
        # The range (2 ids) is all leased: a third waits until one is given back.
        waiting = asyncio.ensure_future(_lease_uid(first))
        await asyncio.sleep(0.2)
        assert not waiting.done()
    assert await waiting in (a.uid, b.uid)


async def test_a_cleared_lock_folder_is_made_again(tmp_path: Path) -> None:
    pool = IdentityPool(SESSION_ID_BASE, SESSION_ID_BASE, 2, tmp_path / "ids")
    pool.check()
    (tmp_path / "ids").rmdir()  # /run/judged cleared under a running process
    async with pool.lease() as identity:
        assert identity.uid == SESSION_ID_BASE


async def _lease_uid(pool: IdentityPool) -> int:
    async with pool.lease() as identity:
        return identity.uid
