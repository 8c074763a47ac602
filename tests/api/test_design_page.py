"""GET /v1/problems/{slug} of a design problem: the class with its types, and LeetCode's stub for a class."""

from __future__ import annotations

from pathlib import Path

import pytest

from judged.harness import registry
from judged.harness.design_stubs import design_stub
from tests.api.conftest import Client
from tests.bundled import BUNDLED, copy_bundled
from tests.kinds import design_problem


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """The index holds the Min Stack design problem and one function problem."""
    return copy_bundled(tmp_path / "problems", ("min-stack", "balance-point"))


@pytest.mark.parametrize("language", registry.languages_for("design"))
async def test_a_design_problem_page_has_its_class_and_leetcodes_class_stub(client: Client, language: str) -> None:
    response = await client.get("/v1/problems/min-stack", params={"language": language})
    assert response.status == 200, await response.text()
    body = await response.json()
    assert body["signature"] is None
    assert body["design"] == {
        "class": "MinStack",
        "constructor": [],
        "methods": [
            {"name": "push", "params": [{"name": "val", "type": "int"}], "returns": "void"},
            {"name": "pop", "params": [], "returns": "void"},
            {"name": "top", "params": [], "returns": "int"},
            {"name": "getMin", "params": [], "returns": "int"},
        ],
    }
    assert body["stub"] == design_stub(design_problem(BUNDLED / "min-stack").design, language)
    assert body["samples"][0]["input"]["operations"][0] == "MinStack"


async def test_a_design_problem_page_in_a_language_without_a_design_harness_is_a_400(client: Client) -> None:
    # Every language judged has today has a design harness; one without (here an unknown id) is refused alike.
    without = [language for language in registry.LANGUAGE_IDS if language not in registry.languages_for("design")]
    language = (without or ["cobol"])[0]
    response = await client.get("/v1/problems/min-stack", params={"language": language})
    assert response.status == 400
    message = (await response.json())["error"]["message"]
    assert f"unknown language {language!r} for this problem: one of {', '.join(registry.languages_for('design'))}" in (
        message
    )


async def test_a_function_problem_page_has_no_design(client: Client) -> None:
    body = await (await client.get("/v1/problems/balance-point")).json()
    assert body["design"] is None
    assert body["signature"]["name"] == "balancePoint"


