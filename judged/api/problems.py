"""GET /v1/problems and GET /v1/problems/{slug}: pages of problems, and one problem's page with its stub."""

from __future__ import annotations

import msgspec
from aiohttp import web

from judged.api.auth import caller
from judged.api.competitions import current_locks
from judged.api.deps import DEPS, MAX_QUERY, ApiError, cached_json, query_int, query_text
from judged.api.history import personal_problem_page
from judged.harness import Param, Signature, stub
from judged.harness.design import Design
from judged.harness.design_stubs import design_stub
from judged.problems import Difficulty
from judged.problems.kattis import statement_pdf
from judged.store.index import MAX_PAGE, IndexedProblem, InvalidCursor, Page, Sample

__all__ = [
    "DEFAULT_LANGUAGE",
    "DEFAULT_LIMIT",
    "MAX_QUERY",
    "ProblemPage",
    "get_problem",
    "get_statement_pdf",
    "list_problems",
]

DEFAULT_LIMIT = 20
DEFAULT_LANGUAGE = "python"


class ProblemLimits(msgspec.Struct, frozen=True):
    time_limit: float
    """Seconds of CPU time per run."""
    memory_limit: int
    """MiB."""


class ParamText(msgspec.Struct, frozen=True):
    name: str
    type: str


class SignatureText(msgspec.Struct, frozen=True):
    """The signature with its types written as in problem.toml (`int[]`, `TreeNode`)."""

    name: str
    params: list[ParamText]
    returns: str


class MethodText(msgspec.Struct, frozen=True):
    name: str
    params: list[ParamText]
    returns: str
    """A type, or "void"."""


class DesignText(msgspec.Struct, frozen=True):
    """A design problem's class with its types written as in problem.toml; tests call it through LeetCode's two
    lists (`["LRUCache", "put", "get"]`, `[[2], [1, 1], [1]]`)."""

    class_name: str = msgspec.field(name="class")
    constructor: list[ParamText] = []
    methods: list[MethodText] = []


class ProblemPage(msgspec.Struct, frozen=True):
    """Everything a frontend shows on a problem's page, with the stub for one language."""

    slug: str
    title: str
    difficulty: Difficulty
    tags: tuple[str, ...]
    statement: str
    limits: ProblemLimits
    samples: tuple[Sample, ...]
    signature: SignatureText | None
    """A function problem's; None for a design problem (see `design`) and an I/O problem (stdin/stdout: its stub
    is empty)."""
    language: str
    stub: str
    languages: tuple[str, ...]
    design: DesignText | None = None
    """A design problem's class; None for the other kinds."""


async def list_problems(request: web.Request) -> web.Response:
    """A page of problems; those a scheduled competition hides are left out for everyone but admins."""
    query = request.query
    limit = query_int(query, "limit", DEFAULT_LIMIT, 1, MAX_PAGE)
    difficulty = _difficulty(query_text(query, "difficulty"))
    who = caller(request)
    hidden = frozenset() if who.admin else (await current_locks(request)).hidden  # admins see every problem
    try:
        page: Page = await request.app[DEPS].index.page(
            limit,
            cursor=query_text(query, "cursor"),
            difficulty=difficulty,
            tag=query_text(query, "tag"),
            q=query_text(query, "q"),
            exclude=hidden,
        )
    except InvalidCursor as error:
        raise ApiError(400, "bad_request", f"{error}: pass back a next_cursor exactly as it was given") from None
    user_id = query_text(query, "user_id")
    if user_id is not None and request.app[DEPS].history is not None:  # each problem with the user's standing
        return await personal_problem_page(request, page, user_id)
    return cached_json(request, page, private=who.kind == "admin")


async def get_problem(request: web.Request) -> web.Response:
    """One problem's page; 404 for a problem a scheduled competition hides, unless the caller is an admin."""
    slug = request.match_info["slug"]
    problem = await request.app[DEPS].index.get(slug) if len(slug) <= MAX_QUERY else None
    who = caller(request)
    if problem is not None and not who.admin and not (await current_locks(request)).visible(problem.slug, admin=False):
        problem = None
    if problem is None:
        raise ApiError(404, "not_found", f"no problem {slug[:MAX_QUERY]!r}")
    language = query_text(request.query, "language") or DEFAULT_LANGUAGE
    if language not in problem.languages:
        known = ", ".join(problem.languages)
        raise ApiError(400, "bad_request", f"unknown language {language[:50]!r} for this problem: one of {known}")
    return cached_json(request, problem_page(problem, language), private=who.kind == "admin")


async def get_statement_pdf(request: web.Request) -> web.StreamResponse:
    """A package's PDF statement (DOMjudge exports carry only `problem.pdf`); 404 when it has none, or for a
    problem a scheduled competition hides (but for admins)."""
    slug = request.match_info["slug"]
    problem = await request.app[DEPS].index.get(slug) if len(slug) <= MAX_QUERY else None
    if problem is not None and not (await current_locks(request)).visible(problem.slug, admin=caller(request).admin):
        problem = None
    pdf = statement_pdf(problem.source) if problem is not None and problem.kind == "io" else None
    if pdf is None:
        raise ApiError(404, "not_found", f"no PDF statement for problem {slug[:MAX_QUERY]!r}")
    return web.FileResponse(pdf, headers={"Content-Type": "application/pdf"})


def problem_page(problem: IndexedProblem, language: str) -> ProblemPage:
    signature: SignatureText | None = None
    design: DesignText | None = None
    match problem.signature:
        case Signature():
            signature, code = signature_text(problem.signature), stub(problem.signature, language)
        case Design():
            design, code = design_text(problem.signature), design_stub(problem.signature, language)
        case None:
            code = ""
    return ProblemPage(
        slug=problem.slug,
        title=problem.title,
        difficulty=problem.difficulty,
        tags=problem.tags,
        statement=problem.statement,
        limits=ProblemLimits(time_limit=problem.time_limit, memory_limit=problem.memory_limit),
        samples=problem.samples,
        signature=signature,
        language=language,
        stub=code,
        languages=problem.languages,
        design=design,
    )


def signature_text(signature: Signature) -> SignatureText:
    params = [ParamText(param.name, str(param.type)) for param in signature.params]
    return SignatureText(name=signature.name, params=params, returns=str(signature.returns))


def design_text(design: Design) -> DesignText:
    def params(given: tuple[Param, ...]) -> list[ParamText]:
        return [ParamText(param.name, str(param.type)) for param in given]

    methods = [MethodText(method.name, params(method.params), str(method.returns)) for method in design.methods]
    return DesignText(class_name=design.class_name, constructor=params(design.constructor), methods=methods)


def _difficulty(text: str | None) -> Difficulty | None:
    if text is None:
        return None
    try:
        return Difficulty(text)
    except ValueError:
        choices = ", ".join(level.value for level in Difficulty)
        raise ApiError(400, "bad_request", f"unknown difficulty {text[:20]!r}: one of {choices}") from None
