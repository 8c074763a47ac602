"""What a run reports: statuses, measurements, output, descriptors."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
from pathlib import Path

import msgspec
import pytest

from judged.sandbox import Limits, Mount, RunRequest, Sandbox, Status, WarmJail
from tests.sandbox.programs import ENV, c_request, compile_c, python, shell

MiB = 1024 * 1024


@pytest.fixture(scope="module")
def bin_dir(jail_tmp: Path) -> Path:
    path = jail_tmp / "programs"
    path.mkdir(mode=0o711, exist_ok=True)
    return path


async def test_a_clean_exit_is_ok_with_its_output(sandbox: Sandbox) -> None:
    result = await sandbox.run(shell("echo out; echo err >&2"))
    assert result.status is Status.OK
    assert (result.exit_code, result.signal) == (0, None)
    assert result.stdout == b"out\n"
    assert result.stderr == b"err\n"


async def test_a_non_zero_exit_is_re_with_its_code(sandbox: Sandbox) -> None:
    result = await sandbox.run(shell("exit 3"))
    assert result.status is Status.RE
    assert result.exit_code == 3


async def test_a_crash_is_re_with_its_real_signal(sandbox: Sandbox, bin_dir: Path) -> None:
    segv = await sandbox.run(c_request(compile_c("segfault", bin_dir)))
    assert (segv.status, segv.signal) == (Status.RE, signal.SIGSEGV)
    # As PID 1 abort() would look like SIGSEGV; the helper init keeps it honest.
    abrt = await sandbox.run(c_request(compile_c("abort", bin_dir)))
    assert (abrt.status, abrt.signal) == (Status.RE, signal.SIGABRT)


async def test_a_one_second_busy_loop_reads_one_second(sandbox: Sandbox, bin_dir: Path) -> None:
    result = await sandbox.run(c_request(compile_c("busy_1s", bin_dir), Limits(cpu=3, wall=10)))
    assert result.status is Status.OK
    assert 0.95 <= result.cpu_time <= 1.05
    assert result.wall_time >= result.cpu_time * 0.95


def _empty_main(bin_dir: Path) -> RunRequest:
    """`int main(){}` built the way a user's C is (dynamic, loading libc from the system root)."""
    source, exe = bin_dir / "empty_main.c", bin_dir / "empty_main"
    source.write_text("int main(void) { return 0; }\n")
    subprocess.run(["gcc", "-O2", "-o", str(exe), str(source)], check=True)
    return RunRequest(argv=("/prog",), mounts=(Mount(source=str(exe), target="/prog"),), env=ENV)


async def test_an_empty_program_reports_its_own_cpu_not_the_jails_set_up(sandbox: Sandbox, bin_dir: Path) -> None:
    # nsjail spends about 5 ms of CPU building the jail; none of it is the program's.
    request = _empty_main(bin_dir)
    results = [await sandbox.run(request) for _ in range(5)]
    assert {r.status for r in results} == {Status.OK}
    assert max(r.cpu_time for r in results) < 0.002


async def test_the_cpu_limit_is_not_spent_on_the_jails_set_up(sandbox: Sandbox, bin_dir: Path) -> None:
    # A limit tighter than nsjail's own set-up: only the program's CPU is held against it.
    request = msgspec.structs.replace(_empty_main(bin_dir), limits=Limits(cpu=0.004, wall=5))
    result = await sandbox.run(request)
    assert result.status is Status.OK
    assert result.cpu_time < 0.004


async def test_a_100_mib_allocation_reads_100_mib(sandbox: Sandbox, bin_dir: Path) -> None:
    result = await sandbox.run(c_request(compile_c("alloc_100m", bin_dir), Limits(memory=512 * MiB)))
    assert result.status is Status.OK
    assert 0.9 * 100 * MiB <= result.memory <= 1.1 * 100 * MiB


async def test_cpu_over_the_limit_is_tle_even_when_killed(sandbox: Sandbox) -> None:
    result = await sandbox.run(python("while True: pass", Limits(cpu=0.5, wall=5)))
    assert result.status is Status.TLE
    assert 0.5 < result.cpu_time < 1.0
    # Stopped by its CPU counter, not by the wall limit (a loaded core may stretch the wall time).
    assert result.wall_time < 5


async def test_cpu_is_counted_across_processes(sandbox: Sandbox) -> None:
    # Four spinning processes: RLIMIT_CPU alone would allow four times the limit.
    script = "for i in 1 2 3 4; do (while :; do :; done) & done; wait"
    result = await sandbox.run(shell(script, Limits(cpu=1, wall=10)))
    assert result.status is Status.TLE
    assert result.cpu_time < 1.5
    assert result.wall_time < 10  # stopped by the CPU counter, not the wall limit (loaded cores stretch wall time)


async def test_sleeping_past_the_wall_limit_is_tle(sandbox: Sandbox) -> None:
    result = await sandbox.run(shell("sleep 100", Limits(cpu=1, wall=1)))
    assert result.status is Status.TLE
    assert 1 <= result.wall_time < 1.5
    assert result.cpu_time < 0.2


async def test_hitting_the_memory_cap_is_mle(sandbox: Sandbox) -> None:
    code = "chunks = []\nwhile True: chunks.append(bytearray(8 << 20))"
    result = await sandbox.run(python(code, Limits(memory=64 * MiB)))
    assert result.status is Status.MLE
    assert result.memory >= 60 * MiB


async def test_output_over_the_cap_is_ole_and_kept_to_the_cap(sandbox: Sandbox) -> None:
    result = await sandbox.run(shell("yes", Limits(output=1 * MiB)))
    assert result.status is Status.OLE
    assert result.stdout_truncated
    assert len(result.stdout) == 1 * MiB


