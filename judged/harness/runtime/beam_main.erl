%% The BEAM harness: the judged_main module that runs a user's Erlang or Elixir solution on the judge's tests.
%%
%% judged.harness.lang_erlang and lang_elixir copy this text into judged_main.erl and append one clause,
%% `signature() -> {erlang, solution, two_sum, [{int, 1}, {int, 0}], {int, 1}}.` (the flavour, the user's
%% module, the function, each parameter's base and depth, the return type). The compile step builds it
%% beside the user's module; the run calls start/0. It speaks docs/harness-protocol.md: a JSON array of
%% arguments per line on stdin, one {"v": ..., "t": ...} or {"e": ..., "t": ...} line per test on fd 3.
%% OTP 25 has no JSON module: the reader and writer are below.
%%
%% Values are LeetCode's for each flavour: integers, floats, true/false, strings as UTF-8 binaries
%% (unicode:unicode_binary(), String.t), a char as its code point (char()), arrays as lists; a ListNode is
%% the record #list_node{val, next} (a tuple) in Erlang and %ListNode{val, next} (a struct) in Elixir, a
%% TreeNode #tree_node{val, left, right} or %TreeNode{val, left, right}, null `null` or `nil`. A result of
%% the wrong type is written as null, which no valid expected value equals; so is an integer outside 64
%% bits. A string result may also be a charlist (chardata), a char result a one-character string.

-export([start/0]).

-define(EXIT_USER_ERROR, 1).
-define(EXIT_BAD_TEST, 3).
-define(LONG_MIN, -16#8000000000000000).
-define(LONG_MAX, 16#7FFFFFFFFFFFFFFF).
-define(MAX_NODES, 1000000). % a ListNode or TreeNode result with more nodes than this has a cycle
-define(SHOWN_FRAMES, 50). % the innermost frames of a user's stack shown on stderr

start() ->
    mark_cases(),
    ok = io:setopts(standard_io, [binary]),
    {ok, Results} = file:open("/proc/self/fd/3", [write, raw, binary]),
    Encoding = proplists:get_value(encoding, io:getopts(standard_io)),
    Result = case signature() of
        {design, Flavour, Module, Class, Constructor, Methods} ->
            Design = {Class, Constructor, Methods},
            run(Flavour, Module, Constructor, Results, Encoding,
                fun(Text) -> design_test(Flavour, Module, Design, Results, Text) end);
        {Flavour, Module, Function, Params, Returns} ->
            run(Flavour, Module, {Function, Params}, Results, Encoding,
                fun(Text) -> test(Flavour, {Module, Function}, Params, Returns, Results, Text) end)
    end,
    erlang:halt(Result, [{flush, true}]).

%% The user's module loaded, then each test line given to Test; a module that will not load is the user's error,
%% shown as the call of its first function that cannot be made.
run(Flavour, Module, {Function, Params}, Results, Encoding, Test) ->
    case code:ensure_loaded(Module) of
        {module, Module} -> loop(Test, Encoding, 1);
        {error, _} -> report(Flavour, error, undef, [{Module, Function, length(Params), []}], 0.0, Results)
    end.

%% Run mode's per-run boundary between two tests' prints (docs/harness-protocol.md): kept where the user's code
%% cannot erase it (not the process dictionary) and taken out of the environment before that code loads.
mark_cases() ->
    case os:getenv("JUDGED_CASE_MARK") of
        false -> ok;
        Mark ->
            persistent_term:put({?MODULE, case_mark}, unicode:characters_to_binary(Mark)),
            os:unsetenv("JUDGED_CASE_MARK")
    end.

%% Run mode: the marker where the next test's prints begin, written through the same I/O server as the user's
%% prints (io requests are synchronous), so it falls exactly between two tests' prints. Nothing when judging.
mark_case() ->
    case persistent_term:get({?MODULE, case_mark}, none) of
        none -> ok;
        Mark -> io:put_chars(standard_io, Mark)
    end.

%% Erlang's standard_io reads bytes as latin1 (OTP 25 with -noshell), Elixir's as UTF-8; either way get_line
%% gives UTF-8, so a latin1 device's line is turned back into the bytes that came (the JSON's own UTF-8).
loop(Test, Encoding, Number) ->
    case io:get_line(standard_io, "") of
        eof -> 0;
        {error, _} -> 0;
        Line ->
            case string:trim(bytes(Line, Encoding)) of
                <<>> -> loop(Test, Encoding, Number);
                Text ->
                    case Test(Text) of
                        ok -> loop(Test, Encoding, Number + 1);
                        {bad_test, Why} ->
                            io:format(standard_error, "judged harness: cannot decode test ~b: ~ts~n", [Number, Why]),
                            ?EXIT_BAD_TEST;
                        {exit, Status} -> Status
                    end
            end
    end.

bytes(Line, latin1) -> unicode:characters_to_binary(Line, unicode, latin1);
bytes(Line, _) -> Line.

test(Flavour, {Module, Function}, Params, Returns, Results, Text) ->
    case decode_test(Flavour, Text, Params) of
        {bad_test, _} = Bad -> Bad;
        {ok, Args} ->
            mark_case(),
            Start = cpu_millis(),
            Outcome = try {returned, apply(Module, Function, Args)}
                      catch Kind:Why:Where -> {raised, Kind, Why, Where}
                      end,
            Seconds = seconds_since(Start),
            case Outcome of
                {raised, Class, Reason, Stack} ->
                    {exit, report(Flavour, Class, Reason, Stack, Seconds, Results)};
                {returned, Value} ->
                    case catch_encode(Flavour, Value, Returns) of
                        {cycle, Message} ->
                            write(Results, [<<"{\"e\":">>, string_json(Message), <<",\"t\":">>, number(Seconds), <<"}\n">>]),
                            {exit, ?EXIT_USER_ERROR};
                        Json ->
                            write(Results, [<<"{\"v\":">>, Json, <<",\"t\":">>, number(Seconds), <<"}\n">>]),
                            ok
                    end
            end
    end.

%% Design problems (judged.harness.design_erlang, design_elixir): LeetCode's functions over state the solution
%% keeps itself (the process dictionary, ETS, a registered process or Agent). The clause is
%% `signature() -> {design, Flavour, Module, <<"LRUCache">>, {lru_cache_init_, [{int, 0}]},
%% [{<<"get">>, lru_cache_get, [{int, 0}], {int, 0}}, {<<"put">>, lru_cache_put, [...], void}]}.`
%% One test a line, [OPERATIONS, ARGUMENTS]; one {"v": [RETURNS], "t": SECONDS} line per test.
%%
%% LeetCode calls the init function before every test case and no state may leak from one case into the next:
%% each test runs in a process of its own, which ends by an exit signal to whatever it linked (an Agent from
%% start_link), and the processes it started that hold a registered name or an ETS table are then killed too,
%% so its dictionary, its ETS tables (named ones included) and its registered names are gone before the next
%% test's init function runs.

design_test(Flavour, Module, Design, Results, Text) ->
    case decode_design(Flavour, Text, Design) of
        {bad_test, _} = Bad -> Bad;
        {ok, Calls} ->
            mark_case(),
            Start = cpu_millis(),
            Outcome = run_case(Flavour, Module, Calls),
            Seconds = seconds_since(Start),
            case Outcome of
                {returned, Returns} ->
                    write(Results, [<<"{\"v\":[null">>, [[$,, R] || R <- Returns], <<"],\"t\":">>, number(Seconds),
                                    <<"}\n">>]),
                    ok;
                {raised, Class, Reason, Stack} -> {exit, report(Flavour, Class, Reason, Stack, Seconds, Results)}
            end
    end.

decode_design(Flavour, Text, {Class, {Init, CtorParams}, Methods}) ->
    try json(Text) of
        [[Class | Operations], [CtorArgs | Arguments]] when length(Operations) =:= length(Arguments) ->
            try
                Calls = [design_call(Flavour, Operation, Args, Methods) || {Operation, Args} <- lists:zip(Operations, Arguments)],
                {ok, [{Init, decode_arguments(Flavour, CtorArgs, CtorParams), void} | Calls]}
            catch
                throw:{bad_test, Why} -> {bad_test, Why};
                Kind:Reason -> {bad_test, io_lib:format("~w: ~tP", [Kind, Reason, 8])}
            end;
        _ -> {bad_test, io_lib:format("expected [operations, arguments] of one length, ~ts first", [Class])}
    catch
        throw:{bad_json, Why} -> {bad_test, ["not JSON: ", Why]};
        error:_ -> {bad_test, <<"not JSON">>}
    end.

design_call(Flavour, Operation, Args, Methods) ->
    case lists:keyfind(Operation, 1, Methods) of
        {Operation, Function, Params, Returns} -> {Function, decode_arguments(Flavour, Args, Params), Returns};
        false -> bad("a method", Operation)
    end.

decode_arguments(Flavour, Args, Params) when is_list(Args), length(Args) =:= length(Params) ->
    [decode(Flavour, Value, Type) || {Value, Type} <- lists:zip(Args, Params)];
decode_arguments(_, Args, Params) ->
    bad(io_lib:format("~b arguments", [length(Params)]), Args).

%% One test's calls in a process of their own; the results come back as its exit reason, which also ends
%% whatever it linked. What it left behind under a name (a registered process, the owner of an ETS table it
%% started) is killed before the next test. erlang:processes() would find unnamed ones too, but it walks the
%% whole process table (milliseconds a call); an unnamed process holds no state the next test can reach.
run_case(Flavour, Module, Calls) ->
    {Names, Tables} = {registered(), ets:all()},
    {Pid, Ref} = spawn_monitor(fun() -> exit({?MODULE, case_outcome(Flavour, Module, Calls)}) end),
    Outcome = receive
        {'DOWN', Ref, process, Pid, {?MODULE, Done}} -> Done;
        {'DOWN', Ref, process, Pid, Reason} -> {raised, exit, Reason, []}
    end,
    Named = [whereis(Name) || Name <- registered() -- Names] ++ [ets:info(T, owner) || T <- ets:all() -- Tables],
    end_processes([P || P <- lists:usort(Named), is_pid(P), descends(P, Pid)]),
    Outcome.

case_outcome(Flavour, Module, Calls) ->
    try {returned, [case_call(Flavour, Module, Call) || Call <- Calls]} of
        {returned, [_Init | Returns]} -> {returned, Returns}
    catch Class:Reason:Stack -> {raised, Class, Reason, Stack}
    end.

case_call(_, Module, {Function, Args, void}) ->
    apply(Module, Function, Args),
    <<"null">>;
case_call(Flavour, Module, {Function, Args, Returns}) ->
    case catch_encode(Flavour, apply(Module, Function, Args), Returns) of
        {cycle, _} -> <<"null">>; % a design problem's values are scalars and arrays: no node to cycle
        Json -> Json
    end.

%% Whether the test's process started P, directly or through processes it started (a system server the test's
%% code had started lazily, a supervisor's child, is left alone).
descends(P, Ancestor) ->
    case parent(P) of
        Ancestor -> true;
        undefined -> false;
        Parent -> descends(Parent, Ancestor)
    end.

parent(Pid) ->
    case erlang:process_info(Pid, parent) of
        {parent, Parent} -> Parent;
        undefined -> undefined
    end.

%% Killed and waited for: a dead process's ETS tables and registered name are gone once its 'DOWN' arrives.
end_processes(Pids) ->
    Refs = [{erlang:monitor(process, P), P} || P <- Pids],
    [exit(P, kill) || {_, P} <- Refs],
    [receive {'DOWN', Ref, process, _, _} -> ok end || {Ref, _} <- Refs],
    ok.

%% The BEAM's CPU clock (all its threads) counts whole milliseconds: a call's time is that, not the wall's,
%% which a loaded machine stretches.
cpu_millis() ->
    {Millis, _} = erlang:statistics(runtime),
    Millis.

seconds_since(Start) ->
    (cpu_millis() - Start) / 1000.

write(Results, Data) ->
    ok = file:write(Results, Data).

%% Errors: the first line for the judge, the user's frames on stderr.

report(Flavour, Class, Reason, Stack, Seconds, Results) ->
    Message = message(Flavour, Class, Reason, Stack),
    write(Results, [<<"{\"e\":">>, string_json(Message), <<",\"t\":">>, number(Seconds), <<"}\n">>]),
    Shown = lists:sublist(user_frames(Stack), ?SHOWN_FRAMES),
    io:format(standard_error, "~ts~n~ts", [Message, [["    ", frame(Frame), "\n"] || Frame <- Shown]]),
    ?EXIT_USER_ERROR.

message(elixir, Class, Reason, Stack) ->
    Banner = 'Elixir.Exception':format_banner(Class, Reason, Stack),
    unicode:characters_to_binary(string:trim(hd(string:split(Banner, "\n")), leading, "* "));
message(erlang, Class, Reason, Stack) ->
    Text = erl_error:format_exception(Class, Reason, user_frames(Stack), #{column => 1}),
    unicode:characters_to_binary(string:trim(hd(string:split(Text, "\n")))).

%% The frames from the user's call inward: those before the harness's own (its callers, the boot, follow).
user_frames(Stack) ->
    lists:takewhile(fun({Module, _, _, _}) -> Module =/= ?MODULE end, Stack).

frame({Module, Function, Arity, Location}) ->
    Arguments = if is_list(Arity) -> length(Arity); true -> Arity end,
    Where = case {proplists:get_value(file, Location), proplists:get_value(line, Location)} of
        {undefined, _} -> "";
        {File, undefined} -> io_lib:format(" (~ts)", [File]);
        {File, Line} -> io_lib:format(" (~ts:~b)", [File, Line])
    end,
    io_lib:format("~tw:~tw/~b~ts", [Module, Function, Arguments, Where]).

%% Reading JSON (RFC 8259), into the terms the tests need: integers, floats, binaries, true/false/null,
%% lists; an object becomes a map.

json(Text) ->
    {Value, Rest} = value(skip(Text)),
    case skip(Rest) of
        <<>> -> Value;
        _ -> throw({bad_json, <<"text after the value">>})
    end.

skip(<<C, Rest/binary>>) when C =:= $\s; C =:= $\t; C =:= $\n; C =:= $\r -> skip(Rest);
skip(Text) -> Text.

value(<<"[", Rest/binary>>) -> array(skip(Rest), []);
value(<<"{", Rest/binary>>) -> object(skip(Rest), #{});
value(<<"\"", Rest/binary>>) -> string(Rest, []);
value(<<"true", Rest/binary>>) -> {true, Rest};
value(<<"false", Rest/binary>>) -> {false, Rest};
value(<<"null", Rest/binary>>) -> {null, Rest};
value(<<C, _/binary>> = Text) when C =:= $-; C >= $0, C =< $9 -> json_number(Text);
value(_) -> throw({bad_json, <<"expected a value">>}).

array(<<"]", Rest/binary>>, []) -> {[], Rest};
array(Text, Items) ->
    {Item, Rest} = value(Text),
    case skip(Rest) of
        <<",", More/binary>> -> array(skip(More), [Item | Items]);
        <<"]", More/binary>> -> {lists:reverse([Item | Items]), More};
        _ -> throw({bad_json, <<"expected , or ]">>})
    end.

object(<<"}", Rest/binary>>, Map) when map_size(Map) =:= 0 -> {Map, Rest};
object(<<"\"", Text/binary>>, Map) ->
    {Key, Rest} = string(Text, []),
    case skip(Rest) of
        <<":", More/binary>> ->
            {Item, After} = value(skip(More)),
            case skip(After) of
                <<",", Next/binary>> -> object(skip(Next), Map#{Key => Item});
                <<"}", Next/binary>> -> {Map#{Key => Item}, Next};
                _ -> throw({bad_json, <<"expected , or }">>})
            end;
        _ -> throw({bad_json, <<"expected :">>})
    end;
object(_, _) -> throw({bad_json, <<"expected a key">>}).

%% A string's plain runs are taken whole (binary:match), escapes one by one.
string(Text, Parts) ->
    case binary:match(Text, [<<"\"">>, <<"\\">>]) of
        nomatch -> throw({bad_json, <<"an unterminated string">>});
        {At, 1} ->
            <<Plain:At/binary, Mark, Rest/binary>> = Text,
            case Mark of
                $" -> {iolist_to_binary(lists:reverse([Plain | Parts])), Rest};
                $\\ -> escape(Rest, [Plain | Parts])
            end
    end.

escape(<<"u", A, B, C, D, Rest/binary>>, Parts) ->
    Unit = list_to_integer([A, B, C, D], 16),
    case {Unit, Rest} of
        {High, <<"\\u", E, F, G, H, More/binary>>} when High >= 16#D800, High =< 16#DBFF ->
            Low = list_to_integer([E, F, G, H], 16),
            Point = 16#10000 + ((High - 16#D800) bsl 10) + (Low - 16#DC00),
            string(More, [<<Point/utf8>> | Parts]);
        _ -> string(Rest, [<<Unit/utf8>> | Parts])
    end;
escape(<<C, Rest/binary>>, Parts) ->
    Char = case C of
        $" -> $"; $\\ -> $\\; $/ -> $/; $b -> $\b; $f -> $\f; $n -> $\n; $r -> $\r; $t -> $\t;
        _ -> throw({bad_json, <<"a bad escape">>})
    end,
    string(Rest, [<<Char>> | Parts]).

json_number(Text) ->
    {Token, Rest} = number_token(Text, 0),
    Float = binary:match(Token, [<<".">>, <<"e">>, <<"E">>]) =/= nomatch,
    Value = case Float of
        false -> binary_to_integer(Token);
        true -> binary_to_float(float_text(Token))
    end,
    {Value, Rest}.

number_token(Text, Length) ->
    case Text of
        <<_:Length/binary, C, _/binary>> when C >= $0, C =< $9; C =:= $-; C =:= $+; C =:= $.; C =:= $e; C =:= $E ->
            number_token(Text, Length + 1);
        <<Token:Length/binary, Rest/binary>> -> {Token, Rest}
    end.

%% binary_to_float wants digits on both sides of the point: 1e5 -> 1.0e5, 2.5 stays.
float_text(Token) ->
    [Mantissa | Exponent] = re:split(Token, "[eE]", [{return, binary}]),
    Whole = case binary:match(Mantissa, <<".">>) of
        nomatch -> <<Mantissa/binary, ".0">>;
        _ -> Mantissa
    end,
    case Exponent of
        [] -> Whole;
        [Power] -> <<Whole/binary, "e", Power/binary>>
    end.

%% Decoding the judge's arguments into the flavour's terms.

decode_test(Flavour, Text, Params) ->
    try json(Text) of
        Values when is_list(Values), length(Values) =:= length(Params) ->
            try {ok, [decode(Flavour, Value, Type) || {Value, Type} <- lists:zip(Values, Params)]}
            catch
                throw:{bad_test, Why} -> {bad_test, Why};
                Class:Reason -> {bad_test, io_lib:format("~w: ~tP", [Class, Reason, 8])}
            end;
        _ -> {bad_test, io_lib:format("expected an array of ~b arguments", [length(Params)])}
    catch
        throw:{bad_json, Why} -> {bad_test, ["not JSON: ", Why]};
        error:_ -> {bad_test, <<"not JSON">>}
    end.

bad(What, Value) ->
    throw({bad_test, io_lib:format("expected ~ts, got ~tP", [What, Value, 6])}).

decode(Flavour, Value, {Base, Depth}) when Depth > 0 ->
    is_list(Value) orelse bad("an array", Value),
    [decode(Flavour, Item, {Base, Depth - 1}) || Item <- Value];
decode(_, Value, {int, 0}) ->
    is_integer(Value) andalso Value >= -16#80000000 andalso Value =< 16#7FFFFFFF orelse bad("an integer (32-bit)", Value),
    Value;
decode(_, Value, {long, 0}) ->
    is_integer(Value) andalso Value >= ?LONG_MIN andalso Value =< ?LONG_MAX orelse bad("an integer (64-bit)", Value),
    Value;
decode(_, Value, {double, 0}) ->
    is_number(Value) orelse bad("a number", Value),
    float(Value);
decode(_, Value, {bool, 0}) ->
    is_boolean(Value) orelse bad("a bool", Value),
    Value;
decode(_, Value, {string, 0}) ->
    is_binary(Value) orelse bad("a string", Value),
    Value;
decode(_, Value, {char, 0}) ->
    case is_binary(Value) andalso string:length(Value) =:= 1 of
        true -> hd(unicode:characters_to_list(Value));
        false -> bad("a one-character string", Value)
    end;
decode(Flavour, Value, {list_node, 0}) ->
    is_list(Value) orelse bad("an array of int", Value),
    [decode(Flavour, Item, {int, 0}) || Item <- Value],
    lists:foldr(fun(Item, Next) -> list_node(Flavour, Item, Next) end, null(Flavour), Value);
decode(Flavour, Value, {tree_node, 0}) ->
    is_list(Value) orelse bad("a level-order array", Value),
    [decode(Flavour, Item, {int, 0}) || Item <- Value, Item =/= null],
    tree(Flavour, Value).

null(erlang) -> null;
null(elixir) -> nil.

list_node(erlang, Val, Next) -> {list_node, Val, Next};
list_node(elixir, Val, Next) -> #{'__struct__' => 'Elixir.ListNode', val => Val, next => Next}.

tree_node(erlang, Val, Left, Right) -> {tree_node, Val, Left, Right};
tree_node(elixir, Val, Left, Right) -> #{'__struct__' => 'Elixir.TreeNode', val => Val, left => Left, right => Right}.

%% A level-order array to a tree of immutable nodes: each value's children are the next unclaimed slots
%% (two per present node, in order); the tree is then built bottom-up from those child indices.
tree(Flavour, []) -> null(Flavour);
tree(Flavour, [null | _]) -> null(Flavour);
tree(Flavour, Values) ->
    Slots = list_to_tuple(Values),
    Count = tuple_size(Slots),
    Children = children(Slots, Count, 1, 2, #{}),
    build_tree(Flavour, Slots, Children, Count).

%% For each present slot (1-based) in order, the slots of its two children; a present slot no parent claims
%% (the slots from `Next` on, once the parents are used up) is not a tree.
children(Slots, Count, Index, Next, Children) when Index < Next, Next =< Count ->
    case element(Index, Slots) of
        null -> children(Slots, Count, Index + 1, Next, Children);
        _ -> children(Slots, Count, Index + 1, Next + 2, Children#{Index => {Next, Next + 1}})
    end;
children(Slots, Count, _, Next, Children) ->
    case [I || I <- lists:seq(min(Next, Count + 1), Count), element(I, Slots) =/= null] of
        [] -> Children;
        [Orphan | _] -> throw({bad_test, io_lib:format("tree node ~b has no parent", [Orphan - 1])})
    end.

%% Nodes are made from the last slot to the first, so each node's children exist before it.
build_tree(Flavour, Slots, Children, Count) ->
    Made = lists:foldl(
        fun(Index, Made) ->
            case element(Index, Slots) of
                null -> Made;
                Val ->
                    {L, R} = maps:get(Index, Children, {0, 0}),
                    Made#{Index => tree_node(Flavour, Val, made(Flavour, L, Made), made(Flavour, R, Made))}
            end
        end, #{}, lists:seq(Count, 1, -1)),
    maps:get(1, Made).

made(Flavour, Index, Made) -> maps:get(Index, Made, null(Flavour)).

%% Encoding results: the JSON text, or `null` for a value not of the type.

catch_encode(Flavour, Value, Type) ->
    try encode(Flavour, Value, Type)
    catch
        throw:mismatch -> <<"null">>;
        throw:{cycle, Message} -> {cycle, Message}
    end.

mismatch() -> throw(mismatch).

encode(Flavour, Value, {Base, Depth}) when Depth > 0 ->
    is_list(Value) orelse mismatch(),
    [$[, lists:join($,, [encode(Flavour, Item, {Base, Depth - 1}) || Item <- Value]), $]];
encode(_, Value, {Int, 0}) when Int =:= int; Int =:= long -> integer(Value);
encode(_, Value, {double, 0}) ->
    is_number(Value) orelse mismatch(),
    number(float(Value));
encode(_, true, {bool, 0}) -> <<"true">>;
encode(_, false, {bool, 0}) -> <<"false">>;
encode(_, _, {bool, 0}) -> mismatch();
encode(_, Value, {string, 0}) -> string_json(text(Value));
encode(_, Value, {char, 0}) when is_integer(Value) -> string_json(text([Value]));
encode(_, Value, {char, 0}) ->
    Text = text(Value),
    string:length(Text) =:= 1 orelse mismatch(),
    string_json(Text);
encode(Flavour, Value, {list_node, 0}) -> [$[, lists:join($,, list_values(Flavour, Value, 0, [])), $]];
encode(Flavour, Value, {tree_node, 0}) -> [$[, lists:join($,, tree_values(Flavour, Value)), $]].

integer(Value) when is_integer(Value), Value >= ?LONG_MIN, Value =< ?LONG_MAX -> integer_to_binary(Value);
integer(_) -> mismatch().

number(Float) -> float_to_binary(Float, [short]).

%% A string as UTF-8: a binary, or chardata (a charlist) that is valid Unicode.
text(Value) when is_binary(Value) ->
    case unicode:characters_to_binary(Value) of
        Value -> Value;
        _ -> mismatch()
    end;
text(Value) when is_list(Value) ->
    try unicode:characters_to_binary(Value) of
        Binary when is_binary(Binary) -> Binary;
        _ -> mismatch()
    catch error:_ -> mismatch()
    end;
text(_) -> mismatch().

string_json(Text) -> [$", escaped(Text, 0, Text, []), $"].

%% The plain runs of a UTF-8 binary are copied whole; `"`, `\` and control characters escaped.
escaped(Text, At, <<C, Rest/binary>>, Parts) when C < 16#20; C =:= $"; C =:= $\\ ->
    <<Plain:At/binary, _/binary>> = Text,
    Escape = case C of
        $" -> <<"\\\"">>; $\\ -> <<"\\\\">>; $\n -> <<"\\n">>; $\r -> <<"\\r">>; $\t -> <<"\\t">>;
        $\b -> <<"\\b">>; $\f -> <<"\\f">>;
        _ -> iolist_to_binary(io_lib:format("\\u~4.16.0b", [C]))
    end,
    escaped(Rest, 0, Rest, [Escape, Plain | Parts]);
escaped(Text, At, <<_, Rest/binary>>, Parts) -> escaped(Text, At + 1, Rest, Parts);
escaped(Text, _, <<>>, Parts) -> lists:reverse([Text | Parts]).

list_values(Flavour, Node, Count, Values) ->
    case node_fields(Flavour, Node, list_node) of
        null -> lists:reverse(Values);
        [Val, Next] ->
            Count < ?MAX_NODES orelse throw({cycle, <<"ListNode has a cycle">>}),
            list_values(Flavour, Next, Count + 1, [integer(Val) | Values])
    end.

%% Level order with a queue; trailing nulls dropped.
tree_values(Flavour, Root) ->
    Items = tree_walk(Flavour, queue:from_list([Root]), 0, []),
    lists:reverse(lists:dropwhile(fun(Item) -> Item =:= <<"null">> end, Items)).

tree_walk(Flavour, Queue, Count, Items) ->
    case queue:out(Queue) of
        {empty, _} -> Items;
        {{value, Node}, Rest} ->
            case node_fields(Flavour, Node, tree_node) of
                null -> tree_walk(Flavour, Rest, Count, [<<"null">> | Items]);
                [Val, Left, Right] ->
                    Count < ?MAX_NODES orelse throw({cycle, <<"TreeNode has a cycle">>}),
                    tree_walk(Flavour, queue:in(Right, queue:in(Left, Rest)), Count + 1, [integer(Val) | Items])
            end
    end.

%% A node's fields, `null` for the flavour's null; anything else is not a node of the type.
node_fields(erlang, null, _) -> null;
node_fields(erlang, {list_node, Val, Next}, list_node) -> [Val, Next];
node_fields(erlang, {tree_node, Val, Left, Right}, tree_node) -> [Val, Left, Right];
node_fields(elixir, nil, _) -> null;
node_fields(elixir, #{'__struct__' := 'Elixir.ListNode', val := Val, next := Next}, list_node) -> [Val, Next];
node_fields(elixir, #{'__struct__' := 'Elixir.TreeNode', val := Val, left := Left, right := Right}, tree_node) ->
    [Val, Left, Right];
node_fields(_, _, _) -> mismatch().
