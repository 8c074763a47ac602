"""cgroups for sandboxed runs, on v1 (hybrid) and v2 (unified) hosts alike.

Every run gets its own cgroup (on v1: one in each of the memory, pids and
cpuacct hierarchies) that judged creates before the run and removes after
it. The limits sit on that cgroup and the launcher joins it before it execs
nsjail, so the counters (CPU, peak memory, OOM kills) cover everything the
run started and are still there to read after the jail is gone.

Layout, under each hierarchy (v1) or under the configured base (v2):

    judged/                      created once, shared by every daemon on the host
      p<pid>-<starttime>-i<k>/   one per Sandbox of a judged process; swept when that process is gone
        r<n>/                    one per run: limits, memory and pids counters; nsjail and the init
          program/               the program and its descendants only (cpuacct on v1; no controllers
                                 on v2, so the limits above still hold): its CPU counter is the
                                 program's own, none of the jail's set-up
        w<n>/                    a warm jail (warm.py): one jail, one run of the program per test
          jail/                  v2 only: nsjail and the init (a v2 cgroup with children holds no process)
          t<k>/                  one per test (v1: memory, pids, cpuacct; v2: memory, pids, cpu enabled
                                 by w<n>): that test's program and descendants, its own memory limit,
                                 peak, OOM count, pids cap and CPU counter; removed after the test
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import errno
import itertools
import logging
import os
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from judged.sandbox.types import SandboxError

log = logging.getLogger(__name__)

V1_CONTROLLERS = ("memory", "pids", "cpuacct")
CPUSET = "cpuset"  # optional: without it runs are not pinned to a core
_instances = itertools.count(1)  # several Sandboxes may live in one process (tests, tools)
V2_CONTROLLERS = ("memory", "pids", "cpu")
TOP = "judged"


class Version(enum.Enum):
    V1 = 1
    V2 = 2


def _read(path: Path) -> str:
    # os.open/os.read, not Path.read_text: a run reads a dozen control files, and a text file object
    # costs several times the two system calls.
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        data = chunk = os.read(fd, 4096)
        while chunk:
            chunk = os.read(fd, 65536)
            data += chunk
    finally:
        os.close(fd)
    return data.decode()


def _write(path: Path, value: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        os.write(fd, value.encode())
    finally:
        os.close(fd)


def _keyed(path: Path) -> dict[str, int]:
    """Parse a flat keyed file such as memory.events or cpu.stat."""
    out: dict[str, int] = {}
    with contextlib.suppress(FileNotFoundError):
        for line in _read(path).splitlines():
            key, _, value = line.partition(" ")
            with contextlib.suppress(ValueError):
                out[key] = int(value)
    return out


def _process_tag(pid: int) -> str | None:
    """`p<pid>-<starttime>` of a live process, or None when it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rpartition(")")[2].split()
    return f"p{pid}-{fields[19]}"


def find_mounts(mountinfo: str) -> tuple[Version, dict[str, Path]]:
    """Decide the hierarchy from /proc/self/mountinfo.

    Returns v1 with a mount point per controller when the memory controller is
    on a v1 hierarchy (hybrid hosts), otherwise v2 with the unified mount.
    """
    v1: dict[str, Path] = {}
    unified: Path | None = None
    for line in mountinfo.splitlines():
        left, _, right = line.partition(" - ")
        fields, rfields = left.split(), right.split()
        if len(fields) < 5 or len(rfields) < 3:
            continue
        point, fstype, options = Path(fields[4]), rfields[0], rfields[2].split(",")
        if fstype == "cgroup2" and unified is None:
            unified = point
        elif fstype == "cgroup":
            for controller in (*V1_CONTROLLERS, CPUSET):
                if controller in options:
                    v1.setdefault(controller, point)
    if "memory" in v1:
        missing = [c for c in V1_CONTROLLERS if c not in v1]
        if missing:
            raise SandboxError(f"cgroup v1 host without the {', '.join(missing)} controller mounted")
        return Version.V1, v1
    if unified is not None:
        return Version.V2, {"unified": unified}
    raise SandboxError("no cgroup hierarchy with a memory controller is mounted")


