"""One warm jail, many runs: each run is measured alone and nothing of one reaches the next."""

from __future__ import annotations

import asyncio
import logging
import subprocess
from collections.abc import Iterator
from pathlib import Path

import msgspec
import pytest

from judged.sandbox import Limits, Mount, RunRequest, Sandbox, Status, WarmJail, WarmJailError, warm
from judged.sandbox.cgroups import RunCgroup
from tests.sandbox.programs import ENV, compile_c, shell
from tests.sandbox.test_hostile import jailed_processes

MiB = 1024 * 1024

# One program, told by its stdin what to do: the way a submission meets each test.
PROBE = r"""
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void spin(long ms) {
    struct timespec t; long long end;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    end = t.tv_sec * 1000000000LL + t.tv_nsec + ms * 1000000LL;
    do clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); while (t.tv_sec * 1000000000LL + t.tv_nsec < end);
}

int main(void) {
    char what[32] = ""; long n = 0;
    if (scanf("%31s %ld", what, &n) < 1) return 2;
    if (!strcmp(what, "alloc")) {
        size_t size = (size_t)n << 20; volatile char *p = malloc(size);
        if (!p) return 3;
        for (size_t i = 0; i < size; i += 4096) p[i] = 1;
        printf("allocated %ld\n", n); return 0;
    }
    if (!strcmp(what, "spin")) { spin(n); printf("spun %ld\n", n); return 0; }
    if (!strcmp(what, "leave")) {  /* things a run might leave for the next */
        int shm = shmget(4242, 4096, IPC_CREAT | 0600);
        int msg = msgget(4243, IPC_CREAT | 0000);  /* not even readable by its owner */
        int sem = semget(4244, 1, IPC_CREAT | 0600);
        mqd_t mq = mq_open("/judged-q", O_CREAT | O_RDWR, 0600, NULL);
        int shmfd = shm_open("/judged-shm", O_CREAT | O_RDWR, 0600);
        printf("%d %d %d %d %d\n", shm >= 0, msg >= 0, sem >= 0, mq != (mqd_t)-1, shmfd >= 0);
        return 0;
    }
    if (!strcmp(what, "find")) {  /* 0 bits set: nothing of the earlier run is here */
        int found = (shmget(4242, 0, 0) >= 0) | (msgget(4243, 0) >= 0) << 1 | (semget(4244, 0, 0) >= 0) << 2
            | (mq_open("/judged-q", O_RDONLY) != (mqd_t)-1) << 3 | (shm_open("/judged-shm", O_RDONLY, 0) >= 0) << 4;
        printf("found %d\n", found); return 0;
    }
    return 4;
}
"""


@pytest.fixture(autouse=True)
def nothing_left(sandbox: Sandbox) -> Iterator[None]:
    """After every warm jail: no process of a jail's uid, no cgroup of it left."""
    assert sandbox.cgroups is not None
    before = {str(p) for base in sandbox.cgroups.bases.values() for p in (base / sandbox.cgroups.tag).iterdir()}
    yield
    sandbox.tidy()  # the last run's empty cgroups wait for the next run's start (or close) to go
    assert [(p.pid, p.name()) for p in jailed_processes()] == []
    after = {str(p) for base in sandbox.cgroups.bases.values() for p in (base / sandbox.cgroups.tag).iterdir()}
    assert after <= before, f"cgroups left behind: {after - before}"


@pytest.fixture(scope="module")
def probe(jail_tmp: Path) -> Path:
    folder = jail_tmp / "warm"
    folder.mkdir(mode=0o711, exist_ok=True)
    source, exe = folder / "probe.c", folder / "probe"
    if not exe.exists():
        source.write_text(PROBE)
        subprocess.run(["gcc", "-O1", "-static", "-o", str(exe), str(source), "-lrt", "-lpthread"], check=True)
    return exe


def probe_request(exe: Path, limits: Limits | None = None) -> RunRequest:
    return RunRequest(
        argv=("/prog",), mounts=(Mount(source=str(exe), target="/prog"),), limits=limits or Limits(), env=ENV
    )


