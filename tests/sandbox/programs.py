"""Small hostile and measuring programs, compiled on the host and mounted into jails."""

from __future__ import annotations

import subprocess
from pathlib import Path

from judged.sandbox import Limits, Mount, RunRequest

ENV = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"}

C_SOURCES = {
    "busy_1s": r"""
        #include <time.h>
        int main(void) { volatile unsigned long n = 0;
            while (clock() < CLOCKS_PER_SEC) n++;
            return 0; }""",
    "alloc_100m": r"""
        #include <stdlib.h>
        #include <string.h>
        int main(void) { size_t size = 100u << 20; volatile char *p = malloc(size);
            if (!p) return 3;
            for (size_t i = 0; i < size; i += 4096) p[i] = 1;  /* touch every page */
            return p[size - 4096] == 1 ? 0 : 4; }""",
    "fork_bomb": r"""
        #include <unistd.h>
        int main(void) { for (;;) fork(); }""",
    "segfault": r"""
        int main(void) { volatile int *p = 0; *p = 1; return 0; }""",
    "abort": r"""
        #include <stdlib.h>
        int main(void) { abort(); }""",
    "raw_ptrace": r"""
        #include <sys/syscall.h>
        #include <unistd.h>
        int main(void) { syscall(SYS_ptrace, 16 /* PTRACE_ATTACH */, getppid(), 0, 0); return 0; }""",
    "int80_ptrace": r"""
        int main(void) { long r; /* i386 table: 26 = ptrace; the x86-64 26 is msync */
            __asm__ volatile("int $0x80" : "=a"(r) : "a"(26), "b"(0), "c"(0), "d"(0) : "memory");
            return (int)r; }""",
    "raw_unshare": r"""
        #define _GNU_SOURCE
        #include <sched.h>
        #include <sys/syscall.h>
        #include <unistd.h>
        int main(void) { syscall(SYS_unshare, CLONE_NEWUSER); return 0; }""",
    "clone_newns": r"""
        #define _GNU_SOURCE
        #include <sched.h>
        #include <sys/syscall.h>
        #include <unistd.h>
        int main(void) { syscall(SYS_clone, CLONE_NEWNS | 17 /* SIGCHLD */, 0, 0, 0, 0); return 0; }""",
    "fd3_writer": r"""
        #include <string.h>
        #include <unistd.h>
        int main(void) { const char *m = "via fd 3\n"; return write(3, m, strlen(m)) > 0 ? 0 : 9; }""",
}


def compile_c(name: str, out_dir: Path) -> Path:
    """Compile one of C_SOURCES statically, so it runs under any mount set."""
    src = out_dir / f"{name}.c"
    exe = out_dir / name
    if not exe.exists():
        src.write_text(C_SOURCES[name])
        subprocess.run(["gcc", "-O1", "-static", "-o", str(exe), str(src)], check=True)
    return exe


def c_request(exe: Path, limits: Limits | None = None) -> RunRequest:
    """Run a static binary with nothing else mounted but the binary itself."""
    return RunRequest(
        argv=("/prog",),
        mounts=(Mount(source=str(exe), target="/prog"),),
        limits=limits or Limits(),
        env=ENV,
    )


def shell(script: str, limits: Limits | None = None, stdin: bytes | Path | None = None) -> RunRequest:
    return RunRequest(argv=("/bin/sh", "-c", script), env=ENV, limits=limits or Limits(), stdin=stdin)


def python(code: str, limits: Limits | None = None) -> RunRequest:
    return RunRequest(argv=("python3", "-c", code), env=ENV, limits=limits or Limits())
