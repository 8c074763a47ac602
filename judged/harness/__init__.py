"""Function problems: typed signatures, test values, stubs, and the per-language harnesses.

This package imports nothing of judged but the sandbox's types.
"""

from judged.harness.stubs import stub
from judged.harness.typenames import LANGUAGE_IDS, TYPE_NAMES, TypeNames, type_name
from judged.harness.types import (
    ALL_VALUE_TYPES,
    Base,
    Param,
    Signature,
    SignatureError,
    Type,
    parse_signature,
    parse_type,
)
from judged.harness.values import InvalidValue, canonical, validate, validate_test

__all__ = [
    "ALL_VALUE_TYPES",
    "LANGUAGE_IDS",
    "TYPE_NAMES",
    "Base",
    "InvalidValue",
    "Param",
    "Signature",
    "SignatureError",
    "Type",
    "TypeNames",
    "canonical",
    "parse_signature",
    "parse_type",
    "stub",
    "type_name",
    "validate",
    "validate_test",
]