async def test_each_run_has_its_own_stdin_output_and_exit_in_one_jail(sandbox: Sandbox, jail_tmp: Path) -> None:
    stdin_file = jail_tmp / "warm-stdin.txt"
    stdin_file.write_bytes(b"from a file\n")
    async with WarmJail(sandbox, shell('cat; echo "err $$" >&2; read x < /dev/null; exit ${CODE:-0}')) as jail:
        first = await jail.run(b"one\n")
        second = await jail.run(stdin_file)
        third = await jail.run(None)
        assert jail.jails_started == 1
    assert (first.status, first.stdout) == (Status.OK, b"one\n")
    assert first.stderr.startswith(b"err ")
    assert (second.status, second.stdout) == (Status.OK, b"from a file\n")
    assert (third.status, third.stdout) == (Status.OK, b"")


async def test_a_run_exiting_non_zero_is_re_and_the_next_is_ok(sandbox: Sandbox) -> None:
    async with WarmJail(sandbox, shell("read code; exit $code")) as jail:
        failed = await jail.run(b"3\n")
        fine = await jail.run(b"0\n")
    assert (failed.status, failed.exit_code) == (Status.RE, 3)
    assert (fine.status, fine.exit_code) == (Status.OK, 0)


async def test_files_written_in_one_run_are_gone_in_the_next(sandbox: Sandbox) -> None:
    script = (
        'read step; if [ "$step" = write ]; then '
        "echo a > /tmp/a; mkdir -p /tmp/d/e; echo b > /tmp/d/e/b; chmod 000 /tmp/d/e /tmp/d; "
        "echo c > /dev/shm/c; echo written; "
        "else ls -A /tmp /dev/shm /dev/mqueue; fi"
    )
    async with WarmJail(sandbox, shell(script)) as jail:
        wrote = await jail.run(b"write\n")
        looked = await jail.run(b"look\n")
        assert jail.jails_started == 1
    assert (wrote.status, wrote.stdout) == (Status.OK, b"written\n")
    assert looked.status is Status.OK
    assert looked.stdout == b"/dev/mqueue:\n\n/dev/shm:\n\n/tmp:\n"


async def test_background_processes_of_one_run_are_dead_before_the_next(sandbox: Sandbox) -> None:
    # setsid leaves the process group, the double fork leaves the program's children: neither survives the run.
    script = (
        'read step; if [ "$step" = start ]; then '
        "setsid sleep 1000 < /dev/null > /dev/null 2>&1 & "
        "( ( sleep 1000 < /dev/null > /dev/null 2>&1 & ) & ); echo started; "
        "else cat /proc/[0-9]*/comm; fi"
    )
    async with WarmJail(sandbox, shell(script)) as jail:
        started = await jail.run(b"start\n")
        listed = await jail.run(b"list\n")
    assert (started.status, started.stdout) == (Status.OK, b"started\n")
    assert listed.status is Status.OK
    assert b"sleep" not in listed.stdout
    assert b"init\n" in listed.stdout  # the listing did see the jail's processes


async def test_sysv_ipc_posix_queues_and_shared_memory_are_gone_in_the_next_run(sandbox: Sandbox, probe: Path) -> None:
    async with WarmJail(sandbox, probe_request(probe)) as jail:
        left = await jail.run(b"leave\n")
        found_now = await jail.run(b"find\n")
        assert jail.jails_started == 1
    assert (left.status, left.stdout) == (Status.OK, b"1 1 1 1 1\n")
    assert (found_now.status, found_now.stdout) == (Status.OK, b"found 0\n")


async def test_memory_is_counted_per_run(sandbox: Sandbox, probe: Path) -> None:
    async with WarmJail(sandbox, probe_request(probe, Limits(memory=512 * MiB))) as jail:
        big = await jail.run(b"alloc 200\n")
        small = await jail.run(b"alloc 10\n")
    assert (big.status, small.status) == (Status.OK, Status.OK)
    assert big.memory >= 200 * MiB
    assert 10 * MiB <= small.memory <= 20 * MiB


async def test_cpu_is_counted_per_run_and_a_tle_does_not_reach_the_next(sandbox: Sandbox, probe: Path) -> None:
    async with WarmJail(sandbox, probe_request(probe, Limits(cpu=0.5, wall=5))) as jail:
        first = await jail.run(b"spin 200\n")
        second = await jail.run(b"spin 0\n")
        third = await jail.run(b"spin 100000\n")
        fourth = await jail.run(b"spin 100\n")
        assert jail.jails_started == 1
    assert first.status is Status.OK
    assert 0.19 <= first.cpu_time <= 0.25
    assert second.status is Status.OK
    assert second.cpu_time < 0.01
    assert third.status is Status.TLE
    assert third.cpu_time > 0.5
    assert fourth.status is Status.OK
    assert 0.095 <= fourth.cpu_time <= 0.15
    assert fourth.wall_time < 1


