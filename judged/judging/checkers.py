"""The default output checker: the Kattis problemtools default validator, as a pure function.

The judge's answer and the contestant's output are compared token by token. A
token is a run of bytes that are not C-locale whitespace (space, ``\\t``,
``\\n``, ``\\v``, ``\\f``, ``\\r``). Flags, as written in a problem's
``validator_flags``:

- ``case_sensitive``: tokens must match exactly; by default ASCII letters are
  compared without case (``strcasecmp``).
- ``space_change_sensitive``: whitespace must match byte for byte, including
  the trailing newline; by default any non-empty run of whitespace equals any
  other, and leading and trailing whitespace are ignored.
- ``float_absolute_tolerance E``, ``float_relative_tolerance E``,
  ``float_tolerance E`` (sets both; later flags override earlier ones). With a
  non-negative tolerance given, a judge token that reads as a finite float
  (glibc ``sscanf("%lf")`` syntax, whole token: ``1``, ``-.5``, ``1e-3``, also
  ``1e``, ``1e+``, hex ``0x1p-3`` and ``0x.``; never ``inf``, ``nan`` or a value
  that overflows) needs a float from the contestant within either tolerance.
  Other judge tokens are compared as strings.

Output left over after the judge's last token is wrong ("Trailing output").
Messages are the reference's feedback text, decoded as UTF-8 with
replacement characters.

One deliberate difference: the reference compares tokens as C strings, so it
ignores whatever follows a NUL byte inside a token; here a NUL byte is an
ordinary byte.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import NamedTuple

import msgspec

__all__ = ["ACCEPTED", "CheckResult", "CheckerFlags", "check", "parse_flags"]

_WHITESPACE = b" \t\n\v\f\r"  # C-locale isspace(); the same set as bytes.split()
_TOKEN = re.compile(rb"[^ \t\n\v\f\r]+")
# The next _CHUNK_TOKENS tokens with the whitespace before each; possessive, so a token is never split.
_CHUNK_TOKENS = 4096
_CHUNK = re.compile(rb"(?:[ \t\n\v\f\r]*+[^ \t\n\v\f\r]++){%d}" % _CHUNK_TOKENS)
# What glibc's sscanf("%lf") takes as a whole token. An exponent marker may go
# without digits ("1e", "0x1p+"), and "0x." is zero, but "0x", "." and "0x.p1" are not numbers.
_FLOAT = re.compile(
    rb"""[+-]?(?:
        (?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]*)?
      | 0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*(?:[pP][+-]?[0-9]*)?
               | \.(?:[0-9a-fA-F]+(?:[pP][+-]?[0-9]*)?)?)
    )""",
    re.VERBOSE,
)
_BARE_DECIMAL_EXPONENT = re.compile(rb"[eE][+-]?\Z")
_BARE_BINARY_EXPONENT = re.compile(r"[pP][+-]?\Z")

_BLOCK = 1 << 16  # bytes compared at once when looking for the first difference
_FLAG_NAMES = (
    "case_sensitive",
    "space_change_sensitive",
    "float_absolute_tolerance",
    "float_relative_tolerance",
    "float_tolerance",
)


class CheckerFlags(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The default checker's options. A tolerance of ``None`` was not given."""

    case_sensitive: bool = False
    space_change_sensitive: bool = False
    float_absolute_tolerance: float | None = None
    float_relative_tolerance: float | None = None

    @property
    def absolute_tolerance(self) -> float:
        """The absolute tolerance in force; negative (never met) when none was given."""
        return -1.0 if self.float_absolute_tolerance is None else self.float_absolute_tolerance

    @property
    def relative_tolerance(self) -> float:
        """The relative tolerance in force; negative (never met) when none was given."""
        return -1.0 if self.float_relative_tolerance is None else self.float_relative_tolerance

    @property
    def uses_floats(self) -> bool:
        """Whether judge tokens that read as floats are compared as numbers."""
        return self.absolute_tolerance >= 0 or self.relative_tolerance >= 0


