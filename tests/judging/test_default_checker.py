"""The default output checker agrees with the Kattis default validator."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from judged.judging.checkers import CheckerFlags, CheckResult, check, parse_flags

CONFORMANCE = Path(__file__).parent / "conformance" / "kattis-default-validator"
CASE_NAMES = sorted(path.name for path in CONFORMANCE.iterdir() if path.is_dir())
WHITESPACE = b" \t\n\v\f\r"
HEADER = "Wrong answer on line {} of output (corresponding to line {} in answer file)\n"


class Case(NamedTuple):
    judge: bytes
    user: bytes
    flags: CheckerFlags
    accepted: bool
    message: str | None


def load_case(name: str) -> Case:
    folder = CONFORMANCE / name
    args = folder / "args.txt"
    message = folder / "expected_message.txt"
    return Case(
        judge=(folder / "judge.ans").read_bytes(),
        user=(folder / "user.out").read_bytes(),
        flags=parse_flags(args.read_text().split() if args.exists() else []),
        accepted={"42": True, "43": False}[(folder / "expected_exit_code.txt").read_text().strip()],
        # The reference writes raw bytes and a final newline; our message is that text decoded.
        message=message.read_bytes().decode("utf-8", "replace").removesuffix("\n") if message.exists() else None,
    )


def wrong(judge: bytes, user: bytes, *flags: str) -> str:
    result = check(judge, user, parse_flags(flags))
    assert not result.accepted
    return result.message


def accepted(judge: bytes, user: bytes, *flags: str) -> bool:
    return check(judge, user, parse_flags(flags)).accepted


# --- the problemtools conformance cases -------------------------------------------------------------------------


def test_every_conformance_case_is_here() -> None:
    assert len(CASE_NAMES) >= 24
    assert (CONFORMANCE / "LICENSE.problemtools").is_file()


@pytest.mark.parametrize("name", CASE_NAMES)
def test_conformance_case(name: str) -> None:
    case = load_case(name)
    result = check(case.judge, case.user, case.flags)
    assert result.accepted is case.accepted
    if case.accepted:
        assert result.message == ""
    if case.message is not None:
        # The README calls the messages informative; we match them exactly anyway.
        assert result.message == case.message


# --- flags ------------------------------------------------------------------------------------------------------


def test_no_flags_means_case_and_space_insensitive_without_floats() -> None:
    assert parse_flags([]) == CheckerFlags()
    assert not CheckerFlags().uses_floats


def test_each_flag_is_read() -> None:
    flags = parse_flags(["case_sensitive", "space_change_sensitive", "float_absolute_tolerance", "1e-6"])
    assert flags == CheckerFlags(True, True, 1e-6, None)
    assert parse_flags(["float_relative_tolerance", "0.5"]) == CheckerFlags(float_relative_tolerance=0.5)


def test_float_tolerance_sets_both_and_later_flags_win() -> None:
    assert parse_flags(["float_tolerance", "0.25"]) == CheckerFlags(
        float_absolute_tolerance=0.25, float_relative_tolerance=0.25
    )
    flags = parse_flags(["float_tolerance", "0.25", "float_absolute_tolerance", "2"])
    assert (flags.float_absolute_tolerance, flags.float_relative_tolerance) == (2.0, 0.25)


def test_a_tolerance_is_read_as_the_validator_reads_numbers() -> None:
    assert parse_flags(["float_tolerance", "0x1p-4"]).float_absolute_tolerance == 0.0625


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        (["case_insensitive"], "unknown default checker flag 'case_insensitive'"),
        (["float_tolerance"], "float_tolerance needs a number"),
        (["float_absolute_tolerance", "abc"], "'abc' is not a finite number"),
        (["float_relative_tolerance", "inf"], "'inf' is not a finite number"),
        (["float_tolerance", "nan"], "'nan' is not a finite number"),
        (["float_tolerance", "1e400"], "'1e400' is not a finite number"),
        (["float_tolerance", "1e-6,"], "is not a finite number"),
    ],
)
def test_bad_flags_are_a_clear_error(args: list[str], complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        parse_flags(args)


def test_a_flag_string_must_be_split_first() -> None:
    with pytest.raises(TypeError, match="split"):
        parse_flags("case_sensitive")


def test_a_negative_tolerance_switches_floats_off_as_in_the_reference() -> None:
    assert not parse_flags(["float_tolerance", "-1"]).uses_floats
    assert not accepted(b"1.0\n", b"1\n", "float_tolerance", "-1")


# --- tokens and whitespace --------------------------------------------------------------------------------------


def test_an_accepted_result_has_no_message() -> None:
    assert check(b"a b\n", b" a\r\n\tb", CheckerFlags()) == CheckResult(accepted=True, message="")


def test_empty_answers() -> None:
    assert accepted(b"", b"")
    assert accepted(b"", b" \n\n")
    assert not accepted(b"", b"\n", "space_change_sensitive")
    assert wrong(b"", b"x") == HEADER.format(1, 1) + "Trailing output:\nx"


def test_trailing_output_is_wrong() -> None:
    assert wrong(b"1 2\n", b"1 2\n3\n") == HEADER.format(2, 2) + "Trailing output:\n3"


def test_missing_output_names_the_next_judge_token() -> None:
    assert (
        wrong(b"1\n2\n3\n", b"1\n2\n")
        == HEADER.format(3, 3) + "User EOF while judge had more output\n(Next judge token: 3)"
    )
    message = wrong(b"42\n", b"\n\n")
    assert message.endswith("user output contained only whitespace.\n(Next judge token: 42)")


def test_carriage_returns_are_whitespace_unless_spaces_count() -> None:
    assert accepted(b"a\nb\n", b"a\r\nb\r\n")
    assert wrong(b"a\nb\n", b"a\r\nb\r\n", "space_change_sensitive") == (
        HEADER.format(1, 1) + "Space change error: got 13 expected 10"
    )


def test_space_change_sensitive_checks_the_final_newline_both_ways() -> None:
    assert accepted(b"a b\n", b"a b\n", "space_change_sensitive")
    assert wrong(b"a b\n", b"a b", "space_change_sensitive").endswith("Space change error: got -1 expected 10")
    assert wrong(b"a b", b"a b\n", "space_change_sensitive").endswith(
        "Space change error: judge out of space, got 10 from user"
    )


def test_space_change_sensitive_still_ignores_case_by_default() -> None:
    assert accepted(b"Yes\n", b"YES\n", "space_change_sensitive")
    assert not accepted(b"Yes\n", b"YES\n", "space_change_sensitive", "case_sensitive")


def test_case_folding_is_ascii_only() -> None:
    assert not accepted("ÄRGER\n".encode(), "ärger\n".encode())


def test_a_nul_byte_is_an_ordinary_byte() -> None:
    # The reference compares C strings and would stop at the NUL; we do not.
    assert not accepted(b"a\x00b\n", b"a\x00c\n")


def test_long_tokens_are_shown_cut_around_the_difference() -> None:
    judge = b"x" * 100 + b"A" + b"y" * 100
    user = b"x" * 100 + b"B" + b"y" * 100
    assert wrong(judge, user, "case_sensitive").endswith(
        'Judge: "xxxxxxxxxxxxxxx...Ayyyyyyyyyyyyyy..."\nUser: "xxxxxxxxxxxxxxx...Byyyyyyyyyyyyyy..."'
    )


# --- floats -----------------------------------------------------------------------------------------------------


def test_numbers_are_strings_until_a_tolerance_is_given() -> None:
    assert not accepted(b"1.0\n", b"1\n")
    assert accepted(b"1.0\n", b"1\n", "float_tolerance", "0")
    assert accepted(b"0.30000000000000004\n", b"0.3\n", "float_absolute_tolerance", "1e-9")


@pytest.mark.parametrize(
    ("judge", "user"),
    [
        (b"1e", b"1"),  # glibc reads an exponent marker without digits
        (b"1e+", b"1.0"),
        (b"0x10", b"16"),  # hex floats are floats
        (b"0x1p-2", b".25"),
        (b"0x.", b"-0"),
        (b"1.", b"+1"),
        (b"1e-400", b"0"),  # underflow is zero
    ],
)
def test_odd_float_syntax_reads_as_glibc_reads_it(judge: bytes, user: bytes) -> None:
    assert accepted(judge, user, "float_absolute_tolerance", "0")


@pytest.mark.parametrize("judge", [b"inf", b"-Infinity", b"nan", b"1e400", b"0x", b".", b"1_000", b"1,5", b"0x1q"])
def test_judge_tokens_that_are_not_finite_floats_are_compared_as_strings(judge: bytes) -> None:
    assert accepted(judge, judge.upper(), "float_tolerance", "1e9")
    assert wrong(judge, b"0", "float_tolerance", "1e9").startswith(HEADER.format(1, 1) + "String tokens mismatch")


@pytest.mark.parametrize("user", [b"abc", b"inf", b"nan", b"1e400", b"1.5.5", b"1,5"])
def test_a_float_answer_needs_a_finite_float(user: bytes) -> None:
    assert (
        wrong(b"1.5", user, "float_tolerance", "1e9") == HEADER.format(1, 1) + f"Expected float, got: {user.decode()}"
    )


def test_floats_pass_within_either_tolerance() -> None:
    assert accepted(b"100", b"109", "float_absolute_tolerance", "10", "float_relative_tolerance", "0.01")
    assert accepted(b"100", b"101", "float_absolute_tolerance", "0.1", "float_relative_tolerance", "0.01")
    assert not accepted(b"100", b"110.5", "float_absolute_tolerance", "10", "float_relative_tolerance", "0.1")


# --- big outputs: compared in chunks of tokens, walked only where they differ -----------------------------------

TOKENS = 3 * 4096 + 100


def numbers(count: int, newline: bytes = b"\n", *, replace: int = -1) -> bytes:
    """The numbers up to ``count``, five to a line, with an "x" in place of number ``replace``."""
    words = [b"x" if n == replace else b"%d" % n for n in range(count)]
    return b"".join(b" ".join(words[start : start + 5]) + newline for start in range(0, count, 5))


@pytest.mark.parametrize("at", [0, 4095, 4096, 4097, 8191, 8192, 8193, TOKENS - 1])
def test_a_difference_anywhere_in_a_big_output_is_found_on_its_line(at: int) -> None:
    line = at // 5 + 1
    assert wrong(numbers(TOKENS), numbers(TOKENS, b"\r\n", replace=at)) == (
        HEADER.format(line, line) + f'String tokens mismatch\nJudge: "{at}"\nUser: "x"'
    )


def test_a_big_output_cut_short_or_too_long() -> None:
    judge = numbers(TOKENS)
    assert wrong(judge, numbers(TOKENS - 1, b"\r\n")).endswith(f"(Next judge token: {TOKENS - 1})")
    assert wrong(judge, numbers(TOKENS + 1, b" \n")).endswith(f"Trailing output:\n{TOKENS}")
    assert accepted(judge, numbers(TOKENS, b"\t"))


def test_a_big_space_sensitive_output_with_case_changes_in_every_chunk() -> None:
    judge = b"".join(b"ok%d\n" % n for n in range(TOKENS))
    user = judge.upper()
    assert accepted(judge, user, "space_change_sensitive")
    last = judge.rfind(b"ok")
    assert wrong(judge, user[:-1], "space_change_sensitive") == (
        HEADER.format(TOKENS, TOKENS) + "Space change error: got -1 expected 10"
    )
    assert wrong(judge, user[:last] + b"KO" + user[last + 2 :], "space_change_sensitive").startswith(
        HEADER.format(TOKENS, TOKENS) + "String tokens mismatch"
    )


# --- properties -------------------------------------------------------------------------------------------------

tolerances = st.none() | st.sampled_from([-1.0, 0.0, 1e-9, 1e-6, 0.5, 100.0])
any_flags = st.builds(CheckerFlags, st.booleans(), st.booleans(), tolerances, tolerances)
token_bytes = st.sampled_from(sorted(set(range(256)) - set(WHITESPACE)))
tokens = st.lists(token_bytes | st.sampled_from(b"aAbB019.-eEx"), min_size=1, max_size=6).map(bytes)
spaces = st.lists(st.sampled_from(WHITESPACE), min_size=1, max_size=3).map(bytes)


def join(words: list[bytes], gaps: list[bytes]) -> bytes:
    """``gaps[0] + words[0] + gaps[1] + ... + words[-1] + gaps[-1]``."""
    return gaps[0] + b"".join(word + gap for word, gap in zip(words, gaps[1:], strict=True))


@st.composite
def gaps_for(draw: st.DrawFn, words: list[bytes]) -> list[bytes]:
    """Whitespace to put around words: any at the edges, at least one byte between two words."""
    edges = st.just(b"") | spaces
    if not words:
        return [draw(edges)]
    return [draw(edges), *(draw(spaces) for _ in words[1:]), draw(edges)]


@st.composite
def spaced(draw: st.DrawFn, words: list[bytes]) -> bytes:
    """The words with any non-empty whitespace between them and any whitespace around them."""
    return join(words, draw(gaps_for(words)))


@st.composite
def similar_outputs(draw: st.DrawFn) -> tuple[bytes, bytes]:
    """A judge's answer and an output with the same tokens, some of them changed, cut or added."""
    words = draw(st.lists(tokens, max_size=8))
    changed = [draw(st.sampled_from([word, word, word.swapcase()]) | tokens) for word in words]
    if draw(st.booleans()):
        changed = changed[: draw(st.integers(0, len(changed)))] + draw(st.lists(tokens, max_size=1))
    gaps = draw(gaps_for(words))
    same_gaps = len(changed) == len(words) and draw(st.booleans())
    return join(words, gaps), join(changed, gaps) if same_gaps else draw(spaced(changed))