def favors_dynmods(mountinfo: str) -> bool:
    """Whether a cgroup hierarchy is mounted with `favordynmods` (Linux 6.0+).

    Moving a process between cgroups takes the kernel's one global
    threadgroup lock for writing; by default that waits for an RCU grace
    period whenever no move happened just before (up to 16 ms measured on
    the loaded project machine, where back-to-back moves take 0.05 ms), and
    every run and every warm-jail test moves a process. With `favordynmods`
    on any hierarchy (it switches that global lock) moves stay cheap, for a
    slightly dearer fork and exit.
    """
    for line in mountinfo.splitlines():
        right = line.partition(" - ")[2].split()
        if len(right) >= 3 and right[0] in ("cgroup", "cgroup2") and "favordynmods" in right[2].split(","):
            return True
    return False


def favordynmods_options(mountinfo: str) -> str:
    """Options for a cgroup2 mount that switch `favordynmods` on and keep the hierarchy's other flags.

    Any mount of cgroup2 applies its options to the one v2 hierarchy, and
    leaving out a flag clears it: a systemd host's `nsdelegate` and
    `memory_recursiveprot` must be given again.
    """
    for line in mountinfo.splitlines():
        right = line.partition(" - ")[2].split()
        if len(right) >= 3 and right[0] == "cgroup2":
            kept = [option for option in right[2].split(",") if option not in ("rw", "ro", "favordynmods")]
            return ",".join([*kept, "favordynmods"])
    return "favordynmods"


def switch_favordynmods() -> str:
    """Switch the host's cgroups to `favordynmods`; the cgroup2 options used (raises OSError, SubprocessError).

    cgroup2 is mounted with them in a mount namespace that ends at once: the
    hierarchy keeps the flags, nothing stays mounted. The flag switches the
    kernel's one threadgroup lock for every hierarchy, v1 ones too, until the
    next boot.
    """
    options = favordynmods_options(Path("/proc/self/mountinfo").read_text())
    with tempfile.TemporaryDirectory(prefix="judged-cgroup2-") as point:
        subprocess.run(
            ["unshare", "--mount", "--propagation", "private", "mount", "-t", "cgroup2", "-o", options, "none", point],
            check=True,
            capture_output=True,
            timeout=10,
        )
    return options


def host_favors_dynmods() -> bool:
    return favors_dynmods(Path("/proc/self/mountinfo").read_text())


PROGRAM = "program"