class CheckResult(msgspec.Struct, frozen=True):
    """What the checker decided; ``message`` says why an output is wrong, and is empty when accepted."""

    accepted: bool
    message: str = ""


ACCEPTED = CheckResult(accepted=True)


def parse_flags(args: Sequence[str]) -> CheckerFlags:
    """Read Kattis ``validator_flags``, already split on whitespace, e.g. ``["float_tolerance", "1e-6"]``."""
    if isinstance(args, str):
        raise TypeError("parse_flags takes a list of flags; split the flag string first")
    case_sensitive = space_change_sensitive = False
    absolute: float | None = None
    relative: float | None = None
    rest = iter(args)
    for flag in rest:
        if flag == "case_sensitive":
            case_sensitive = True
        elif flag == "space_change_sensitive":
            space_change_sensitive = True
        elif flag == "float_absolute_tolerance":
            absolute = _tolerance(flag, next(rest, None))
        elif flag == "float_relative_tolerance":
            relative = _tolerance(flag, next(rest, None))
        elif flag == "float_tolerance":
            absolute = relative = _tolerance(flag, next(rest, None))
        else:
            raise ValueError(f"unknown default checker flag {flag!r} (known: {', '.join(_FLAG_NAMES)})")
    return CheckerFlags(case_sensitive, space_change_sensitive, absolute, relative)


def _tolerance(flag: str, value: str | None) -> float:
    if value is None:
        raise ValueError(f"default checker flag {flag} needs a number after it")
    number = _parse_float(value.encode("utf-8", "surrogateescape"))
    if number is None:
        raise ValueError(f"default checker flag {flag}: {value!r} is not a finite number")
    return number


def check(judge_answer: bytes, user_output: bytes, flags: CheckerFlags) -> CheckResult:
    """Compare a contestant's output with the judge's answer, as the Kattis default validator does."""
    if judge_answer == user_output:
        return ACCEPTED  # equal tokens pass every comparison, floats included
    walk = _walk_exact_spaces if flags.space_change_sensitive else _walk_tokens
    judge_pos = user_pos = 0
    # Chunks of as many tokens on each side are compared whole; only a chunk that differs is walked token by token.
    while (ends := _chunk_ends(judge_answer, judge_pos, user_output, user_pos)) is not None:
        judge_end, user_end = ends
        judge_chunk, user_chunk = judge_answer[judge_pos:judge_end], user_output[user_pos:user_end]
        if not _chunks_match(judge_chunk, user_chunk, flags):
            failure = walk(judge_answer, judge_pos, judge_end, user_output, user_pos, flags=flags)
            if failure is not None:
                return _wrong_answer(judge_answer, user_output, failure)
        judge_pos, user_pos = ends
    failure = walk(judge_answer, judge_pos, len(judge_answer), user_output, user_pos, flags=flags)
    if failure is None:
        return ACCEPTED
    return _wrong_answer(judge_answer, user_output, failure)


def _chunk_ends(judge: bytes, judge_pos: int, user: bytes, user_pos: int) -> tuple[int, int] | None:
    """Where the next full chunk of tokens ends in each file, or None when either has fewer tokens left."""
    judge_chunk = _CHUNK.match(judge, judge_pos)
    user_chunk = _CHUNK.match(user, user_pos) if judge_chunk is not None else None
    if judge_chunk is None or user_chunk is None:
        return None
    return judge_chunk.end(), user_chunk.end()


def _chunks_match(judge: bytes, user: bytes, flags: CheckerFlags) -> bool:
    """Whether two chunks match without looking at single tokens (equal tokens always pass)."""
    if not flags.case_sensitive:
        judge, user = judge.lower(), user.lower()
    if flags.space_change_sensitive:
        return judge == user
    return judge.split() == user.split()


# --- the token walks --------------------------------------------------------------------------------------------


