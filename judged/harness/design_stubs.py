"""Design problems' stubs: LeetCode's own text for a class in each language.

The class (C: a `typedef struct` with `<prefix>Create` / `<prefix>Free` and
one function per method; Go: a struct with `Constructor` and methods on
`*T`; JavaScript: a constructor function and `prototype` methods; Rust: a
struct with `new` and methods on `&self`) with empty bodies, then LeetCode's
"Your X object will be instantiated and called as such" comment.
"""

from __future__ import annotations

from collections.abc import Callable

from judged.harness import registry
from judged.harness.design import Design
from judged.harness.design_erlang import INIT, function, prefix
from judged.harness.design_racket import class_name as racket_class_name
from judged.harness.lang_csharp import pascal_case, spell_return
from judged.harness.lang_erlang import variable
from judged.harness.lang_racket import kebab_case
from judged.harness.names import snake_case
from judged.harness.typenames import type_name
from judged.harness.types import VOID, Param, Type


def design_stub(design: Design, language_id: str) -> str:
    """The stub for `design` in `language_id`; `ValueError` for a language with no design harness."""
    render = _RENDERERS.get(language_id)
    if render is None:
        raise ValueError(f"no stub for language {language_id!r} (known: {', '.join(_RENDERERS)})")
    return "\n".join(render(design))


def c_prefix(class_name: str) -> str:
    """C's function prefix, LeetCode's: the class name with its first letter lowered (`LRUCache` -> `lRUCache`)."""
    return class_name[0].lower() + class_name[1:]


def c_function(class_name: str, method: str) -> str:
    """C's function for a method: `lRUCacheGet`, `minStackGetMin`."""
    return c_prefix(class_name) + method[0].upper() + method[1:]


def go_method(method: str) -> str:
    """Go's exported method name: `getMin` -> `GetMin`."""
    return method[0].upper() + method[1:]


def _names(params: tuple[Param, ...]) -> str:
    return ", ".join(param.name for param in params)


def _python(design: Design) -> list[str]:
    def signature(name: str, params: tuple[Param, ...], returns: Type | None) -> str:
        typed = "".join(f", {p.name}: {type_name(p.type, 'python')}" for p in params)
        arrow = "" if returns is None else f" -> {type_name(returns, 'python')}"
        return f"    def {name}(self{typed}){arrow}:"

    lines = [f"class {design.class_name}:", "", signature("__init__", design.constructor, None), "        ", ""]
    for method in design.methods:
        lines += [signature(method.name, method.params, method.returns), "        ", ""]
    usage = [f"# obj = {design.class_name}({_names(design.constructor)})"]
    for index, method in enumerate(design.methods, 1):
        call = f"obj.{method.name}({','.join(p.name for p in method.params)})"
        usage.append(f"# {call}" if method.returns == VOID else f"# param_{index} = {call}")
    return [*lines, "", f"# Your {design.class_name} object will be instantiated and called as such:", *usage]


def _cpp(design: Design) -> list[str]:
    def params(given: tuple[Param, ...]) -> str:
        return ", ".join(f"{type_name(p.type, 'cpp')}{'&' * p.type.is_array} {p.name}" for p in given)

    lines = [
        "class " + design.class_name + " {",
        "public:",
        f"    {design.class_name}({params(design.constructor)}) {{",
    ]
    lines += ["        ", "    }"]
    for method in design.methods:
        lines += [
            "    ",
            f"    {type_name(method.returns, 'cpp')} {method.name}({params(method.params)}) {{",
            "        ",
            "    }",
        ]
    lines.append("};")
    usage = [f" * {design.class_name}* obj = new {design.class_name}({_names(design.constructor)});"]
    for index, method in enumerate(design.methods, 1):
        call = f"obj->{method.name}({','.join(p.name for p in method.params)});"
        usage.append(
            f" * {call}" if method.returns == VOID else f" * {type_name(method.returns, 'cpp')} param_{index} = {call}"
        )
    return [*lines, "", *_usage_comment(design, usage)]