class RunCgroup:
    """The cgroup(s) of one run: limits in, counters out."""

    def __init__(self, version: Version, dirs: dict[str, Path], program: str = PROGRAM, jail: str = "") -> None:
        self.version = version
        self.dirs = dirs
        # Below the CPU directory: where the program's own CPU is counted ("": right here, a test's cgroup).
        self._program = program
        # v2 warm jails: the child that holds nsjail and the init ("": they sit in the run's cgroup itself).
        self._jail = jail
        self._peak_seen = 0
        self._tests = itertools.count(1)

    @property
    def procs_files(self) -> list[Path]:
        """Where the launcher writes its pid: nsjail and the init live there."""
        return [d / self._jail / "cgroup.procs" if self._jail else d / "cgroup.procs" for d in self.dirs.values()]

    @property
    def program_dir(self) -> Path:
        """The child cgroup that holds the program alone, for its CPU counter."""
        cpu = self._dir("cpuacct" if self.version is Version.V1 else "cpu")
        return cpu / self._program if self._program else cpu

    def create_test(self, memory: int, pids: int) -> RunCgroup:
        """A warm jail's cgroup for its next test: that test's own limits and counters, below the jail's.

        v1: a child in the memory, pids and cpuacct hierarchies (not cpuset: the
        test keeps the jail's core). v2: a child of the jail's cgroup, whose
        subtree_control hands memory, pids and cpu down to it.
        """
        name = f"t{next(self._tests)}"
        keep = V1_CONTROLLERS if self.version is Version.V1 else ("unified",)
        test = RunCgroup(self.version, {c: d / name for c, d in self.dirs.items() if c in keep}, program="")
        try:
            for d in test.dirs.values():
                d.mkdir()
            test.set_limits(memory, pids)
        except OSError:
            test.remove()
            raise
        return test

    def admit_test(self, pid: int) -> None:
        """Move a test's program (a host pid, not yet exec'd) into this test cgroup, every hierarchy."""
        for d in self.dirs.values():
            _write(d / "cgroup.procs", str(pid))

    def admit_program(self, pid: int) -> None:
        """Move the program's process (a host pid, not yet exec'd) into the program cgroup.

        Everything it starts is counted there from then on; nsjail and the
        init stay in the run's cgroup, under the same limits.
        """
        _write(self.program_dir / "cgroup.procs", str(pid))

    def _dir(self, controller: str) -> Path:
        return self.dirs[controller if self.version is Version.V1 else "unified"]

    def pin(self, core: int) -> None:
        """Let the run use this one core only (before anything joins the cgroup)."""
        if self.version is Version.V1:
            d = self.dirs[CPUSET]
            # A v1 cpuset takes no task until its cpus and mems are set.
            _write(d / "cpuset.mems", _read(d.parent / "cpuset.effective_mems").strip())
            _write(d / "cpuset.cpus", str(core))
        else:
            _write(self._dir("cpu") / "cpuset.cpus", str(core))

    def set_limits(self, memory: int, pids: int) -> None:
        if self.version is Version.V1:
            mem = self._dir("memory")
            _write(mem / "memory.limit_in_bytes", str(memory))
            if (mem / "memory.memsw.limit_in_bytes").exists():
                _write(mem / "memory.memsw.limit_in_bytes", str(memory))
            with contextlib.suppress(OSError):
                _write(mem / "memory.swappiness", "0")
            _write(self._dir("pids") / "pids.max", str(pids))
        else:
            d = self._dir("memory")
            _write(d / "memory.max", str(memory))
            if (d / "memory.swap.max").exists():
                _write(d / "memory.swap.max", "0")
            _write(d / "pids.max", str(pids))

    def cpu_time(self) -> float:
        """Seconds of CPU (user + system) used by the program and every process it started.

        Not nsjail's nor the init's: they stay outside the program cgroup. The
        counter survives the processes (killed ones included) until removal.
        """
        if self.version is Version.V1:
            try:
                return int(_read(self.program_dir / "cpuacct.usage")) / 1e9
            except (OSError, ValueError):
                return 0.0
        # cpu.stat's usage_usec is kept by the core, with or without the cpu controller enabled.
        return _keyed(self.program_dir / "cpu.stat").get("usage_usec", 0) / 1e6

    def sample_memory(self) -> None:
        """Track peak usage where the kernel keeps no high-water mark."""
        if self.version is Version.V2 and not (self._dir("memory") / "memory.peak").exists():
            with contextlib.suppress(OSError, ValueError):
                current = int(_read(self._dir("memory") / "memory.current"))
                self._peak_seen = max(self._peak_seen, current)

    def memory_peak(self) -> int:
        name = "memory.max_usage_in_bytes" if self.version is Version.V1 else "memory.peak"
        try:
            return max(int(_read(self._dir("memory") / name)), self._peak_seen)
        except (OSError, ValueError):
            return self._peak_seen

    def oom_killed(self) -> bool:
        """Whether the memory cap was hit hard enough for the kernel to kill."""
        if self.version is Version.V1:
            control = self._dir("memory") / "memory.oom_control"
            return _keyed(control).get("oom_kill", 0) > 0
        return _keyed(self._dir("memory") / "memory.events").get("oom_kill", 0) > 0

    def memory_limit_hit(self) -> bool:
        """Whether an allocation ever failed against the cap (OOM or not)."""
        if self.version is Version.V1:
            try:
                return int(_read(self._dir("memory") / "memory.failcnt")) > 0
            except (OSError, ValueError):
                return False
        events = _keyed(self._dir("memory") / "memory.events")
        return events.get("max", 0) > 0 or events.get("oom_kill", 0) > 0

    def pids(self) -> list[int]:
        """Every process of the run (on v2 the program cgroup's are listed apart)."""
        found: list[int] = []
        jail = self._dir("pids") / self._jail if self._jail else self._dir("pids")
        for directory in (jail, self.program_dir):
            with contextlib.suppress(OSError):
                found += (int(p) for p in _read(directory / "cgroup.procs").split())
        return list(dict.fromkeys(found))

    def kill(self, spare: int | None = None) -> None:
        """SIGKILL every process of the run except `spare` (nsjail itself)."""
        for pid in self.pids():
            if pid != spare:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)

    def remove(self) -> None:
        """Remove the run's cgroups, killing stragglers first.

        Not emptied first (memory.force_empty): that evicts the page cache the
        run charged, such as the runtime's files it read first, and the next
        run would read them from disk again (python3 -c pass started 11 ms
        later). The kernel frees such dying cgroups under memory pressure.
        """
        for directory in self.dirs.values():
            _remove_tree(directory)

    def remove_now(self) -> bool:
        """Remove the run's cgroups if nothing lives in them any more, without waiting; False if not all went.

        The common case once a run has ended (its processes are gone): a few
        rmdirs, cheaper than a hop to a thread for `remove`, which waits.
        """
        try:
            for directory in self.dirs.values():
                _remove_tree(directory, attempts=1)
        except OSError:
            return False
        return not any(d.exists() for d in self.dirs.values())

    async def remove_soon(self) -> None:
        """`remove_now`, else `remove` in a thread (it kills stragglers and waits for them)."""
        if not self.remove_now():
            await asyncio.to_thread(self.remove)