class _Failure(NamedTuple):
    """Where the reference stops reading each file when it rejects, and why."""

    judge_offset: int
    user_offset: int
    reason: bytes


def _walk_tokens(
    judge: bytes, judge_pos: int, judge_end: int, user: bytes, user_pos: int, *, flags: CheckerFlags
) -> _Failure | None:
    """Whitespace-insensitive walk of the judge's tokens up to ``judge_end``; the positions are token boundaries."""
    user_tokens = _TOKEN.finditer(user, user_pos)
    for expected in _TOKEN.finditer(judge, judge_pos, judge_end):
        got = next(user_tokens, None)
        if got is None:
            return _Failure(expected.start(), len(user), _user_eof(expected.group(), user))
        reason = _token_mismatch(expected.group(), got.group(), flags)
        if reason is not None:
            return _Failure(expected.start(), got.start(), reason)
    extra = next(user_tokens, None) if judge_end == len(judge) else None
    return None if extra is None else _trailing_output(judge, extra)


def _walk_exact_spaces(
    judge: bytes, judge_pos: int, judge_end: int, user: bytes, user_pos: int, *, flags: CheckerFlags
) -> _Failure | None:
    """``space_change_sensitive`` walk: every whitespace byte of the judge's answer must be in the output."""
    for expected in _TOKEN.finditer(judge, judge_pos, judge_end):
        failure = _space_change(judge, judge_pos, expected.start(), user, user_pos)
        if failure is not None:
            return failure
        user_pos += expected.start() - judge_pos
        got = _TOKEN.match(user, user_pos)
        if got is None:
            return _Failure(expected.start(), user_pos, _user_eof(expected.group(), user))
        reason = _token_mismatch(expected.group(), got.group(), flags)
        if reason is not None:
            return _Failure(expected.start(), user_pos, reason)
        judge_pos, user_pos = expected.end(), got.end()
    return _exact_spaces_end(judge, judge_pos, user, user_pos) if judge_end == len(judge) else None


def _exact_spaces_end(judge: bytes, judge_pos: int, user: bytes, user_pos: int) -> _Failure | None:
    """After the judge's last token: its final whitespace must be in the output, and nothing more."""
    failure = _space_change(judge, judge_pos, len(judge), user, user_pos)
    if failure is not None:
        return failure
    extra = _TOKEN.match(user, user_pos + len(judge) - judge_pos)
    return None if extra is None else _trailing_output(judge, extra)


def _trailing_output(judge: bytes, extra: re.Match[bytes]) -> _Failure:
    return _Failure(len(judge), extra.start(), b"Trailing output:\n" + _truncate(extra.group()))


def _space_change(judge: bytes, begin: int, end: int, user: bytes, user_pos: int) -> _Failure | None:
    """Check the judge's whitespace ``judge[begin:end]`` against the output at ``user_pos``, byte for byte."""
    spaces = judge[begin:end]
    got = user[user_pos : user_pos + len(spaces)]
    if got != spaces:
        at = _common_prefix_len(spaces, got)
        found = got[at] if at < len(got) else -1  # -1: the output ended (C's EOF)
        reason = b"Space change error: got %d expected %d" % (found, spaces[at])
        return _Failure(begin + at, user_pos + at, reason)
    after = user_pos + len(spaces)
    if after < len(user) and user[after] in _WHITESPACE:
        reason = b"Space change error: judge out of space, got %d from user" % user[after]
        return _Failure(end, after, reason)
    return None


def _user_eof(next_token: bytes, user: bytes) -> bytes:
    if not user:
        head = b"User EOF while judge had more output; user output was empty."
    elif user.isspace():
        head = b"User EOF while judge had more output; user output contained only whitespace."
    else:
        head = b"User EOF while judge had more output"
    return head + b"\n(Next judge token: " + _truncate(next_token) + b")"


