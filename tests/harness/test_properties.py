"""Properties of test values: every generated value validates, and canonical forms are stable."""

from __future__ import annotations

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from judged.harness.types import ALL_VALUE_TYPES, Signature, Type
from judged.harness.values import canonical, validate, validate_test
from tests.harness.strategies import lines_of, signatures, values_of


@pytest.mark.parametrize("type_", ALL_VALUE_TYPES, ids=str)
@given(data=st.data())
def test_generated_values_validate_and_canonical_is_idempotent(type_: Type, data: st.DataObject) -> None:
    value = data.draw(values_of(type_))
    validate(value, type_, "value")
    once = canonical(value, type_)
    validate(once, type_, "value")
    assert canonical(once, type_) == once


@pytest.mark.parametrize("type_", ALL_VALUE_TYPES, ids=str)
@given(data=st.data())
def test_canonical_values_survive_a_json_round_trip(type_: Type, data: st.DataObject) -> None:
    once = canonical(data.draw(values_of(type_)), type_)
    decoded = msgspec.json.decode(msgspec.json.encode(once))
    validate(decoded, type_, "value")
    assert canonical(decoded, type_) == once


@given(data=st.data(), signature=signatures())
def test_generated_tests_validate(data: st.DataObject, signature: Signature) -> None:
    test = data.draw(lines_of(signature))
    validate_test(msgspec.json.decode(msgspec.json.encode(test)), signature)