async def test_a_file_over_the_file_size_cap_is_ole(sandbox: Sandbox) -> None:
    dd = ("dd", "if=/dev/zero", "of=/tmp/big", "bs=1M", "count=3")
    result = await sandbox.run(RunRequest(argv=dd, env=ENV, limits=Limits(file_size=1 * MiB)))
    assert result.status is Status.OLE
    assert result.signal == signal.SIGXFSZ


async def test_stderr_is_capped_and_flagged(sandbox: Sandbox) -> None:
    result = await sandbox.run(shell("head -c 200000 /dev/zero | tr '\\0' e >&2"))
    assert result.status is Status.OK
    assert result.stderr_truncated
    assert 0 < len(result.stderr) < 200000


async def test_stdin_from_bytes_and_from_a_file(sandbox: Sandbox, tmp_path: Path) -> None:
    data = os.urandom(300_000)  # larger than a pipe buffer
    fed = await sandbox.run(shell("cat", stdin=data))
    assert (fed.status, fed.stdout) == (Status.OK, data)
    source = tmp_path / "input.txt"
    source.write_bytes(b"from a file\n")
    from_file = await sandbox.run(shell("cat", stdin=source))
    assert from_file.stdout == b"from a file\n"


async def test_an_extra_descriptor_reaches_the_program(sandbox: Sandbox, bin_dir: Path) -> None:
    read_end, write_end = os.pipe()
    try:
        base = c_request(compile_c("fd3_writer", bin_dir))
        request = RunRequest(argv=base.argv, mounts=base.mounts, env=ENV, extra_fds={3: write_end})
        result = await sandbox.run(request)
        os.close(write_end)
        write_end = -1
        assert result.status is Status.OK
        assert os.read(read_end, 100) == b"via fd 3\n"
    finally:
        os.close(read_end)
        if write_end >= 0:
            os.close(write_end)


async def test_a_program_that_cannot_start_is_ie_not_the_users_fault(sandbox: Sandbox) -> None:
    result = await sandbox.run(RunRequest(argv=("/no/such/program",), env=ENV))
    assert result.status is Status.IE
    assert "No such file" in result.message


async def test_a_bad_mount_is_ie_with_a_reason(sandbox: Sandbox) -> None:
    missing = await sandbox.run(RunRequest(argv=("true",), mounts=(Mount(source="/no/such/dir"),)))
    assert missing.status is Status.IE
    assert "does not exist" in missing.message
    reserved = await sandbox.run(RunRequest(argv=("true",), mounts=(Mount(source="/usr", target="/proc/x"),)))
    assert reserved.status is Status.IE
    assert "reserved" in reserved.message


async def test_the_caller_can_stop_a_run_early(sandbox: Sandbox) -> None:
    stop = asyncio.Event()
    asyncio.get_running_loop().call_later(0.2, stop.set)
    result = await sandbox.run(shell("sleep 10", Limits(wall=10)), stop=stop)
    assert result.stopped
    assert result.status is Status.OK
    assert result.wall_time < 1


async def test_a_limit_hit_before_the_stop_still_counts(sandbox: Sandbox) -> None:
    stop = asyncio.Event()
    asyncio.get_running_loop().call_later(2, stop.set)
    result = await sandbox.run(shell("while :; do :; done", Limits(cpu=0.3)), stop=stop)
    assert result.status is Status.TLE
    assert not result.stopped


async def test_mounts_add_to_the_system_root_unless_told_otherwise(sandbox: Sandbox, jail_tmp: Path) -> None:
    data = jail_tmp / "extra"
    data.mkdir(mode=0o755, exist_ok=True)
    (data / "note.txt").write_text("extra mount\n")
    (data / "note.txt").chmod(0o644)
    mounts = (Mount(source=str(data), target="/data"),)
    with_root = await sandbox.run(RunRequest(argv=("cat", "/data/note.txt"), mounts=mounts, env=ENV))
    assert with_root.stdout == b"extra mount\n"
    bare = await sandbox.run(RunRequest(argv=("cat", "/data/note.txt"), mounts=mounts, env=ENV, system_root=False))
    assert bare.status is Status.IE  # no /usr/bin/cat without the system root


async def test_a_daemon_holding_many_descriptors_still_runs_programs(sandbox: Sandbox, bin_dir: Path) -> None:
    """A busy daemon's descriptors (connections) number far above a jail's open-files limit: runs still work.

    The jail's init used to copy the passed descriptors above their own numbers, beyond the jail's
    RLIMIT_NOFILE, and every function and interactive run, cold or warm, failed with EMFILE or EINVAL.
    """
    held = [os.open(os.devnull, os.O_RDONLY | os.O_CLOEXEC) for _ in range(3 * Limits().open_files)]
    read_end, write_end = os.pipe()
    try:
        assert write_end > Limits().open_files  # the daemon's next descriptors are above the jail's limit
        base = c_request(compile_c("fd3_writer", bin_dir))
        cold = await sandbox.run(RunRequest(argv=base.argv, mounts=base.mounts, env=ENV, extra_fds={3: write_end}))
        os.close(write_end)
        write_end = -1
        assert (cold.status, cold.message) == (Status.OK, "")
        assert os.read(read_end, 100) == b"via fd 3\n"
        async with WarmJail(sandbox, shell("cat")) as jail:
            runs = [await jail.run(b"test %d\n" % n) for n in range(3)]
        assert [(run.status, run.stdout) for run in runs] == [(Status.OK, b"test %d\n" % n) for n in range(3)]
    finally:
        for fd in (*held, read_end, *((write_end,) if write_end >= 0 else ())):
            os.close(fd)