@given(st.binary(max_size=200), any_flags)
def test_identical_outputs_are_always_accepted(output: bytes, flags: CheckerFlags) -> None:
    assert check(output, output, flags) == CheckResult(accepted=True)


@given(similar_outputs(), st.booleans(), st.booleans())
def test_without_tolerances_the_checker_compares_tokens_or_bytes(
    pair: tuple[bytes, bytes], case_sensitive: bool, space_change_sensitive: bool
) -> None:
    judge, user = pair
    fold = (lambda data: data) if case_sensitive else bytes.lower
    same = fold(judge) == fold(user) if space_change_sensitive else fold(judge).split() == fold(user).split()
    result = check(judge, user, CheckerFlags(case_sensitive, space_change_sensitive))
    assert result.accepted is same
    assert (result.message == "") is same


@given(similar_outputs(), any_flags, st.data())
def test_changing_whitespace_never_changes_the_verdict_when_spaces_do_not_count(
    pair: tuple[bytes, bytes], flags: CheckerFlags, data: st.DataObject
) -> None:
    flags = CheckerFlags(flags.case_sensitive, False, flags.float_absolute_tolerance, flags.float_relative_tolerance)
    judge, user = pair
    respaced = data.draw(spaced(user.split()))
    assert check(judge, respaced, flags).accepted is check(judge, user, flags).accepted


