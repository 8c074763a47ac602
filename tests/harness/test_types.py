"""Signatures: type strings and names a problem setter writes, accepted or refused with a clear reason."""

from __future__ import annotations

import msgspec
import pytest

from judged.harness.names import RESERVED, snake_case
from judged.harness.types import (
    ALL_VALUE_TYPES,
    VOID,
    Base,
    Param,
    Signature,
    SignatureError,
    Type,
    parse_signature,
    parse_type,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("int", Type(Base.INT)),
        ("long", Type(Base.LONG)),
        ("double", Type(Base.DOUBLE)),
        ("bool", Type(Base.BOOL)),
        ("string", Type(Base.STRING)),
        ("char", Type(Base.CHAR)),
        ("int[]", Type(Base.INT, 1)),
        ("string[][]", Type(Base.STRING, 2)),
        ("char[][]", Type(Base.CHAR, 2)),
        ("ListNode", Type(Base.LIST_NODE)),
        ("TreeNode", Type(Base.TREE_NODE)),
        ("Node", Type(Base.NODE)),
        ("void", VOID),
        ("  int[]  ", Type(Base.INT, 1)),
    ],
)
def test_parse_type_reads_every_form(text: str, expected: Type) -> None:
    assert parse_type(text) == expected


def test_every_value_type_prints_as_it_parses() -> None:
    assert len(ALL_VALUE_TYPES) == 21
    for type_ in ALL_VALUE_TYPES:
        assert parse_type(str(type_)) == type_


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "is not a type"),
        ("Int", "unknown type 'Int'"),
        ("integer", "unknown type 'integer'"),
        ("List<int>", "is not a type"),
        ("int[", "is not a type"),
        ("int []", "is not a type"),
        ("int[][][]", "at most 2 array dimensions"),
        ("ListNode[]", "can be array elements"),
        ("TreeNode[][]", "can be array elements"),
        ("void[]", "can be array elements"),
        ("NestedInteger", "NestedInteger comes as one list, NestedInteger[]"),
        ("NestedInteger[][]", "NestedInteger comes as one list, NestedInteger[]"),
    ],
)
def test_parse_type_names_the_bad_string(text: str, reason: str) -> None:
    with pytest.raises(SignatureError) as caught:
        parse_type(text)
    assert repr(text) in str(caught.value)
    assert reason in str(caught.value)


def test_signature_error_is_a_value_error() -> None:
    assert issubclass(SignatureError, ValueError)


def test_two_sum_signature() -> None:
    signature = parse_signature("twoSum", [("nums", "int[]"), ("target", "int")], "int[]")
    assert signature == Signature(
        "twoSum", (Param("nums", Type(Base.INT, 1)), Param("target", Type(Base.INT))), Type(Base.INT, 1)
    )
    assert not signature.in_place
    assert signature.result_type == Type(Base.INT, 1)
    assert not signature.uses(Base.TREE_NODE)


def test_void_signature_compares_the_first_parameter() -> None:
    signature = parse_signature("rotate", [("nums", "int[]"), ("k", "int")], "void")
    assert signature.in_place
    assert signature.result_type == Type(Base.INT, 1)
    flatten = parse_signature("flatten", [("root", "TreeNode")], "void")
    assert flatten.result_type == Type(Base.TREE_NODE)
    assert flatten.uses(Base.TREE_NODE)
    assert not flatten.uses(Base.LIST_NODE)


def test_a_bad_parameter_type_names_the_parameter() -> None:
    with pytest.raises(SignatureError, match=r"parameter 'nums': 'int\[' is not a type"):
        parse_signature("f", [("nums", "int[")], "int")
    with pytest.raises(SignatureError, match=r"return type: 'lon'"):
        parse_signature("f", [("nums", "int[]")], "lon")


