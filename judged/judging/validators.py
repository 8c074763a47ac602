"""The problem setter's programs of an I/O problem: output validators (and interactors) and input validators.

They are built with the languages of `languages/` (by file extension) and
run sandboxed with their own limits, never seeing the submission's files. An
output validator is run as `validator input answer feedback_dir/ [flags] <
output`: exit 42 accepts, 43 rejects, anything else is the judge's fault
(`ValidatorFailed`, reported as IE). Its feedback files (`teammessage.txt`,
`judgemessage.txt`, `score.txt`) reach the result.
"""

from __future__ import annotations

import contextlib
import math
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import msgspec

from judged.judging.build import OUT, PATH_ENV, SRC, Build, Builder, language_mounts
from judged.judging.build_cache import remove_tree
from judged.judging.languages import LANGUAGE_IDS, Language, expand, for_package_programs, script_language
from judged.judging.sources import SourceError, program_sources, read_program
from judged.problems.io_model import IoTest
from judged.problems.kattis_programs import SCRIPT, program_language
from judged.sandbox import Limits, MiB, Mount, RunRequest, RunResult, Sandbox, Status

ACCEPTED, REJECTED = 42, 43
INPUT, ANSWER, FEEDBACK = "/judge/input", "/judge/answer", "/judge/feedback"
MESSAGE_KEPT = 4096
VALIDATOR_MEMORY_MIB = 1024
VALIDATOR_CPU = 30.0


class ValidatorFailed(Exception):
    """A validator that does not build, crashed, timed out or exited with neither 42 nor 43: IE, never the user's."""


class Feedback(msgspec.Struct, frozen=True):
    accepted: bool
    message: str = ""
    score: float | None = None


class Program(msgspec.Struct, frozen=True):
    """A built validator: its name in the package, language and build."""

    name: str
    language: Language
    build: Build


async def build_program(
    path: Path, language_of: Callable[[str], Language], builder: Builder, fill: Callable[[str], str] = str
) -> Program:
    """Build one validator program (cached like any build); `ValidatorFailed` when it cannot be. `fill`
    writes the package's constants into its sources (`IoSpec.fill`)."""
    language_id = program_language(path)
    if language_id is None:
        raise ValidatorFailed(f"{path.name}: unknown language")
    try:
        language = _scripts(language_of) if language_id == SCRIPT else for_package_programs(language_of(language_id))
        program = read_program(path)
        filled = fill(program) if isinstance(program, str) else {name: fill(text) for name, text in program.items()}
        files = program_sources(language, filled)
    except (SourceError, OSError) as exc:
        raise ValidatorFailed(f"{path.name}: {exc}") from exc
    except Exception as exc:  # LanguageUnavailable: the language is off on this host
        raise ValidatorFailed(f"{path.name}: {exc}") from exc
    build = await builder.build(language, files)
    if build.internal_error:
        raise ValidatorFailed(f"{path.name}: the build failed: {build.internal_error}")
    if not build.ok:
        raise ValidatorFailed(f"{path.name} does not compile: {build.compile_output[:2000]}")
    return Program(path.name, language, build)


def _scripts(language_of: Callable[[str], Language]) -> Language:
    """The build/run-script language, with the compilers and mounts of every language enabled here."""
    enabled = {}
    for language_id in LANGUAGE_IDS:
        with contextlib.suppress(Exception):  # LanguageUnavailable: not started, or off on this host
            enabled[language_id] = language_of(language_id)
    return script_language(enabled)


def program_request(program: Program, args: tuple[str, ...], *, mounts: tuple[Mount, ...], wall: float) -> RunRequest:
    """A run of the program with its own limits; stdin, stdout and extra fds are the caller's to set."""
    language = program.language
    return RunRequest(
        argv=(*expand(language.run, src=SRC, out=OUT, memory_mib=VALIDATOR_MEMORY_MIB), *args),
        limits=Limits(
            cpu=max(VALIDATOR_CPU, wall / 2),
            wall=max(wall, 2 * VALIDATOR_CPU),
            memory=(VALIDATOR_MEMORY_MIB + language.memory_extra_mib) * MiB,
            processes=language.processes,
            output=64 * MiB,
        ),
        mounts=(
            Mount(source=str(program.build.src), target=SRC),
            Mount(source=str(program.build.out), target=OUT),
            *language_mounts(language),
            *mounts,
        ),
        env={"PATH": PATH_ENV, "HOME": "/tmp", "LANG": "C.UTF-8", **language.env},
    )


