"""The C JSON reader and writer (judged/harness/runtime/judged_json.h), through a small driver program.

The driver reads lines `<kind> <json>` and writes what the codec makes of
the value: `i` int, `l` long, `d` double, `b` bool, `c` char, `s` string,
and `x <hex>`, which writes the bytes the hex digits spell as a string (to
test escapes and invalid UTF-8). A line the codec cannot read ends the
driver with status 3, as in a harness.
"""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judged.harness.runtime_sources import read_runtime
from tests.harness.hostrun_native import Run, compile_program, run

DRIVER = r"""
static void judged_put_hex_bytes(judged_buffer *b, judged_reader *r) {
    char bytes[256];
    size_t n = 0;
    unsigned value;
    judged_peek(r);
    while (n < sizeof bytes && sscanf(r->p, "%2x", &value) == 1) {
        bytes[n++] = (char)value;
        r->p += 2;
    }
    judged_put_string(b, bytes, n);
}

int main(void) {
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    judged_buffer b = {0};
    while ((length = getline(&line, &capacity, stdin)) > 1) {
        judged_reader r;
        judged_reader_init(&r, line + 2, (size_t)length - 2);
        size_t size;
        char *text;
        b.length = 0;
        switch (line[0]) {
        case 'i': judged_put_int(&b, judged_read_int(&r)); break;
        case 'l': judged_put_long(&b, judged_read_long(&r)); break;
        case 'd': judged_put_double(&b, judged_read_double(&r)); break;
        case 'b': judged_put_bool(&b, judged_read_bool(&r)); break;
        case 'c': judged_put_char(&b, judged_read_char(&r)); break;
        case 's':
            text = judged_read_string(&r, &size);
            judged_put_string(&b, text, size);
            free(text);
            break;
        case 'x': judged_put_hex_bytes(&b, &r); break;
        default: return 2;
        }
        if (judged_peek(&r) != -1) judged_input_error(&r, "text after the value");
        judged_put_byte(&b, '\n');
        fwrite(b.data, 1, b.length, stdout);
    }
    return 0;
}
"""


@pytest.fixture(scope="module")
def driver() -> Path:
    source = read_runtime("judged_json.h") + DRIVER
    return compile_program("c", {"main.c": source}, flags=("-Wall", "-Wextra", "-Werror"))


def codec(driver: Path, *lines: str) -> Run:
    return run(driver, "".join(line + "\n" for line in lines).encode())


def outputs(driver: Path, *lines: str) -> list[str]:
    """What the codec writes for each line; every line must be readable."""
    done = codec(driver, *lines)
    assert done.status == 0, done.stderr
    return done.stdout.split("\n")[:-1]


def test_integers_are_exact_at_their_limits(driver: Path) -> None:
    lines = ("i 0", "i -0", "i 2147483647", "i -2147483648", "l 9223372036854775807", "l -9223372036854775808")
    assert outputs(driver, *lines, "l  -12 ") == [
        "0",
        "0",
        "2147483647",
        "-2147483648",
        "9223372036854775807",
        "-9223372036854775808",
        "-12",
    ]


@pytest.mark.parametrize(
    "line",
    ["i 2147483648", "i -2147483649", "l 9223372036854775808", "l -9223372036854775809", "l 99999999999999999999999"],
)
def test_an_integer_out_of_range_is_an_input_error(driver: Path, line: str) -> None:
    done = codec(driver, line)
    assert done.status == 3
    assert "out of range" in done.stderr


@pytest.mark.parametrize("line", ["i 1.5", "i 1e3", "i true", 'i "1"', "i -", "i", "l 0x10", "i 1 2"])
def test_an_integer_that_is_not_one_is_an_input_error(driver: Path, line: str) -> None:
    done = codec(driver, line)
    assert done.status == 3
    assert "judged harness: bad test line" in done.stderr