@pytest.mark.parametrize(
    ("params", "returns", "reason"),
    [
        ([], "int", "has no parameters"),
        ([("x", "void")], "int", "void is only a return type"),
        ([("k", "int"), ("nums", "int[]")], "void", "must be an array, a ListNode or a TreeNode, not int"),
        ([("s", "string")], "void", "not string"),
        ([("nums", "int[]"), ("nums", "int")], "int", "both be called 'nums'"),
        ([("nums", "int[]"), ("numsSize", "int")], "int", "both be called 'numsSize'"),
        ([("grid", "int[][]"), ("gridColSize", "int")], "int", "both be called 'gridColSize'"),
        ([("aBC", "int"), ("aBc", "int")], "int", "both be called 'a_bc'"),
        ([("nestedList", "NestedInteger[]")], "NestedInteger[]", "NestedInteger\\[\\] is a parameter type only"),
        ([("nestedList", "NestedInteger[]")], "void", "must be an array, a ListNode or a TreeNode"),
    ],
)
def test_signature_shapes_that_cannot_work(params: list[tuple[str, str]], returns: str, reason: str) -> None:
    with pytest.raises(SignatureError, match=reason):
        parse_signature("solve", params, returns)


RESERVED_SOMEWHERE = [
    "class",  # Python, Java, C++, JavaScript
    "fn",  # Rust
    "type",  # Go, Rust, Python's soft keyword
    "func",  # Go
    "function",  # JavaScript
    "self",  # Python, Rust
    "len",  # Go and Python builtin
    "free",  # C's allocator
    "string",  # C++ with using namespace std; Go
    "returnSize",  # C's out-parameter
    "staticAssert",  # snake_case form is a C++ keyword
]


@pytest.mark.parametrize("name", ["Nums", "two_sum", "_x", "x$", "1x", "", "n" * 65])
def test_names_no_language_can_use_are_refused(name: str) -> None:
    with pytest.raises(SignatureError, match="parameter"):
        parse_signature("solve", [(name, "int")], "int")
    with pytest.raises(SignatureError, match="function"):
        parse_signature(name, [("x", "int")], "int")


@pytest.mark.parametrize("name", RESERVED_SOMEWHERE)
def test_a_reserved_function_name_is_refused_and_a_reserved_parameter_name_is_accepted(name: str) -> None:
    # The harness calls the function by its name in every language; a parameter is renamed where it is
    # reserved (judged.harness.registry.stub), so the problem is still usable.
    with pytest.raises(SignatureError, match="function"):
        parse_signature(name, [("x", "int")], "int")
    assert parse_signature("solve", [(name, "int")], "int").params[0].name == name


def test_reserved_words_cover_each_language() -> None:
    assert {"lambda", "synchronized", "typeof", "nullptr", "fallthrough", "impl", "restrict"} <= RESERVED


@pytest.mark.parametrize(
    ("name", "snake"),
    [
        ("twoSum", "two_sum"),
        ("sortedListToBST", "sorted_list_to_bst"),
        ("lengthOfLIS", "length_of_lis"),
        ("parseHTMLBody", "parse_html_body"),
        ("l1", "l1"),
        ("maxArea2D", "max_area2_d"),
        ("nums", "nums"),
    ],
)
def test_snake_case_follows_leetcode(name: str, snake: str) -> None:
    assert snake_case(name) == snake


def test_decoding_a_signature_checks_it_too() -> None:
    good = {
        "name": "twoSum",
        "params": [{"name": "nums", "type": {"base": "int", "depth": 1}}],
        "returns": {"base": "int"},
    }
    assert msgspec.convert(good, Signature).params[0].type == Type(Base.INT, 1)
    with pytest.raises(msgspec.ValidationError, match="reserved"):
        msgspec.convert({**good, "name": "class"}, Signature)
    with pytest.raises(msgspec.ValidationError, match="array elements"):
        msgspec.convert({"base": "TreeNode", "depth": 1}, Type)
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"base": "int", "depth": 3}, Type)


def test_a_nested_integer_list_is_a_parameter_type() -> None:
    signature = parse_signature("depthSum", [("nestedList", "NestedInteger[]")], "int")
    assert signature.params[0].type == Type(Base.NESTED_INTEGER, 1)
    assert str(signature.params[0].type) == "NestedInteger[]"
    assert signature.uses(Base.NESTED_INTEGER)


def test_element_of_a_scalar_is_an_error() -> None:
    assert Type(Base.INT, 2).element == Type(Base.INT, 1)
    with pytest.raises(SignatureError, match="not an array"):
        _ = Type(Base.INT).element
