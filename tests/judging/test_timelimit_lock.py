"""Two processes deriving one problem's time limit on one state folder judge its accepted submissions once."""

from __future__ import annotations

import asyncio
import sys
import textwrap
from pathlib import Path

from judged.problems import IoProblem
from judged.problems.judged_format import load_problem

PROJECT = Path(__file__).resolve().parents[2]
PACKAGE = PROJECT / "tests" / "judging" / "packages" / "aplusb"

DERIVE = textwrap.dedent(
    """
    import asyncio, os, sys
    from pathlib import Path
    from judged.judging.timelimit import derive_time_limit
    from judged.judging.verdicts import JudgeResult, Verdict
    from judged.problems.judged_format import load_problem

    async def main() -> None:
        problem, cache, log = load_problem(Path(sys.argv[1])), Path(sys.argv[2]), sys.argv[3]

        async def judge_with(solution, limit):  # each judging takes a while and says so
            with open(log, "a") as handle:
                handle.write(f"{os.getpid()} {solution.path.name}\\n")
            await asyncio.sleep(0.3)
            return JudgeResult(Verdict.AC, [], 0.4, 0)

        print(await derive_time_limit(problem, cache, judge_with))

    asyncio.run(main())
    """
)


async def test_two_processes_derive_once_and_agree(tmp_path: Path) -> None:
    problem = load_problem(PACKAGE)
    assert isinstance(problem, IoProblem)
    accepted = [s for s in problem.solutions if s.verdict.value == "accepted"]
    log = tmp_path / "judged.log"
    processes = [
        await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            DERIVE,
            str(PACKAGE),
            str(tmp_path / "timelimits"),
            str(log),
            cwd=PROJECT,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        for _ in range(2)
    ]
    outputs = [await p.communicate() for p in processes]
    for (_, stderr), process in zip(outputs, processes, strict=True):
        assert process.returncode == 0, stderr.decode()[-2000:]
    limits = {float(stdout) for stdout, _ in outputs}
    assert len(limits) == 1
    lines = log.read_text().splitlines()
    assert len(lines) == len(accepted)  # judged by one process only, once each
    assert len({line.split()[0] for line in lines}) == 1