def _remove_tree(directory: Path, attempts: int = 200) -> None:
    """rmdir a cgroup and its children; kill what still lives in them."""
    try:
        # scandir's entry types come with the listing: no stat of each of a cgroup's ~30 control files.
        with os.scandir(directory) as entries:
            children = [Path(entry.path) for entry in entries if entry.is_dir(follow_symlinks=False)]
    except (FileNotFoundError, NotADirectoryError):
        return
    for child in children:
        _remove_tree(child, attempts)
    for _ in range(attempts):
        try:
            directory.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError as exc:
            if exc.errno != errno.EBUSY:
                raise
        if attempts == 1:
            raise OSError(errno.EBUSY, "cgroup busy", str(directory))
        with contextlib.suppress(OSError):
            for pid in _read(directory / "cgroup.procs").split():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(pid), signal.SIGKILL)
        time.sleep(0.005)
    log.warning("cgroup %s still busy after killing its processes; left in place", directory)


class Cgroups:
    """The daemon's own cgroup parents and the factory of per-run cgroups."""

    def __init__(self, version: Version, bases: dict[str, Path]) -> None:
        self.version = version
        # bases: controller (v1) or "unified" (v2) -> the `judged` directory
        self.bases = bases
        process = _process_tag(os.getpid())
        assert process is not None
        self.tag = f"{process}-i{next(_instances)}"
        self.cheap_moves = False  # a hierarchy is mounted with favordynmods (favors_dynmods)
        self._counter = itertools.count(1)

    @classmethod
    def detect(cls, v2_base: str = "") -> Cgroups:
        """Find the hierarchy this host uses; `v2_base` overrides where judged's tree goes."""
        mountinfo = Path("/proc/self/mountinfo").read_text()
        version, mounts = find_mounts(mountinfo)
        if version is Version.V1:
            found = cls(version, {c: p / TOP for c, p in mounts.items()})
        else:
            found = cls(version, {"unified": Path(v2_base) if v2_base else mounts["unified"] / TOP})
        found.cheap_moves = favors_dynmods(mountinfo)
        return found

    def _own(self) -> dict[str, Path]:
        return {c: base / self.tag for c, base in self.bases.items()}

    @property
    def can_pin(self) -> bool:
        """Whether runs can be held to one core: a cpuset hierarchy (v1) or controller (v2) judged may use."""
        if self.version is Version.V1:
            return CPUSET in self.bases
        own = self._own()["unified"]
        with contextlib.suppress(OSError):
            return CPUSET in _read(own / "cgroup.subtree_control").split()
        return False

    def cores(self) -> tuple[int, ...]:
        """The cores runs may be pinned to: judged's cpuset and this process's affinity; () when it cannot pin."""
        if not self.can_pin:
            return ()
        own = self._own()[CPUSET if self.version is Version.V1 else "unified"]
        try:
            allowed = parse_cpu_list(_read(own / "cpuset.effective_cpus"))
        except OSError:
            return ()
        return tuple(sorted(allowed & os.sched_getaffinity(0)))

    def prepare(self) -> None:
        """Create judged's parents and sweep what crashed processes left behind."""
        try:
            for base in self.bases.values():
                base.mkdir(exist_ok=True)
                if self.version is Version.V2:
                    self._enable_controllers(base)
            self.sweep()
            for own in self._own().values():
                own.mkdir(exist_ok=True)
                if self.version is Version.V2:
                    self._enable_controllers(own)
            if CPUSET in self.bases:
                _inherit_cpuset(self.bases[CPUSET])
                _inherit_cpuset(self._own()[CPUSET])
        except OSError as exc:
            raise SandboxError(f"cannot create cgroups under {exc.filename}: {exc.strerror}") from exc

    def _enable_controllers(self, directory: Path) -> None:
        parent_enabled = _read(directory.parent / "cgroup.subtree_control").split()
        available = _read(directory / "cgroup.controllers").split()
        missing = [c for c in V2_CONTROLLERS if c not in available]
        if missing and directory.parent != directory:
            # The parent must hand the controllers down first (the root always can).
            want = " ".join(f"+{c}" for c in missing if c not in parent_enabled)
            if want:
                _write(directory.parent / "cgroup.subtree_control", want)
            available = _read(directory / "cgroup.controllers").split()
        still = [c for c in V2_CONTROLLERS if c not in available]
        if still:
            raise SandboxError(f"cgroup {directory} lacks the {', '.join(still)} controller (delegate it)")
        _write(directory / "cgroup.subtree_control", " ".join(f"+{c}" for c in V2_CONTROLLERS))
        if CPUSET in available:  # optional: pinning to a core where the host delegates it
            with contextlib.suppress(OSError):
                _write(directory / "cgroup.subtree_control", f"+{CPUSET}")

    def sweep(self) -> list[str]:
        """Remove the trees of judged processes that are no longer running."""
        removed: list[str] = []
        for base in self.bases.values():
            for entry in _children(base):
                pid = _pid_of(entry.name)
                owner = "-".join(entry.name.split("-")[:2])
                if pid is not None and _process_tag(pid) == owner:
                    continue
                _remove_tree(entry)
                removed.append(str(entry))
        if removed:
            log.info("removed %d leftover sandbox cgroup trees", len(removed))
        return removed

    def create_run(self, memory: int, pids: int, core: int | None = None) -> RunCgroup:
        """A new run's cgroup(s) with its limits; `core`: pinned to that core (see `cores`)."""
        name = f"r{next(self._counter)}"
        # v1: the run joins a cpuset cgroup of its own only when pinned (else it keeps the daemon's cpus).
        dirs = {c: own / name for c, own in self._own().items() if c != CPUSET or core is not None}
        run = RunCgroup(self.version, dirs)
        try:
            for d in dirs.values():
                d.mkdir()
            run.program_dir.mkdir()
            run.set_limits(memory, pids)
            if core is not None:
                run.pin(core)
        except OSError:
            run.remove()
            raise
        return run

    def create_warm(self, memory: int, pids: int, core: int | None = None) -> RunCgroup:
        """A warm jail's cgroup(s): the jail's caps, with one child per test made by `create_test`.

        v1: `w<n>` in each hierarchy, joined by the launcher. v2: `w<n>` with
        memory, pids and cpu handed down, nsjail and the init in `w<n>/jail`.
        """
        name = f"w{next(self._counter)}"
        dirs = {c: own / name for c, own in self._own().items() if c != CPUSET or core is not None}
        v2 = self.version is Version.V2
        run = RunCgroup(self.version, dirs, program="", jail="jail" if v2 else "")
        try:
            for d in dirs.values():
                d.mkdir()
            run.set_limits(memory, pids)
            if core is not None:
                run.pin(core)
            if v2:
                unified = dirs["unified"]
                _write(unified / "cgroup.subtree_control", " ".join(f"+{c}" for c in V2_CONTROLLERS))
                (unified / "jail").mkdir()
        except OSError:
            run.remove()
            raise
        return run

    def close(self) -> None:
        for own in self._own().values():
            _remove_tree(own)


def parse_cpu_list(text: str) -> set[int]:
    """{0, 1, 2, 5} from the kernel's list format "0-2,5"."""
    cores: set[int] = set()
    for part in text.strip().split(","):
        if not part:
            continue
        first, _, last = part.partition("-")
        cores.update(range(int(first), int(last or first) + 1))
    return cores


def _inherit_cpuset(directory: Path) -> None:
    """A v1 cpuset starts with no cpus and no mems; give it its parent's."""
    for name in ("cpuset.cpus", "cpuset.mems"):
        if not _read(directory / name).strip():
            _write(directory / name, _read(directory.parent / name).strip())


def _children(base: Path) -> Iterator[Path]:
    with contextlib.suppress(FileNotFoundError):
        yield from (p for p in base.iterdir() if p.is_dir())


def _pid_of(name: str) -> int | None:
    head = name.partition("-")[0]
    if head.startswith("p") and head[1:].isdigit():
        return int(head[1:])
    return None