def _token_mismatch(expected: bytes, got: bytes, flags: CheckerFlags) -> bytes | None:
    """Why token ``got`` does not match the judge's ``expected``, or None when it does."""
    if expected == got:
        return None  # equal tokens pass every comparison, floats included
    if flags.uses_floats:
        value = _parse_float(expected)
        if value is not None:
            return _float_mismatch(expected, value, got, flags)
    if not flags.case_sensitive and expected.lower() == got.lower():
        return None
    shown_judge, shown_user = _truncate_pair(expected, got)
    return b'String tokens mismatch\nJudge: "' + shown_judge + b'"\nUser: "' + shown_user + b'"'


def _float_mismatch(expected: bytes, value: float, got: bytes, flags: CheckerFlags) -> bytes | None:
    answer = _parse_float(got)
    if answer is None:
        return b"Expected float, got: " + _truncate(got)
    error = abs(value - answer)
    if error <= flags.absolute_tolerance or error <= flags.relative_tolerance * abs(value):
        return None
    relative = b"undefined, judge value is 0" if value == 0 else b"%e" % (error / abs(value))
    return b"\n".join(
        (
            b"Too large difference.",
            b" Judge: " + _truncate(expected),
            b" User:  " + _truncate(got),
            b" Absolute error: %e (abs tolerance %e)" % (error, flags.absolute_tolerance),
            b" Relative error: %s (rel tolerance %e)" % (relative, flags.relative_tolerance),
        )
    )


def _parse_float(token: bytes) -> float | None:
    """The token's value if glibc's ``sscanf("%lf")`` reads all of it as a finite number, else None."""
    if _FLOAT.fullmatch(token) is None:
        return None
    if b"x" not in token and b"X" not in token:
        if token[-1] in b"eE+-":
            token = _BARE_DECIMAL_EXPONENT.sub(b"", token)  # glibc reads "1e+" as 1
        value = float(token)  # an overflow gives inf
    else:
        text = _BARE_BINARY_EXPONENT.sub("", token.decode("ascii"))  # "0x1p" is 1 ("e" is a hex digit here)
        try:
            value = float.fromhex(text + "0" if text.endswith(".") else text)  # "0x." is zero
        except OverflowError:
            return None
    return value if math.isfinite(value) else None


# --- messages -------------------------------------------------------------------------------------------------


def _wrong_answer(judge: bytes, user: bytes, failure: _Failure) -> CheckResult:
    user_line = user.count(b"\n", 0, failure.user_offset) + 1
    judge_line = judge.count(b"\n", 0, failure.judge_offset) + 1
    head = b"Wrong answer on line %d of output (corresponding to line %d in answer file)\n" % (user_line, judge_line)
    return CheckResult(accepted=False, message=(head + failure.reason).decode("utf-8", "replace"))


def _truncate(text: bytes, limit: int = 30) -> bytes:
    """Shorten a long token to about ``limit`` bytes plus "...", without splitting a UTF-8 character."""
    if len(text) <= limit + 5:
        return text
    cut = limit
    while cut < len(text) and cut < limit + 4 and text[cut] & 0xC0 == 0x80:
        cut += 1
    return text[:cut] + b"..."


def _truncate_pair(expected: bytes, got: bytes) -> tuple[bytes, bytes]:
    """Shorten two differing tokens to the start of their common prefix and the start of where they differ."""
    same = _common_prefix_len(expected, got)
    prefix = _truncate(expected[:same], 15)
    return prefix + _truncate(expected[same:], 15), prefix + _truncate(got[same:], 15)


def _common_prefix_len(a: bytes, b: bytes) -> int:
    """Length of the longest common prefix, found blockwise and then by bisection: linear time."""
    size = min(len(a), len(b))
    low = 0
    while low < size:
        high = min(size, low + _BLOCK)
        if a[low:high] != b[low:high]:
            while high - low > 1:  # a[:low] == b[:low] and a[low:high] != b[low:high]
                middle = (low + high) // 2
                if a[low:middle] == b[low:middle]:
                    low = middle
                else:
                    high = middle
            return low
        low = high
    return size
