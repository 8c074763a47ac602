"""Hostile programs: each gets its status and leaves the host as it was."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest

from judged.sandbox import Limits, RunRequest, Sandbox, SandboxConfig, Status
from tests.conftest import SESSION_ID_BASE, SESSION_IDS
from tests.sandbox.programs import ENV, c_request, compile_c, python, shell

MiB = 1024 * 1024
JAIL_UIDS = range(SESSION_ID_BASE, SESSION_ID_BASE + SESSION_IDS)  # the session sandbox's
PROJECT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bin_dir(jail_tmp: Path) -> Path:
    path = jail_tmp / "programs"
    path.mkdir(mode=0o711, exist_ok=True)
    return path


def jailed_processes() -> list[psutil.Process]:
    """Live host processes running as a jail's uid: none may outlive a run.

    Zombies are dead already; one whose nsjail was killed along with it (the
    crash test) waits for the host's init to reap it and holds nothing.
    """
    found = []
    for proc in psutil.process_iter(["uids", "status"]):
        uids = proc.info["uids"]
        if uids is not None and uids.real in JAIL_UIDS and proc.info["status"] != psutil.STATUS_ZOMBIE:
            found.append(proc)
    return found


@pytest.fixture(autouse=True)
def host_unharmed(sandbox: Sandbox) -> Iterator[None]:
    """After every hostile run: no jailed process left, no run cgroup left."""
    assert sandbox.cgroups is not None
    before = {str(p) for base in sandbox.cgroups.bases.values() for p in (base / sandbox.cgroups.tag).iterdir()}
    yield
    sandbox.tidy()  # the last run's empty cgroups wait for the next run's start (or close) to go
    assert [(p.pid, p.ppid(), p.name(), p.status()) for p in jailed_processes()] == []
    after = {str(p) for base in sandbox.cgroups.bases.values() for p in (base / sandbox.cgroups.tag).iterdir()}
    assert after <= before, f"run cgroups left behind: {after - before}"


async def test_fork_bomb_is_stopped_and_leaves_nothing(sandbox: Sandbox, bin_dir: Path) -> None:
    host_before = len(psutil.pids())
    result = await sandbox.run(c_request(compile_c("fork_bomb", bin_dir), Limits(cpu=1, wall=3, processes=32)))
    assert result.status is Status.TLE
    assert len(psutil.pids()) <= host_before + 5


async def test_fork_bomb_never_exceeds_the_process_cap(sandbox: Sandbox) -> None:
    # Count how many children the jail manages to hold at once.
    code = (
        "import os, time\n"
        "n = 0\n"
        "try:\n"
        "    while n < 500:\n"
        "        if os.fork() == 0:\n"
        "            time.sleep(30)\n"
        "        n += 1\n"
        "except OSError:\n"
        "    pass\n"
        "print(n)\n"
    )
    result = await sandbox.run(python(code, Limits(processes=20, wall=5)))
    assert result.status is Status.OK
    assert 0 < int(result.stdout) <= 20


async def test_memory_bomb_is_mle(sandbox: Sandbox) -> None:
    code = "blocks = []\nwhile True: blocks.append(b'x' * (16 << 20))"
    result = await sandbox.run(python(code, Limits(memory=128 * MiB)))
    assert result.status is Status.MLE
    assert result.memory <= 128 * MiB


async def test_infinite_loop_is_tle(sandbox: Sandbox) -> None:
    result = await sandbox.run(shell("while :; do :; done", Limits(cpu=1, wall=5)))
    assert result.status is Status.TLE
    assert 1 < result.cpu_time < 1.3


async def test_sleeping_forever_is_tle_by_wall(sandbox: Sandbox) -> None:
    result = await sandbox.run(python("import time; time.sleep(10**6)", Limits(cpu=2, wall=1)))
    assert result.status is Status.TLE
    assert result.wall_time >= 1
    assert result.cpu_time < 0.5


async def test_a_gibibyte_of_stdout_is_ole_and_the_daemon_stays_small(sandbox: Sandbox) -> None:
    me = psutil.Process()
    rss_before = me.memory_info().rss
    result = await sandbox.run(shell("head -c 1073741824 /dev/zero", Limits(output=8 * MiB, wall=20, cpu=10)))
    assert result.status is Status.OLE
    assert len(result.stdout) == 8 * MiB
    assert me.memory_info().rss - rss_before < 64 * MiB


async def test_writing_outside_the_tmpfs_fails(sandbox: Sandbox) -> None:
    targets = ["/evil", "/usr/evil", "/etc/evil", "/bin/evil", "/dev/evil", "/proc/evil"]
    script = "; ".join(f"(echo x > {t}) 2>/dev/null && echo wrote {t}" for t in targets) + "; echo done"
    result = await sandbox.run(shell(script))
    assert result.stdout == b"done\n"
    for target in targets[1:4]:
        assert not Path(target).exists()


async def test_filling_the_tmpfs_stops_at_its_size(sandbox: Sandbox) -> None:
    script = "dd if=/dev/zero of=/tmp/fill bs=1M count=64 2>&1; ls -l /tmp/fill"
    result = await sandbox.run(shell(script, Limits(tmpfs=8 * MiB, memory=256 * MiB)))
    assert result.status is Status.OK
    assert b"No space left on device" in result.stdout
    size = int(result.stdout.split()[-5])
    assert size <= 8 * MiB
    assert not Path("/tmp/fill").exists()


async def test_secrets_and_the_daemons_files_are_invisible(sandbox: Sandbox, state_dir: Path) -> None:
    paths = ["/etc/shadow", "/etc/passwd", "/root", "/home", "/var", str(PROJECT), str(state_dir), str(sandbox.helper)]
    code = f"import os, sys\nfor p in {paths!r}:\n    print(p, 'visible' if os.path.exists(p) else 'hidden')\n"
    result = await sandbox.run(python(code))
    assert result.status is Status.OK
    lines = result.stdout.decode().splitlines()
    assert lines == [f"{p} hidden" for p in paths]


async def test_no_network_not_even_loopback(sandbox: Sandbox) -> None:
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        code = (
            "import socket\n"
            "ifaces = [l.split(':')[0].strip() for l in open('/proc/net/dev').read().splitlines()[2:]]\n"
            "print('interfaces', *ifaces)\n"
            # Dial outside only when nothing but (a down) lo exists, so no packet can ever leave.
            f"targets = [('127.0.0.1', {port}), ('127.0.0.1', 6379)]"
            " + ([('192.0.2.1', 80)] if ifaces == ['lo'] else [])\n"
            "for host, port in targets:\n"
            "    try:\n"
            "        socket.create_connection((host, port), timeout=1)\n"
            "        print(host, port, 'connected')\n"
            "    except OSError as exc:\n"
            "        print(host, port, 'refused', exc.errno)\n"
        )
        result = await sandbox.run(python(code))
    lines = result.stdout.decode().splitlines()
    assert lines[0] == "interfaces lo"
    assert len(lines) == 4
    # ENETUNREACH: lo is down and nothing else exists, so nothing is reachable.
    assert all(line.endswith("refused 101") for line in lines[1:]), lines


# Printed while the jail still runs: jails that run together and differ show different numbers (a
# namespace's number may be given again once it is gone, so they are compared only while all live).
NETNS_OF_JAIL = "import os, time\nprint(os.readlink('/proc/self/ns/net'), flush=True)\ntime.sleep(1)\n"
MEET = (
    "import socket, sys, time\n"
    "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n"
    "if sys.argv[1] == 'listen':\n"
    "    s.bind('\\0judged-meet'); s.listen(); s.settimeout(3)\n"
    "    print('bound', flush=True)\n"
    "    try:\n"
    "        s.accept(); print('met')\n"
    "    except OSError:\n"
    "        print('alone')\n"
    "else:\n"
    "    time.sleep(0.5)\n"
    "    try:\n"
    "        s.connect('\\0judged-meet'); print('met')\n"
    "    except OSError as exc:\n"
    "        print('refused', exc.errno)\n"
)
LOOPBACK_UP = (
    "import fcntl, socket, struct\n"
    "s = socket.socket()\n"
    "flags = struct.unpack('16sH', fcntl.ioctl(s, 0x8913, struct.pack('16sH22x', b'lo', 0))[:18])[1]\n"
    "try:\n"
    "    fcntl.ioctl(s, 0x8914, struct.pack('16sH22x', b'lo', flags | 1)); print('up')\n"
    "except OSError as exc:\n"
    "    print('refused', exc.errno)\n"
)


@pytest.fixture(params=["made ahead", "made by nsjail"])
def netns_maker(request: pytest.FixtureRequest, sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both ways a jail gets its network namespace: made ahead by the daemon (netns.py), or by nsjail."""
    if request.param == "made ahead":
        assert sandbox.netns is not None, "this root host should make them ahead"
        assert not sandbox.netns.broken
    else:
        monkeypatch.setattr(sandbox, "netns", None)
    return str(request.param)