def _java(design: Design) -> list[str]:
    def params(given: tuple[Param, ...]) -> str:
        return ", ".join(f"{type_name(p.type, 'java')} {p.name}" for p in given)

    lines = [f"class {design.class_name} {{", "", f"    public {design.class_name}({params(design.constructor)}) {{"]
    lines += ["        ", "    }"]
    for method in design.methods:
        head = f"    public {type_name(method.returns, 'java')} {method.name}({params(method.params)}) {{"
        lines += ["    ", head, "        ", "    }"]
    lines.append("}")
    usage = [f" * {design.class_name} obj = new {design.class_name}({_names(design.constructor)});"]
    for index, method in enumerate(design.methods, 1):
        call = f"obj.{method.name}({','.join(p.name for p in method.params)});"
        usage.append(
            f" * {call}" if method.returns == VOID else f" * {type_name(method.returns, 'java')} param_{index} = {call}"
        )
    return [*lines, "", *_usage_comment(design, usage)]


def _c_params(params: tuple[Param, ...]) -> list[str]:
    texts = []
    for param in params:
        texts.append(f"{type_name(param.type, 'c')} {param.name}")
        if param.type.depth >= 1:
            texts.append(f"int {param.name}Size")
        if param.type.depth == 2:
            texts.append(f"int* {param.name}ColSize")
    return texts


def c_result_params(returns: Type) -> list[str]:
    """What a C method returning an array takes to say its size (LeetCode's `retSize`, `retColSize`)."""
    if returns.depth == 1:
        return ["int* retSize"]
    if returns.depth == 2:
        return ["int* retSize", "int** retColSize"]
    return []


def _c(design: Design) -> list[str]:
    name = design.class_name
    prefix = c_prefix(name)
    lines = ["typedef struct {", "    ", f"}} {name};", "", ""]
    lines += [f"{name}* {prefix}Create({', '.join(_c_params(design.constructor))}) {{", "    ", "}", ""]
    for method in design.methods:
        params = [f"{name}* obj", *_c_params(method.params), *c_result_params(method.returns)]
        lines += [
            f"{type_name(method.returns, 'c')} {c_function(name, method.name)}({', '.join(params)}) {{",
            "    ",
            "}",
        ]
        lines.append("")
    lines += [f"void {prefix}Free({name}* obj) {{", "    ", "}", ""]
    usage = [f" * {name}* obj = {prefix}Create({_names(design.constructor)});"]
    for index, method in enumerate(design.methods, 1):
        args = ", ".join(["obj", *(p.name for p in method.params)])
        call = f"{c_function(name, method.name)}({args});"
        usage.append(
            f" * {call}" if method.returns == VOID else f" * {type_name(method.returns, 'c')} param_{index} = {call}"
        )
        usage.append(" ")
    usage.append(f" * {prefix}Free(obj);")
    return [*lines, "/**", f" * Your {name} struct will be instantiated and called as such:", *usage, "*/"]


def _javascript(design: Design) -> list[str]:
    def docs(params: tuple[Param, ...], returns: Type | None) -> list[str]:
        lines = [f" * @param {{{type_name(p.type, 'javascript')}}} {p.name}" for p in params]
        if returns is not None:
            lines.append(f" * @return {{{type_name(returns, 'javascript')}}}")
        return lines

    name = design.class_name
    lines = ["/**", *docs(design.constructor, None), " */", f"var {name} = function({_names(design.constructor)}) {{"]
    lines += ["    ", "};", ""]
    for method in design.methods:
        lines += ["/** ", *docs(method.params, method.returns), " */"]
        lines += [f"{name}.prototype.{method.name} = function({_names(method.params)}) {{", "    ", "};", ""]
    usage = [f" * var obj = new {name}({_names(design.constructor)})"]
    for index, method in enumerate(design.methods, 1):
        call = f"obj.{method.name}({','.join(p.name for p in method.params)})"
        usage.append(f" * {call}" if method.returns == VOID else f" * var param_{index} = {call}")
    return [*lines, "/** ", f" * Your {name} object will be instantiated and called as such:", *usage, " */"]


def _go(design: Design) -> list[str]:
    def params(given: tuple[Param, ...]) -> str:
        return ", ".join(f"{p.name} {type_name(p.type, 'go')}" for p in given)

    name = design.class_name
    lines = [f"type {name} struct {{", "    ", "}", "", ""]
    lines += [f"func Constructor({params(design.constructor)}) {name} {{", "    ", "}", "", ""]
    for method in design.methods:
        returns = " " if method.returns == VOID else f" {type_name(method.returns, 'go')} "
        lines += [f"func (this *{name}) {go_method(method.name)}({params(method.params)}){returns}{{", "    ", "}"]
        lines += ["", ""]
    usage = [f" * obj := Constructor({_names(design.constructor)});"]
    for index, method in enumerate(design.methods, 1):
        call = f"obj.{go_method(method.name)}({','.join(p.name for p in method.params)});"
        usage.append(f" * {call}" if method.returns == VOID else f" * param_{index} := {call}")
    return [*lines, "/**", f" * Your {name} object will be instantiated and called as such:", *usage, " */"]


