"""The seccomp policy every jailed process runs under (Kafel, compiled by nsjail).

A deny-list: the system calls below either kill the process (reported as
`SV`) or fail with an error that runtimes know how to fall back from.
Kafel's filter also kills any call made through another architecture's
entry point (int 0x80, x32), so those cannot slip past the names.
"""

from __future__ import annotations

# Calls that only an escape attempt or a host-administration tool makes.
KILLED = (
    # inspecting or steering other processes
    "ptrace", "process_vm_readv", "process_vm_writev", "pidfd_getfd", "kcmp",
    # mounts and namespaces (Kafel names umount2 by its kernel name, umount)
    "mount", "umount", "pivot_root", "chroot", "unshare", "setns",
    "move_mount", "open_tree", "fsopen", "fsconfig", "fsmount", "fspick", "mount_setattr",
    # kernel attack surface that is not namespaced
    "bpf", "keyctl", "add_key", "request_key", "perf_event_open", "userfaultfd",
    "open_by_handle_at", "name_to_handle_at", "fanotify_init", "lookup_dcookie",
    # the machine itself
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module",
    "reboot", "swapon", "swapoff", "acct", "quotactl", "syslog", "vhangup",
    "settimeofday", "clock_settime", "clock_adjtime", "adjtimex", "iopl", "ioperm",
)  # fmt: skip

# Namespace flags of clone(2): CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC |
# NEWUSER | NEWPID | NEWNET | NEWTIME.
CLONE_NAMESPACE_FLAGS = 0x7E020080

ENOSYS = 38
EAFNOSUPPORT = 97
AF_UNIX, AF_INET, AF_INET6 = 1, 2, 10


def kafel_policy() -> str:
    """The policy text for nsjail's --seccomp_string."""
    killed = ", ".join(KILLED)
    return (
        "POLICY judged {"
        f" KILL_PROCESS {{ {killed},"
        f" clone(flags) {{ (flags & {CLONE_NAMESPACE_FLAGS:#x}) != 0 }} }},"
        # clone3 hides its flags in memory the filter cannot read; libc falls back to clone.
        # io_uring is not namespaced; libuv (Node) falls back to its thread pool.
        f" ERRNO({ENOSYS}) {{ clone3, io_uring_setup, io_uring_enter, io_uring_register }},"
        # Only local and IP sockets (the jail has no interfaces, so IP goes nowhere);
        # AF_VSOCK, AF_ALG, AF_PACKET and the rest are refused.
        f" ERRNO({EAFNOSUPPORT}) {{ socket(domain) {{"
        f" domain != {AF_UNIX} && domain != {AF_INET} && domain != {AF_INET6} }} }}"
        " } USE judged DEFAULT ALLOW"
    )