def test_doubles_read_back_the_same(driver: Path) -> None:
    lines = ["d 1e-300", "d 0.1", "d -0.0", "d 5e-324", "d 1.7976931348623157e308", "d 3", "d -2.5E+3", "d 1e21"]
    written = outputs(driver, *lines)
    assert [float(text) for text in written] == [1e-300, 0.1, -0.0, 5e-324, 1.7976931348623157e308, 3.0, -2500.0, 1e21]
    assert written[1] == "0.1"  # the short form, when it reads back the same
    assert written[2] == "-0.0"  # the sign survives, and it reads as a double
    assert written[5] == "3.0"


def test_non_finite_doubles_are_strings(driver: Path) -> None:
    assert outputs(driver, 'd "NaN"', 'd "Infinity"', 'd "-Infinity"', "d 1e999") == [
        '"NaN"',
        '"Infinity"',
        '"-Infinity"',
        '"Infinity"',
    ]


@pytest.mark.parametrize("line", ["d inf", "d nan", "d -inf", "d 0x1p3", "d .5", 'd "nan"', "d +1"])
def test_what_is_not_a_json_number_is_an_input_error(driver: Path, line: str) -> None:
    assert codec(driver, line).status == 3


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=50))
def test_every_double_reads_back_bit_for_bit(driver: Path, numbers: list[float]) -> None:
    written = outputs(driver, *(f"d {number!r}" for number in numbers))
    back = [float(text) for text in written]
    assert [struct.pack("<d", x) for x in back] == [struct.pack("<d", x) for x in numbers]


def test_string_escapes_are_read_and_written(driver: Path) -> None:
    text = 'q"b\\s/ \b\f\n\r\t \x01\x1f\x7f é 😀'
    line = json.dumps(text)  # \u escapes, a surrogate pair for the emoji
    [written] = outputs(driver, f"s {line}")
    assert json.loads(written) == text
    assert written == '"q\\"b\\\\s/ \\b\\f\\n\\r\\t \\u0001\\u001f\x7f é 😀"'


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(st.characters(blacklist_categories=["Cs"]), max_size=30), min_size=1, max_size=20))
def test_every_string_round_trips(driver: Path, texts: list[str]) -> None:
    lines = [f"s {json.dumps(text, ensure_ascii=index % 2 == 0)}" for index, text in enumerate(texts)]
    assert [json.loads(line) for line in outputs(driver, *lines)] == texts


def test_bytes_that_are_not_utf8_are_escaped(driver: Path) -> None:
    lines = ["x ff", "x c3a9", "x c3", "x 41e282ac42", "x eda080", "x f4908080", "x c0af"]
    assert [json.loads(text) for text in outputs(driver, *lines)] == [
        "\xff",
        "é",
        "\xc3",
        "A€B",
        "\xed\xa0\x80",  # an encoded surrogate is not UTF-8
        "\xf4\x90\x80\x80",  # beyond U+10FFFF
        "\xc0\xaf",  # overlong
    ]


@pytest.mark.parametrize("line", ['s "abc', 's "a\\x"', 's "\\u12"', 's "\\u12g4"', "s abc", 's "tab\there"'])
def test_a_broken_string_is_an_input_error(driver: Path, line: str) -> None:
    assert codec(driver, line).status == 3


def test_chars_and_bools(driver: Path) -> None:
    assert outputs(driver, 'c "a"', 'c "\\n"', 'c "\\""', "b true", "b false") == [
        '"a"',
        '"\\n"',
        '"\\""',
        "true",
        "false",
    ]
    assert codec(driver, 'c "ab"').status == 3
    assert codec(driver, 'c ""').status == 3
    assert codec(driver, "b 1").status == 3


def test_a_long_string_is_read_in_linear_time(driver: Path) -> None:
    text = "ab\\n" * 500_000
    [written] = outputs(driver, f's "{text}"')
    assert len(json.loads(written)) == 1_500_000


def test_nan_is_not_confused_with_a_number(driver: Path) -> None:
    assert math.isnan(float(json.loads(outputs(driver, 'd "NaN"')[0])))
