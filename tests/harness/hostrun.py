"""Running generated harness programs directly on the host (no sandbox), as the languages' TOML runs them.

`run_on_host` writes the files a generator built into a fresh folder (the
`{src}` of the run command), feeds the tests on stdin, gives the program a
pipe as fd 3, and returns what came back: the decoded result lines, stdout,
stderr and the exit status. The stack limit is raised as the sandbox raises
it, so deep recursion behaves as it will when judged.
"""

from __future__ import annotations

import atexit
import functools
import os
import resource
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import msgspec

from judged.harness.types import Base, Signature, Type
from judged.judging.languages import TOOLS, Language, expand

PYTHON_COMMAND = ("/usr/bin/python3", "-I", "-B", "{src}/main.py")
JAVASCRIPT_COMMAND = ("/usr/bin/node", "--stack-size=65500", "{src}/main.js")
STACK_BYTES = 1 << 30
TIMEOUT_SECONDS = 60

Builder = Callable[[Signature, str], dict[str, str]]


@dataclass(frozen=True)
class HostRun:
    """What one run of a generated program gave back."""

    results: list[dict[str, object]]  # the fd 3 lines, decoded
    stdout: str
    stderr: str
    status: int

    @property
    def values(self) -> list[object]:
        """The `v` of every result line (KeyError on an error line)."""
        return [result["v"] for result in self.results]


def run_on_host(
    command: Sequence[str],
    files: dict[str, str],
    tests: Sequence[Sequence[object]] | bytes,
) -> HostRun:
    """Run `command` (with `{src}` in it) over `files`; `tests` are argument lists, or raw stdin bytes."""
    stdin = tests if isinstance(tests, bytes) else b"".join(msgspec.json.encode(list(test)) + b"\n" for test in tests)
    src = Path(tempfile.mkdtemp(prefix="judged-hostrun-"))
    try:
        for name, text in files.items():
            (src / name).write_text(text, encoding="utf-8")
        src.chmod(0o555)  # read-only, as the sandbox mounts it
        argv = [part.replace("{src}", str(src)) for part in command]
        return _run(argv, stdin)
    finally:
        src.chmod(0o755)
        shutil.rmtree(src)


def run_argv(argv: Sequence[str], stdin: bytes, env: dict[str, str]) -> HostRun:
    """Run an expanded argv (a built program) with the language's environment added to ours."""
    return _run(list(argv), stdin, {**os.environ, **env})


def compile_on_host(language: Language, files: dict[str, str]) -> tuple[Path, str | None]:
    """Build `files` as `language`'s TOML does, into a folder of their own (removed at exit): the folder and
    None, or the folder and the compiler's complaint. `/box/tools` is judged's runtime folder here."""
    src = Path(tempfile.mkdtemp(prefix="judged-hostbuild-"))
    atexit.register(shutil.rmtree, src, True)
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    tools = str(Path(__file__).resolve().parents[2] / "judged" / "judging" / "runtime")
    compile_argv = tuple(part.replace(TOOLS, tools) for part in language.compile)
    argv = list(expand(compile_argv, src=str(src), out=str(src), memory_mib=1024))  # no precompiled header
    env = {**os.environ, "HOME": "/tmp", **language.compile_env}
    done = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=TIMEOUT_SECONDS * 5, check=False)
    return src, None if done.returncode == 0 else done.stdout + done.stderr


def _run(argv: list[str], stdin: bytes, env: dict[str, str] | None = None) -> HostRun:
    read_end, write_end = os.pipe()
    chunks: list[bytes] = []
    reader = threading.Thread(target=_read_all, args=(read_end, chunks))
    try:
        with subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            close_fds=False,  # fd 3 is made in preexec_fn; every other fd of ours is close-on-exec
            preexec_fn=functools.partial(_child_setup, write_end),  # noqa: PLW1509 -- no other thread runs now
        ) as process:
            os.close(write_end)
            write_end = -1
            reader.start()
            try:
                stdout, stderr = process.communicate(stdin, timeout=TIMEOUT_SECONDS)
            finally:
                process.kill()  # nothing left to kill unless communicate timed out
                process.wait()
                reader.join()
    finally:
        if write_end >= 0:
            os.close(write_end)
        os.close(read_end)
    return HostRun(_decode_results(b"".join(chunks)), stdout.decode(), stderr.decode(), process.returncode)


def _child_setup(write_end: int) -> None:
    os.dup2(write_end, 3)  # dup2 clears close-on-exec on fd 3
    _soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    limit = STACK_BYTES if hard == resource.RLIM_INFINITY else min(STACK_BYTES, hard)
    resource.setrlimit(resource.RLIMIT_STACK, (limit, hard))


def _read_all(fd: int, chunks: list[bytes]) -> None:
    while chunk := os.read(fd, 1 << 16):
        chunks.append(chunk)


def _decode_results(data: bytes) -> list[dict[str, object]]:
    """Every line must be one complete JSON object with `t` and exactly one of `v` and `e`."""
    assert not data or data.endswith(b"\n"), f"fd 3 ends in a partial line: {data[-80:]!r}"
    results = [msgspec.json.decode(line, type=dict[str, object]) for line in data.splitlines()]
    for result in results:
        keys = set(result)
        assert keys in ({"v", "t"}, {"e", "t"}), result
        seconds = result["t"]
        assert isinstance(seconds, int | float), result
        assert seconds >= 0, result
    return results


def exact(value: object, type_: Type) -> object:
    """`value` as compared exactly: a double as the repr of its float (so -0.0 differs from 0.0), the rest as is."""
    if type_.is_array and isinstance(value, list):
        return [exact(item, type_.element) for item in value]
    if type_.base is Base.DOUBLE and isinstance(value, int | float) and not isinstance(value, bool):
        return repr(float(value))
    return value