async def test_an_mle_leaves_the_next_run_right(sandbox: Sandbox, probe: Path) -> None:
    async with WarmJail(sandbox, probe_request(probe, Limits(memory=128 * MiB))) as jail:
        too_much = await jail.run(b"alloc 400\n")
        fine = await jail.run(b"alloc 10\n")
    assert too_much.status is Status.MLE
    assert (fine.status, fine.stdout) == (Status.OK, b"allocated 10\n")
    assert fine.memory <= 20 * MiB


async def test_a_jail_that_died_is_replaced_and_the_run_still_judged(sandbox: Sandbox) -> None:
    async with WarmJail(sandbox, shell("cat")) as jail:
        first = await jail.run(b"1\n")
        live = jail._jail
        assert live is not None
        live.proc.kill()  # the infrastructure fails between two runs
        await live.proc.wait()
        second = await jail.run(b"2\n")
        assert jail.jails_started == 2
    assert (first.stdout, second.stdout) == (b"1\n", b"2\n")
    assert second.status is Status.OK


async def test_a_run_stopped_as_it_starts_leaves_the_jail_serving(
    sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    """Judging stops a test started ahead once an earlier one failed: the jail keeps serving, nothing is an error."""
    async with WarmJail(sandbox, shell("cat")) as jail:
        for n in range(40):  # the stop lands at different points of the start: before and after the program's go
            stop = asyncio.Event()
            run = asyncio.ensure_future(jail.run(f"{n}\n".encode(), stop=stop))
            await asyncio.sleep(n * 0.0004)
            stop.set()
            await run
        after = await jail.run(b"next\n")
        assert jail.jails_started == 1
    assert (after.status, after.stdout) == (Status.OK, b"next\n")
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


async def test_a_program_killed_before_its_go_leaves_the_jail_serving(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The stop of a test started ahead can kill its program between its move into the run's cgroup and the init's
    go: the init must report that run's end, not die of the broken pipe (which retired the jail with an error)."""
    release = warm._Jail._release
    killed = 0

    async def release_then_kill(jail: warm._Jail, test: RunCgroup) -> str:
        nonlocal killed
        problem = await release(jail, test)
        if not problem and killed == 0:
            killed += 1
            test.kill()  # what RunWatch.stop does, landing before the init writes the go byte
        return problem

    monkeypatch.setattr(warm._Jail, "_release", release_then_kill)
    async with WarmJail(sandbox, shell("cat")) as jail:
        first = await jail.run(b"killed\n")
        after = await jail.run(b"next\n")
        assert jail.jails_started == 1
    assert killed == 1
    assert first.status is not Status.IE, first.message
    assert (after.status, after.stdout) == (Status.OK, b"next\n")
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


async def test_a_writable_mount_cannot_be_warm(sandbox: Sandbox, jail_tmp: Path) -> None:
    request = RunRequest(argv=("/bin/true",), mounts=(Mount(source=str(jail_tmp), target="/out", writable=True),))
    with pytest.raises(WarmJailError, match="/out"):
        WarmJail(sandbox, request)


async def test_a_fork_bomb_or_a_flood_of_output_in_one_run_leaves_the_next_run_right(
    sandbox: Sandbox, jail_tmp: Path
) -> None:
    folder = jail_tmp / "warm"
    folder.mkdir(mode=0o711, exist_ok=True)
    bomb = compile_c("fork_bomb", folder)
    script = 'read what; case $what in bomb) exec /bomb;; flood) yes;; sleep) sleep 100;; *) echo "$what";; esac'
    request = msgspec.structs.replace(
        shell(script, Limits(cpu=1, wall=1, processes=16, output=1 * MiB)),
        mounts=(Mount(source=str(bomb), target="/bomb"),),
    )
    async with WarmJail(sandbox, request) as jail:
        bombed = await jail.run(b"bomb\n")
        after_bomb = await jail.run(b"fine\n")
        flooded = await jail.run(b"flood\n")
        slept = await jail.run(b"sleep\n")
        last = await jail.run(b"last\n")
    assert bombed.status in (Status.TLE, Status.RE)
    assert (after_bomb.status, after_bomb.stdout) == (Status.OK, b"fine\n")
    assert flooded.status is Status.OLE
    assert (slept.status, slept.message) == (Status.TLE, "wall-clock limit exceeded")
    assert (last.status, last.stdout) == (Status.OK, b"last\n")
    assert last.wall_time < 1