def _rust(design: Design) -> list[str]:
    def params(given: tuple[Param, ...]) -> list[str]:
        return [f"{snake_case(p.name)}: {type_name(p.type, 'rust')}" for p in given]

    name = design.class_name
    lines = [f"struct {name} {{", "", "}", "", ""]
    lines += ["/** ", " * `&self` means the method takes an immutable reference.", " * If you need a mutable"
              " reference, change it to `&mut self` instead.", " */"]  # fmt: skip
    lines += [
        f"impl {name} {{",
        "",
        f"    fn new({', '.join(params(design.constructor))}) -> Self {{",
        "        ",
        "    }",
    ]
    for method in design.methods:
        returns = "" if method.returns == VOID else f" -> {type_name(method.returns, 'rust')}"
        head = f"    fn {snake_case(method.name)}({', '.join(['&self', *params(method.params)])}){returns} {{"
        lines += ["    ", head, "        ", "    }"]
    lines.append("}")
    usage = [f" * let obj = {name}::new({', '.join(snake_case(p.name) for p in design.constructor)});"]
    for index, method in enumerate(design.methods, 1):
        call = f"obj.{snake_case(method.name)}({', '.join(snake_case(p.name) for p in method.params)});"
        typed = f" * let ret_{index}: {type_name(method.returns, 'rust')} = {call}"
        usage.append(f" * {call}" if method.returns == VOID else typed)
    return [*lines, "", "/**", f" * Your {name} object will be instantiated and called as such:", *usage, " */"]


def _typescript(design: Design) -> list[str]:
    def params(given: tuple[Param, ...]) -> str:
        return ", ".join(f"{p.name}: {registry.type_name(p.type, 'typescript')}" for p in given)

    name = design.class_name
    lines = [f"class {name} {{", f"    constructor({params(design.constructor)}) {{", "        ", "    }"]
    for method in design.methods:
        returns = registry.type_name(method.returns, "typescript")
        lines += ["", f"    {method.name}({params(method.params)}): {returns} {{", "        ", "    }"]
    lines.append("}")
    usage = [f" * var obj = new {name}({_names(design.constructor)})"]
    for index, method in enumerate(design.methods, 1):
        call = f"obj.{method.name}({','.join(p.name for p in method.params)})"
        usage.append(f" * {call}" if method.returns == VOID else f" * var param_{index} = {call}")
    return [*lines, "", *_usage_comment(design, usage)]


def _ruby(design: Design) -> list[str]:
    def docs(params: tuple[Param, ...], returns: Type | None) -> list[str]:
        lines = [f"    :type {snake_case(p.name)}: {registry.type_name(p.type, 'ruby')}" for p in params]
        if returns is not None:
            lines.append(f"    :rtype: {registry.type_name(returns, 'ruby')}")
        return ["=begin", *lines, "=end"] if lines else []

    def names(params: tuple[Param, ...]) -> str:
        return ", ".join(snake_case(p.name) for p in params)

    name = design.class_name
    lines = [f"class {name}", "", *docs(design.constructor, None), f"    def initialize({names(design.constructor)})"]
    lines += ["        ", "    end", "", ""]
    for method in design.methods:
        lines += [*docs(method.params, method.returns), f"    def {snake_case(method.name)}({names(method.params)})"]
        lines += ["        ", "    end", "", ""]
    lines.append("end")
    usage = [f"# obj = {name}.new({names(design.constructor)})"]
    for index, method in enumerate(design.methods, 1):
        call = f"obj.{snake_case(method.name)}({names(method.params)})"
        usage.append(f"# {call}" if method.returns == VOID else f"# param_{index} = {call}")
    return [*lines, "", f"# Your {name} object will be instantiated and called as such:", *usage]