def test_the_stubs_are_leetcodes_text_for_a_class() -> None:
    design = design_problem(BUNDLED / "lru-cache").design
    assert design_stub(design, "python").startswith(
        "class LRUCache:\n\n    def __init__(self, capacity: int):\n        \n\n"
        "    def get(self, key: int) -> int:\n        \n\n    def put(self, key: int, value: int) -> None:\n"
    )
    assert "# Your LRUCache object will be instantiated and called as such:\n# obj = LRUCache(capacity)\n" in (
        design_stub(design, "python")
    )
    c = design_stub(design, "c")
    assert "LRUCache* lRUCacheCreate(int capacity) {" in c
    assert "int lRUCacheGet(LRUCache* obj, int key) {" in c
    assert "void lRUCachePut(LRUCache* obj, int key, int value) {" in c
    assert "void lRUCacheFree(LRUCache* obj) {" in c
    assert " * Your LRUCache struct will be instantiated and called as such:" in c
    go = design_stub(design, "go")
    assert "func Constructor(capacity int) LRUCache {" in go
    assert "func (this *LRUCache) Get(key int) int {" in go
    assert "func (this *LRUCache) Put(key int, value int) {" in go  # gofmt's one space, as the function stubs
    rust = design_stub(design, "rust")
    assert "    fn new(capacity: i32) -> Self {" in rust
    assert "    fn get(&self, key: i32) -> i32 {" in rust
    js = design_stub(design, "javascript")
    assert "var LRUCache = function(capacity) {" in js
    assert "LRUCache.prototype.put = function(key, value) {" in js
    assert "    public LRUCache(int capacity) {" in design_stub(design, "java")
    assert "    LRUCache(int capacity) {" in design_stub(design, "cpp")
    assert " * LRUCache* obj = new LRUCache(capacity);" in design_stub(design, "cpp")
    ts = design_stub(design, "typescript")
    assert ts.startswith("class LRUCache {\n    constructor(capacity: number) {\n        \n    }\n\n")
    assert "    put(key: number, value: number): void {" in ts
    ruby = design_stub(design, "ruby")
    assert ruby.startswith(
        "class LRUCache\n\n=begin\n    :type capacity: Integer\n=end\n    def initialize(capacity)\n"
    )
    assert "=begin\n    :type key: Integer\n    :rtype: Integer\n=end\n    def get(key)\n" in ruby
    assert "# obj = LRUCache.new(capacity)\n# param_1 = obj.get(key)\n" in ruby
    php = design_stub(design, "php")
    assert php.startswith("class LRUCache {\n    /**\n     * @param Integer $capacity\n     */\n")
    assert "    function __construct($capacity) {" in php
    assert "     * @return NULL\n     */\n    function put($key, $value) {" in php
    assert " * $ret_1 = $obj->get($key);" in php
    assert "    def get_min()" in design_stub(design_problem(BUNDLED / "min-stack").design, "ruby")
    racket = design_stub(design, "racket")
    assert racket.startswith("(define lru-cache%\n  (class object%\n    (super-new)\n    \n")
    assert "    (init-field\n      capacity)\n" in racket
    assert "    ; put : exact-integer? exact-integer? -> void?\n    (define/public (put key value)\n      )))" in racket
    assert ";; (define obj (new lru-cache% [capacity capacity]))\n;; (define param_1 (send obj get key))" in racket
    kotlin = design_stub(design, "kotlin")
    assert kotlin.startswith("class LRUCache(capacity: Int) {\n\n    fun get(key: Int): Int {")
    assert "    fun put(key: Int, value: Int) {" in kotlin
    assert " * var obj = LRUCache(capacity)" in kotlin
    scala = design_stub(design, "scala")
    assert scala.startswith("class LRUCache(_capacity: Int) {\n\n    def get(key: Int): Int = {")
    assert "    def put(key: Int, value: Int): Unit = {" in scala
    assert " * val obj = new LRUCache(capacity)" in scala
    assert "    fun push(`val`: Int) {" in design_stub(design_problem(BUNDLED / "min-stack").design, "kotlin")
    csharp = design_stub(design, "csharp")
    assert csharp.startswith("public class LRUCache {\n\n    public LRUCache(int capacity) {\n        \n    }\n")
    assert "    public void Put(int key, int value) {" in csharp
    assert " * LRUCache obj = new LRUCache(capacity);\n * int param_1 = obj.Get(key);\n * obj.Put(key,value);" in csharp
    erlang = design_stub(design, "erlang")
    assert erlang.startswith(
        "-spec lru_cache_init_(Capacity :: integer()) -> any().\nlru_cache_init_(Capacity) ->\n  .\n\n"
        "-spec lru_cache_get(Key :: integer()) -> integer().\nlru_cache_get(Key) ->\n  .\n\n"
    )
    assert "%% Param_1 = lru_cache_get(Key),\n%% lru_cache_put(Key, Value),\n\n%% lru_cache_init_ will" in erlang
    min_stack = design_problem(BUNDLED / "min-stack").design
    assert "-spec min_stack_get_min() -> integer()." in design_stub(min_stack, "erlang")
    elixir = design_stub(design, "elixir")
    assert elixir.startswith(
        "defmodule LRUCache do\n  @spec init_(capacity :: integer) :: any\n  def init_(capacity) do\n    \n  end\n\n"
    )
    assert "  @spec put(key :: integer, value :: integer) :: any\n  def put(key, value) do\n" in elixir
    assert "# LRUCache.init_(capacity)\n# param_1 = LRUCache.get(key)\n# LRUCache.put(key, value)\n\n" in elixir