@given(similar_outputs())
def test_an_accepted_output_stays_accepted_with_other_whitespace(pair: tuple[bytes, bytes]) -> None:
    judge, user = pair
    assume(check(judge, user, CheckerFlags()).accepted)
    for respaced in (user.replace(b" ", b"\r\n"), b"\n\n" + user + b" \t", b"\v".join(user.split())):
        assert check(judge, respaced, CheckerFlags()).accepted


finite = st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False)


@given(finite, st.floats(1e-6, 1e3), st.floats(-0.9, 0.9))
def test_a_number_within_the_absolute_tolerance_is_accepted(value: float, tolerance: float, share: float) -> None:
    answer = value + share * tolerance
    flags = CheckerFlags(float_absolute_tolerance=tolerance)
    assert check(repr(value).encode(), repr(answer).encode(), flags).accepted


@given(finite, st.floats(1e-6, 1e3), st.floats(1.1, 100), st.sampled_from([-1, 1]))
def test_a_number_clearly_outside_the_absolute_tolerance_is_rejected(
    value: float, tolerance: float, share: float, sign: int
) -> None:
    answer = value + sign * share * tolerance
    flags = CheckerFlags(float_absolute_tolerance=tolerance)
    result = check(repr(value).encode(), repr(answer).encode(), flags)
    assert not result.accepted
    assert "Too large difference." in result.message


