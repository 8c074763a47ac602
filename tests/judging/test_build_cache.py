"""The build cache: sealed entries, what is (not) cached, the budget, and two processes building at once."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import msgspec
import pytest

from judged.judging.build import Build, Builder, BuildSettings
from judged.judging.languages import CompileLimits, load_languages
from judged.sandbox import Mount, RunRequest, Sandbox, Status
from tests.conftest import SESSION_ID_BASE, SESSION_IDS

PROJECT = Path(__file__).resolve().parents[2]
LANGUAGES = load_languages(PROJECT / "languages")
C = LANGUAGES["c"]
MiB = 1024 * 1024


@pytest.fixture
def cache_dir(jail_tmp: Path) -> Path:
    return jail_tmp / f"builds-{uuid.uuid4().hex[:8]}"


def program(text: str = "", array_kib: int = 0) -> dict[str, str]:
    """A C program printing `text`, with an initialised static array of `array_kib` KiB (which the binary holds)."""
    array = f"static char big[{array_kib} << 10] = {{1}};" if array_kib else "static char big[1] = {1};"
    main = f'int main(int argc, char **argv) {{ puts("{text}"); return big[argc - 1] - 1; }}'
    body = f"#include <stdio.h>\n{array}\n{main}\n"
    return {"main.c": body}


def entries(cache_dir: Path) -> list[str]:
    return sorted(p.name for p in cache_dir.iterdir() if not p.name.startswith("."))


async def run_built(sandbox: Sandbox, build: Build) -> bytes:
    request = RunRequest(argv=("/box/out/main",), mounts=(Mount(source=str(build.out), target="/box/out"),))
    result = await sandbox.run(request)
    assert result.status is Status.OK, result
    return result.stdout


async def test_a_cached_build_is_roots_and_read_only_to_every_jail_user(
    sandbox: Sandbox, cache_dir: Path, jail_tmp: Path
) -> None:
    builder = Builder(sandbox, cache_dir)
    build = await builder.build(C, program("sealed"))
    assert build.ok, build.compile_output
    assert await run_built(sandbox, build) == b"sealed\n"
    for path in [Path(build.folder), *Path(build.folder).rglob("*")]:
        info = path.lstat()
        assert (info.st_uid, info.st_gid) == (0, 0), path
        assert info.st_mode & 0o222 == 0, f"{path} is writable: {oct(info.st_mode)}"
    # A process of a jail user (any of the range) can run the program but change nothing of it.
    uid = SESSION_ID_BASE + SESSION_IDS - 1
    attempt = textwrap.dedent(
        f"""
        import os, sys
        for how in (lambda: open({str(build.out / "main")!r}, "r+b"), lambda: open({build.folder + "/new"!r}, "xb"),
                    lambda: os.rename({str(build.out / "main")!r}, {str(build.out / "moved")!r})):
            try:
                how()
                sys.exit("changed the cached build")
            except PermissionError:
                pass
        """
    )
    outcome = subprocess.run(["/usr/bin/python3", "-c", attempt], user=uid, group=uid, capture_output=True, check=False)
    assert outcome.returncode == 0, outcome.stderr


async def test_a_400_mib_program_is_a_compile_error_that_leaves_nothing(sandbox: Sandbox, cache_dir: Path) -> None:
    builder = Builder(sandbox, cache_dir)
    build = await builder.build(C, program("huge", array_kib=400 << 10))
    assert not build.ok
    assert not build.internal_error, build.internal_error
    assert build.compile_output
    assert entries(cache_dir) == []
    assert list((cache_dir / ".work").iterdir()) == []
    total = sum(f.stat().st_size for f in cache_dir.rglob("*") if f.is_file())
    assert total < MiB


async def test_an_output_over_the_build_cap_is_a_compile_error_and_deleted(sandbox: Sandbox, cache_dir: Path) -> None:
    builder = Builder(sandbox, cache_dir, BuildSettings(max_build_mib=1))
    build = await builder.build(C, program("big", array_kib=1500))
    assert not build.ok
    assert "over the cap of 1 MiB" in build.compile_output
    assert entries(cache_dir) == []
    assert list((cache_dir / ".work").iterdir()) == []


async def test_a_compile_killed_by_its_time_limit_is_not_cached(
    sandbox: Sandbox, cache_dir: Path, jail_tmp: Path
) -> None:
    switch = jail_tmp / f"switch-{uuid.uuid4().hex[:8]}"
    switch.mkdir(mode=0o755)
    (switch / "spin").touch()
    # A "compiler" that spins while the switch is on (host load, say), and builds once it is off.
    spinner = msgspec.structs.replace(
        C,
        compile=("/bin/sh", "-c", f"while test -e {switch}/spin; do :; done; cp {{src}}/main.c {{out}}/main.c"),
        mounts=(str(switch),),
        compile_limits=CompileLimits(cpu=0.5, wall=3),
    )
    builder = Builder(sandbox, cache_dir)
    first = await builder.build(spinner, program("spun"))
    assert not first.ok
    assert "compilation took too long" in first.compile_output
    assert entries(cache_dir) == []
    (switch / "spin").unlink()
    second = await builder.build(spinner, program("spun"))
    assert second.ok, second.compile_output  # compiled again, not the first attempt's verdict
    assert (second.out / "main.c").is_file()


async def test_a_genuine_compile_error_is_cached_as_its_message_alone(sandbox: Sandbox, cache_dir: Path) -> None:
    builder = Builder(sandbox, cache_dir)
    first = await builder.build(C, {"main.c": "int main(void) { return nope; }\n"})
    assert not first.ok
    assert "nope" in first.compile_output
    assert entries(cache_dir) == [Path(first.folder).name, f"{Path(first.folder).name}.lock"]
    assert sorted(p.name for p in Path(first.folder).iterdir()) == ["build.json"]
    again = await builder.build(C, {"main.c": "int main(void) { return nope; }\n"})
    assert again.compile_time == first.compile_time  # the record, not a second compile


async def test_the_least_recently_used_builds_nobody_uses_are_evicted(sandbox: Sandbox, cache_dir: Path) -> None:
    builder = Builder(sandbox, cache_dir, BuildSettings(max_cache_mib=2))
    keys = {}
    for name in ("a", "b", "c"):  # each about 600 KiB: three fit in 2 MiB
        build = await builder.build(C, program(name, array_kib=600))
        keys[name] = Path(build.folder).name
        del build
    gc.collect()
    assert (await builder.build(C, program("a", array_kib=600))).ok  # a used again: b is now the oldest
    gc.collect()
    held = await builder.build(C, program("c", array_kib=600))  # c in use while the cache overflows
    os.utime(Path(held.folder) / "build.json", ns=(0, 0))  # and the oldest of all
    d = await builder.build(C, program("d", array_kib=600))
    e = await builder.build(C, program("e", array_kib=600))
    assert d.ok
    assert e.ok
    left = entries(cache_dir)
    assert keys["b"] not in left  # least recently used
    assert keys["c"] in left  # in use: never evicted under a running program
    assert f"{keys['b']}.lock" not in left
    used = sum(f.lstat().st_blocks * 512 for f in cache_dir.rglob("*"))
    assert used <= 2 * MiB + 64 * 1024  # the budget, give or take the lock files and folders
    assert await run_built(sandbox, held) == b"c\n"


TWO_PROCESSES = textwrap.dedent(
    """
    import asyncio, json, sys
    from pathlib import Path
    from judged.judging.build import Builder
    from judged.judging.languages import load_languages
    from judged.sandbox import Mount, RunRequest, Sandbox, SandboxConfig

    async def main() -> None:
        state, source, base = Path(sys.argv[1]), Path(sys.argv[2]).read_text(), int(sys.argv[3])
        sandbox = Sandbox(SandboxConfig(uid_base=base, gid_base=base, ids=64), state / "sandbox")
        await sandbox.start()
        builder = Builder(sandbox, state / "builds")
        build = await builder.build(load_languages(Path("languages"))["c"], {"main.c": source})
        run = await sandbox.run(RunRequest(argv=("/box/out/main",), mounts=(Mount(str(build.out), "/box/out"),)))
        print(json.dumps({"ok": build.ok, "output": build.compile_output, "time": build.compile_time,
                          "stdout": run.stdout.decode()}))
        await sandbox.close()

    asyncio.run(main())
    """
)


async def test_two_processes_building_the_same_new_source_both_get_it(sandbox: Sandbox, jail_tmp: Path) -> None:
    del sandbox  # started: the machine can sandbox
    state = jail_tmp / f"shared-{uuid.uuid4().hex[:8]}"
    state.mkdir(mode=0o711)
    marker = uuid.uuid4().hex
    # Slow enough to compile that the two overlap.
    source = "".join(f"int f{i}(int x) {{ return x * {i} + {i}; }}\n" for i in range(3000))
    source += f'#include <stdio.h>\nint main(void) {{ puts("{marker}"); return 0; }}\n'
    (state / "main.c").write_text(source)
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            TWO_PROCESSES,
            str(state),
            str(state / "main.c"),
            str(SESSION_ID_BASE + SESSION_IDS - 64),
            cwd=PROJECT,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(2)
    ]
    outputs = [await p.communicate() for p in processes]
    results = []
    for (stdout, stderr), process in zip(outputs, processes, strict=True):
        assert process.returncode == 0, stderr.decode()[-2000:]
        results.append(json.loads(stdout))
    assert [r["ok"] for r in results] == [True, True], results
    assert [r["stdout"] for r in results] == [marker + "\n"] * 2
    assert results[0]["time"] == results[1]["time"]  # one compile: the second used the first's record
    assert len(entries(state / "builds")) == 2  # the entry and its lock file


async def test_an_entry_of_the_old_unsealed_layout_is_dropped_not_served(sandbox: Sandbox, cache_dir: Path) -> None:
    builder = Builder(sandbox, cache_dir)
    key_build = await builder.build(C, program("fresh"))
    folder = Path(key_build.folder)
    del key_build
    gc.collect()
    # What the old cache left: a folder of root's 0711 whose out/ the jail user could rewrite.
    os.chmod(folder, 0o711)
    fresh = Builder(sandbox, cache_dir)
    again = await fresh.build(C, program("fresh"))
    assert again.ok
    assert oct(folder.stat().st_mode & 0o777) == oct(0o555)
    assert json.loads((folder / "build.json").read_bytes())["ok"] is True
    assert await run_built(sandbox, again) == b"fresh\n"


def test_settings_reject_a_zero_budget() -> None:
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"max_cache_mib": 0}, BuildSettings)


async def test_sealing_follows_no_symlink_and_keeps_no_fifo(sandbox: Sandbox, cache_dir: Path) -> None:
    shadow = os.stat("/etc/shadow")
    # A "compiler" that plants what a hostile one could: a symlink to a host file, a fifo, a closed folder.
    planter = msgspec.structs.replace(
        C,
        compile=(
            "/bin/sh", "-c",
            "ln -s /etc/shadow {out}/evil && mkfifo {out}/pipe && mkdir {out}/closed && touch {out}/closed/f"
            " && chmod 000 {out}/closed && chmod 777 {out} && cp {src}/main.c {out}/main.c",
        ),
    )  # fmt: skip
    build = await Builder(sandbox, cache_dir).build(planter, program("planted"))
    assert build.ok, build.compile_output
    assert sorted(p.name for p in build.out.iterdir()) == ["closed", "evil", "main.c"]
    assert os.readlink(build.out / "evil") == "/etc/shadow"
    assert (build.out / "evil").lstat().st_uid == 0
    after = os.stat("/etc/shadow")
    assert (after.st_uid, after.st_gid, after.st_mode) == (shadow.st_uid, shadow.st_gid, shadow.st_mode)
    assert oct((build.out / "closed").stat().st_mode & 0o777) == oct(0o555)
    assert oct(build.out.stat().st_mode & 0o777) == oct(0o555)