async def test_every_jail_has_a_network_namespace_of_its_own(sandbox: Sandbox, netns_maker: str) -> None:
    runs = await asyncio.gather(*(sandbox.run(python(NETNS_OF_JAIL)) for _ in range(3)))
    seen = {run.stdout.decode().strip() for run in runs}
    host = os.readlink("/proc/self/ns/net")
    assert len(seen) == 3, (netns_maker, seen)
    assert host not in seen


async def test_two_jails_at_once_cannot_reach_each_other(sandbox: Sandbox, netns_maker: str) -> None:
    """An abstract unix socket is per network namespace: two submissions running together cannot meet."""

    def side(role: str) -> RunRequest:
        return RunRequest(argv=("python3", "-c", MEET, role), env=ENV, limits=Limits(wall=6))

    listener, dialer = await asyncio.gather(sandbox.run(side("listen")), sandbox.run(side("dial")))
    assert listener.stdout == b"bound\nalone\n", (netns_maker, listener)
    assert dialer.stdout == b"refused 111\n", (netns_maker, dialer)  # ECONNREFUSED: no such socket here


async def test_a_jail_cannot_bring_its_loopback_up(sandbox: Sandbox, netns_maker: str) -> None:
    result = await sandbox.run(python(LOOPBACK_UP))
    assert result.stdout == b"refused 1\n", (netns_maker, result)  # EPERM