nonzero = finite.filter(lambda value: abs(value) >= 1e-3)


@given(nonzero, st.floats(1e-9, 0.5), st.floats(-0.9, 0.9))
def test_a_number_within_the_relative_tolerance_is_accepted(value: float, tolerance: float, share: float) -> None:
    answer = value * (1 + share * tolerance)
    flags = CheckerFlags(float_relative_tolerance=tolerance)
    assert check(repr(value).encode(), repr(answer).encode(), flags).accepted


@given(nonzero, st.floats(1e-9, 0.5), st.floats(1.1, 1.9), st.sampled_from([-1, 1]))
def test_a_number_clearly_outside_the_relative_tolerance_is_rejected(
    value: float, tolerance: float, share: float, sign: int
) -> None:
    answer = value * (1 + sign * share * tolerance)
    flags = CheckerFlags(float_relative_tolerance=tolerance)
    assert not check(repr(value).encode(), repr(answer).encode(), flags).accepted


@given(finite, finite, tolerances, tolerances)
def test_a_number_passes_exactly_when_within_either_tolerance(
    value: float, answer: float, absolute: float | None, relative: float | None
) -> None:
    flags = CheckerFlags(float_absolute_tolerance=absolute, float_relative_tolerance=relative)
    assume(flags.uses_floats)
    error = abs(value - answer)
    within = error <= flags.absolute_tolerance or error <= flags.relative_tolerance * abs(value)
    assert check(repr(value).encode(), repr(answer).encode(), flags).accepted is within


letters = st.text(st.sampled_from("abcxyzABCXYZ"), min_size=1, max_size=8).map(str.encode)


@given(st.lists(letters, min_size=1, max_size=6), st.booleans(), st.booleans())
def test_case_changes_are_accepted_unless_case_sensitive(
    words: list[bytes], case_sensitive: bool, space_change_sensitive: bool
) -> None:
    judge = b" ".join(words) + b"\n"
    flags = CheckerFlags(case_sensitive, space_change_sensitive)
    assert check(judge, judge.swapcase(), flags).accepted is not case_sensitive