def _php(design: Design) -> list[str]:
    def docs(params: tuple[Param, ...], returns: Type | None) -> list[str]:
        lines = [f"     * @param {registry.type_name(p.type, 'php')} ${p.name}" for p in params]
        if returns is not None:
            lines.append(f"     * @return {registry.type_name(returns, 'php')}")
        return ["    /**", *lines, "     */"]

    def names(params: tuple[Param, ...]) -> str:
        return ", ".join(f"${p.name}" for p in params)

    name = design.class_name
    lines = [
        f"class {name} {{",
        *docs(design.constructor, None),
        f"    function __construct({names(design.constructor)}) {{",
    ]
    lines += ["        ", "    }"]
    for method in design.methods:
        lines += ["  ", *docs(method.params, method.returns), f"    function {method.name}({names(method.params)}) {{"]
        lines += ["        ", "    }"]
    lines.append("}")
    usage = [f" * $obj = {name}({names(design.constructor)});"]
    for index, method in enumerate(design.methods, 1):
        call = f"$obj->{method.name}({names(method.params)});"
        usage.append(f" * {call}" if method.returns == VOID else f" * $ret_{index} = {call}")
    return [*lines, "", *_usage_comment(design, usage)]


def _csharp(design: Design) -> list[str]:
    def params(given: tuple[Param, ...]) -> str:
        return ", ".join(f"{registry.type_name(p.type, 'csharp')} {p.name}" for p in given)

    def returns(method_returns: Type) -> str:
        return spell_return(method_returns)

    name = design.class_name
    lines = [f"public class {name} {{", "", f"    public {name}({params(design.constructor)}) {{", "        ", "    }"]
    for method in design.methods:
        head = f"    public {returns(method.returns)} {pascal_case(method.name)}({params(method.params)}) {{"
        lines += ["    ", head, "        ", "    }"]
    lines.append("}")
    usage = [f" * {name} obj = new {name}({_names(design.constructor)});"]
    for index, method in enumerate(design.methods, 1):
        call = f"obj.{pascal_case(method.name)}({','.join(p.name for p in method.params)});"
        usage.append(f" * {call}" if method.returns == VOID else f" * {returns(method.returns)} param_{index} = {call}")
    return [*lines, "", *_usage_comment(design, usage)]


def _racket(design: Design) -> list[str]:
    def contract(type_: Type) -> str:
        return registry.type_name(type_, "racket")

    name = racket_class_name(design)
    lines = [f"(define {name}", "  (class object%", "    (super-new)", "    "]
    if design.constructor:
        lines += [f"    ; {kebab_case(p.name)} : {contract(p.type)}" for p in design.constructor]
        lines += ["    (init-field", *(f"      {kebab_case(p.name)}" for p in design.constructor[:-1])]
        lines += [f"      {kebab_case(design.constructor[-1].name)})", "    "]
    for index, method in enumerate(design.methods):
        kinds = " ".join(contract(p.type) for p in method.params)
        arrow = f"{kinds} -> " if kinds else "-> "
        lines.append(f"    ; {kebab_case(method.name)} : {arrow}{contract(method.returns)}")
        head = " ".join([kebab_case(method.name), *(kebab_case(p.name) for p in method.params)])
        lines += [f"    (define/public ({head})", "      )" + ("))" if index == len(design.methods) - 1 else "")]
    fields = "".join(f" [{kebab_case(p.name)} {kebab_case(p.name)}]" for p in design.constructor)
    usage = [f";; Your {name} object will be instantiated and called as such:", f";; (define obj (new {name}{fields}))"]
    for index, method in enumerate(design.methods, 1):
        call = " ".join(["(send obj", kebab_case(method.name), *(kebab_case(p.name) for p in method.params)]) + ")"
        usage.append(f";; {call}" if method.returns == VOID else f";; (define param_{index} {call})")
    return [*lines, "", *usage]


def _backticked(name: str, language_id: str) -> str:
    """A Kotlin or Scala name as LeetCode writes a keyword there: in backticks (`` `val` ``)."""
    return f"`{name}`" if name in registry.support(language_id).reserved else name


def _jvm_params(given: tuple[Param, ...], language_id: str, prefix: str = "") -> str:
    """Kotlin's or Scala's typed parameter list, `name: Type`, each name after `prefix` (Scala's `_capacity`)."""
    typed = (f"{_backticked(prefix + p.name, language_id)}: {registry.type_name(p.type, language_id)}" for p in given)
    return ", ".join(typed)


def _jvm_usage(design: Design, language_id: str, bind: str, construct: str) -> list[str]:
    """LeetCode's "instantiated and called as such" comment for Kotlin (`var obj = X(...)`) and Scala
    (`val obj = new X(...)`)."""

    def names(given: tuple[Param, ...], separator: str) -> str:
        return separator.join(_backticked(p.name, language_id) for p in given)

    usage = [f" * {bind} obj = {construct}{design.class_name}({names(design.constructor, ', ')})"]
    for index, method in enumerate(design.methods, 1):
        call = f"obj.{method.name}({names(method.params, ',')})"
        usage.append(f" * {call}" if method.returns == VOID else f" * {bind} param_{index} = {call}")
    return _usage_comment(design, usage)