async def test_jails_get_namespaces_of_their_own_after_the_maker_died(state_dir: Path) -> None:
    """The namespace maker killed: the daemon notices, and nsjail makes each jail's namespace again."""
    box = Sandbox(SandboxConfig(), state_dir / "sandbox")
    await box.start()
    try:
        assert box.netns is not None
        assert box.netns.pid is not None
        os.kill(box.netns.pid, signal.SIGKILL)
        runs = await asyncio.gather(*(box.run(python(NETNS_OF_JAIL)) for _ in range(4)))
        assert [run.status for run in runs] == [Status.OK] * 4
        assert "the maker ended" in box.netns.broken
        assert len({run.stdout for run in runs}) == 4
    finally:
        await box.close()


async def test_ptrace_of_the_parent_is_killed(sandbox: Sandbox, bin_dir: Path) -> None:
    result = await sandbox.run(c_request(compile_c("raw_ptrace", bin_dir)))
    assert result.status is Status.SV


async def test_kill_all_reaches_nothing_outside(sandbox: Sandbox) -> None:
    # A host process of a jail's own uid, as the jail's is: the jail's pid namespace still hides it.
    bystander = subprocess.Popen(["sleep", "60"], user=JAIL_UIDS[-1], group=JAIL_UIDS[-1])
    try:
        result = await sandbox.run(shell("kill -9 -1; echo still here"))
        assert result.stdout == b"still here\n"
        assert bystander.poll() is None
    finally:
        bystander.kill()
        bystander.wait()


async def test_rlimits_cannot_be_raised(sandbox: Sandbox) -> None:
    code = (
        "import resource\n"
        "for r in (resource.RLIMIT_CPU, resource.RLIMIT_FSIZE, resource.RLIMIT_NOFILE, resource.RLIMIT_STACK):\n"
        "    soft, hard = resource.getrlimit(r)\n"
        "    try:\n"
        "        resource.setrlimit(r, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))\n"
        "        print('raised', r)\n"
        "    except (ValueError, OSError):\n"
        "        print('kept', r)\n"
    )
    result = await sandbox.run(python(code))
    assert result.status is Status.OK
    assert b"raised" not in result.stdout
    assert result.stdout.count(b"kept") == 4


@pytest.mark.parametrize(
    "argv",
    [
        ("unshare", "-U", "true"),
        ("unshare", "-n", "true"),
        ("python3", "-c", "import ctypes; ctypes.CDLL(None).mount(b'none', b'/tmp', b'tmpfs', 0, None)"),
    ],
)
async def test_mount_and_unshare_are_killed(sandbox: Sandbox, argv: tuple[str, ...]) -> None:
    result = await sandbox.run(RunRequest(argv=argv, env=ENV))
    assert result.status is Status.SV


@pytest.mark.parametrize("program", ["raw_ptrace", "int80_ptrace", "raw_unshare", "clone_newns"])
async def test_raw_system_calls_are_killed(sandbox: Sandbox, bin_dir: Path, program: str) -> None:
    result = await sandbox.run(c_request(compile_c(program, bin_dir)))
    assert result.status is Status.SV


async def test_fifty_sandboxes_at_once(sandbox: Sandbox) -> None:
    generous = Limits(cpu=0.3, wall=30, memory=64 * MiB)
    cases = [
        (shell("echo ok", generous), Status.OK),
        (shell("exit 7", generous), Status.RE),
        (shell("while :; do :; done", generous), Status.TLE),
        (python("x = bytearray(200 << 20)", generous), Status.MLE),
        (shell("yes", Limits(output=64 * 1024, wall=30)), Status.OLE),
    ] * 10
    results = await asyncio.gather(*(sandbox.run(request) for request, _ in cases))
    assert [r.status for r in results] == [expected for _, expected in cases]
