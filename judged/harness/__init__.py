"""Function problems: typed signatures, test values, stubs, and the per-language harnesses.

This package imports nothing of judged but the sandbox's types.
"""

from judged.harness.registry import LANGUAGE_IDS, UnknownLanguage, language_of_extension, stub, support, type_name
from judged.harness.support import LanguageSupport, Layout
from judged.harness.typenames import TYPE_NAMES, TypeNames
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
    "LanguageSupport",
    "Layout",
    "Param",
    "Signature",
    "SignatureError",
    "Type",
    "TypeNames",
    "UnknownLanguage",
    "canonical",
    "language_of_extension",
    "parse_signature",
    "parse_type",
    "stub",
    "support",
    "type_name",
    "validate",
    "validate_test",
]