class OutputValidator:
    """One built output validator, and where its feedback folders are made."""

    def __init__(self, sandbox: Sandbox, program: Program, scratch: Path) -> None:
        self.sandbox = sandbox
        self.program = program
        self.scratch = scratch

    @contextlib.contextmanager
    def feedback_dir(self) -> Iterator[Path]:
        """A fresh folder the validator's jail may write, removed afterwards."""
        self.scratch.mkdir(parents=True, exist_ok=True, mode=0o711)
        path = Path(tempfile.mkdtemp(prefix="feedback-", dir=self.scratch))
        try:
            path.chmod(0o755)
            yield path
        finally:
            remove_tree(path)  # the validator's uid owns it: taken back first (judged may lack CAP_DAC_OVERRIDE)

    def request(self, test: IoTest, flags: tuple[str, ...], feedback: Path, *, wall: float = 60.0) -> RunRequest:
        mounts = (
            Mount(source=str(test.input.absolute()), target=INPUT),
            Mount(source=str(test.answer.absolute()), target=ANSWER),
            Mount(source=str(feedback.absolute()), target=FEEDBACK, owned_by_run=True),
        )
        return program_request(self.program, (INPUT, ANSWER, FEEDBACK + "/", *flags), mounts=mounts, wall=wall)

    async def validate(self, test: IoTest, output: bytes, flags: tuple[str, ...]) -> Feedback:
        """The validator's judgement of one output."""
        with self.feedback_dir() as feedback:
            request = msgspec.structs.replace(self.request(test, flags, feedback), stdin=output)
            result = await self.sandbox.run(request)
            return self.judgement(result, feedback)

    def judgement(self, result: RunResult, feedback: Path) -> Feedback:
        """42 accepted, 43 rejected, with the feedback files' text; `ValidatorFailed` for anything else."""
        if result.status is Status.IE or result.exit_code not in (ACCEPTED, REJECTED):
            detail = result.message or f"exit {result.exit_code}"
            stderr = result.stderr[-1000:].decode(errors="replace")
            raise ValidatorFailed(f"output validator {self.program.name}: {result.status} {detail} {stderr}".strip())
        message = _feedback_text(feedback, "teammessage.txt") or _feedback_text(feedback, "judgemessage.txt")
        return Feedback(result.exit_code == ACCEPTED, message, _score(feedback, self.program.name))


async def check_input(sandbox: Sandbox, program: Program, test: IoTest, flags: tuple[str, ...]) -> str | None:
    """None when the input validator accepts the test's input (exit 42), else why not."""
    request = msgspec.structs.replace(program_request(program, flags, mounts=(), wall=60.0), stdin=test.input)
    result = await sandbox.run(request)
    if result.exit_code != ACCEPTED:
        text = (result.stdout[-500:] + result.stderr[-500:]).decode(errors="replace").strip()
        return f"{program.name} rejected it ({result.message or f'exit {result.exit_code}'}) {text}".strip()
    return None


def _feedback_text(folder: Path, name: str) -> str:
    path = folder / name
    if not path.is_file() or path.is_symlink():
        return ""
    with path.open("rb") as handle:
        return handle.read(MESSAGE_KEPT).decode(errors="replace").strip()


def _score(folder: Path, name: str) -> float | None:
    text = _feedback_text(folder, "score.txt")
    if not text:
        return None
    try:
        score = float(text.split()[0])
    except ValueError:
        raise ValidatorFailed(f"output validator {name}: score.txt is not a number: {text[:100]!r}") from None
    if not math.isfinite(score):
        raise ValidatorFailed(f"output validator {name}: score.txt is not finite: {text[:100]!r}")
    return score
