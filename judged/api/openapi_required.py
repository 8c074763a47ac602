"""Which fields a response always carries, said in the OpenAPI document.

msgspec writes a Struct's schema as the decoder sees it: a field with a default is not `required`, since a
request may leave it out. A response is the other way round: a Struct encodes every field unless it is
`omit_defaults` (then a default-valued field is left out). So the schemas that only responses use list
every field as required, and a generated client (web/src/wire.ts) types `TestResult.sample` as a boolean
that is there, not one that may be missing; in an omit_defaults one a field defaulting to None may be
missing but is never null. Schemas a request body reaches keep msgspec's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import msgspec

__all__ = ["require_sent_fields"]

_REF = "#/components/schemas/"
_NESTED = ("type", "item_type", "key_type", "value_type")
_NESTED_MANY = ("types", "item_types")


def _structs(types: Iterable[type]) -> dict[str, type]:
    """Every Struct that `types` are or hold, by the name msgspec gives its schema."""
    found: dict[str, type] = {}

    def walk(info: object) -> None:
        if not isinstance(info, msgspec.inspect.Type):
            return
        if isinstance(info, msgspec.inspect.StructType):
            if info.cls.__name__ in found:
                return
            found[info.cls.__name__] = info.cls
            for field in info.fields:
                walk(field.type)
        for name in _NESTED:
            walk(getattr(info, name, None))
        for name in _NESTED_MANY:
            for item in getattr(info, name, ()):
                walk(item)

    for info in msgspec.inspect.multi_type_info(tuple(types)):
        walk(info)
    return found


def _refs(value: object) -> Iterator[str]:
    """The schema names `value` (any part of the document) refers to."""
    if isinstance(value, dict):
        ref = value.get("$ref")
        if isinstance(ref, str) and ref.startswith(_REF):
            yield ref.removeprefix(_REF)
        for item in value.values():
            yield from _refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from _refs(item)


def _request_schemas(paths: Mapping[str, Mapping[str, Any]], schemas: Mapping[str, object]) -> set[str]:
    """The schemas a request body reaches, directly or through other schemas."""
    todo = [
        name for item in paths.values() for operation in item.values() for name in _refs(operation.get("requestBody"))
    ]
    found: set[str] = set()
    while todo:
        name = todo.pop()
        if name not in found:
            found.add(name)
            todo.extend(_refs(schemas.get(name)))
    return found


def _never_null(schema: dict[str, Any]) -> dict[str, Any]:
    """An omit_defaults field that defaults to None is left out, never sent as null: its schema without null."""
    if "default" not in schema or schema["default"] is not None or "anyOf" not in schema:
        return schema
    kept = [branch for branch in schema["anyOf"] if branch != {"type": "null"}]
    rest = {key: value for key, value in schema.items() if key not in ("anyOf", "default")}
    return {**rest, **kept[0]} if len(kept) == 1 else {**rest, "anyOf": kept}


def _as_sent(schema: dict[str, Any], omit_defaults: bool) -> dict[str, Any]:
    if omit_defaults:
        return {**schema, "properties": {key: _never_null(value) for key, value in schema["properties"].items()}}
    return {**schema, "required": list(schema["properties"])}


def require_sent_fields(
    paths: Mapping[str, Mapping[str, Any]], schemas: dict[str, Any], types: Iterable[type]
) -> dict[str, Any]:
    """`schemas` as responses are sent, in those of the Structs no request body reaches: every property
    required where the Struct encodes every field; no null where an omit_defaults Struct leaves None out."""
    requests = _request_schemas(paths, schemas)
    changed = dict(schemas)
    for name, cls in _structs(types).items():
        schema = schemas.get(name)
        if name not in requests and isinstance(schema, dict) and "properties" in schema:
            changed[name] = _as_sent(schema, cls.__struct_config__.omit_defaults)  # type: ignore[attr-defined]
    return changed