def _kotlin(design: Design) -> list[str]:
    lines = [f"class {design.class_name}({_jvm_params(design.constructor, 'kotlin')}) {{", ""]
    for method in design.methods:
        returns = "" if method.returns == VOID else f": {registry.type_name(method.returns, 'kotlin')}"
        lines += [f"    fun {method.name}({_jvm_params(method.params, 'kotlin')}){returns} {{", "        ", "    }", ""]
    return [*lines, "}", "", *_jvm_usage(design, "kotlin", "var", "")]


def _scala(design: Design) -> list[str]:
    lines = [f"class {design.class_name}({_jvm_params(design.constructor, 'scala', '_')}) {{", ""]
    for method in design.methods:
        returns = registry.type_name(method.returns, "scala")
        lines += [
            f"    def {method.name}({_jvm_params(method.params, 'scala')}): {returns} = {{",
            "        ",
            "    }",
            "",
        ]
    return [*lines, "}", "", *_jvm_usage(design, "scala", "val", "new ")]


def _erlang(design: Design) -> list[str]:
    def spec(name: str, params: tuple[Param, ...], returns: Type) -> list[str]:
        typed = ", ".join(f"{variable(p.name)} :: {registry.type_name(p.type, 'erlang')}" for p in params)
        head = f"{name}({', '.join(variable(p.name) for p in params)})"
        return [f"-spec {name}({typed}) -> {registry.type_name(returns, 'erlang')}.", f"{head} ->", "  .", ""]

    init = prefix(design) + INIT
    lines = spec(init, design.constructor, VOID)
    for method in design.methods:
        lines += spec(function(design, method.name), method.params, method.returns)
    usage = [f"%% {init}({', '.join(variable(p.name) for p in design.constructor)}),"]
    for index, method in enumerate(design.methods, 1):
        call = f"{function(design, method.name)}({', '.join(variable(p.name) for p in method.params)}),"
        usage.append(f"%% {call}" if method.returns == VOID else f"%% Param_{index} = {call}")
    return [
        *lines,
        "",
        "%% Your functions will be called as such:",
        *usage,
        "",
        f"%% {init} will be called before every test case, in which you can do some necessary initializations.",
    ]


def _elixir(design: Design) -> list[str]:
    def spec(name: str, params: tuple[Param, ...], returns: Type) -> list[str]:
        typed = ", ".join(f"{snake_case(p.name)} :: {registry.type_name(p.type, 'elixir')}" for p in params)
        head = f"{name}({', '.join(snake_case(p.name) for p in params)})"
        return [
            f"  @spec {name}({typed}) :: {registry.type_name(returns, 'elixir')}",
            f"  def {head} do",
            "    ",
            "  end",
        ]

    name = design.class_name
    lines = [f"defmodule {name} do", *spec(INIT, design.constructor, VOID)]
    for method in design.methods:
        lines += ["", *spec(snake_case(method.name), method.params, method.returns)]
    usage = [f"# {name}.{INIT}({', '.join(snake_case(p.name) for p in design.constructor)})"]
    for index, method in enumerate(design.methods, 1):
        call = f"{name}.{snake_case(method.name)}({', '.join(snake_case(p.name) for p in method.params)})"
        usage.append(f"# {call}" if method.returns == VOID else f"# param_{index} = {call}")
    return [
        *lines,
        "end",
        "",
        "# Your functions will be called as such:",
        *usage,
        "",
        f"# {name}.{INIT} will be called before every test case, in which you can do some necessary initializations.",
    ]


def _usage_comment(design: Design, usage: list[str]) -> list[str]:
    return ["/**", f" * Your {design.class_name} object will be instantiated and called as such:", *usage, " */"]


_RENDERERS: dict[str, Callable[[Design], list[str]]] = {
    "python": _python,
    "c": _c,
    "cpp": _cpp,
    "java": _java,
    "javascript": _javascript,
    "go": _go,
    "rust": _rust,
    "typescript": _typescript,
    "ruby": _ruby,
    "php": _php,
    "csharp": _csharp,
    "racket": _racket,
    "kotlin": _kotlin,
    "scala": _scala,
    "erlang": _erlang,
    "elixir": _elixir,
}
