#!/usr/bin/escript
%% -*- erlang -*-
%% Erlang's compile step (languages/erlang.toml): `escript erlang_compile.erl SRC OUT`, in the sandbox.
%%
%% A function problem's sources are judged_main.erl (the harness) and solution.erl (the user's module,
%% judged.harness.lang_erlang): both are compiled into OUT, and the run starts judged_main:start/0.
%% An I/O program is written into both files (the two texts are equal): it is compiled under its own
%% `-module` name (any name, as Kattis takes it), or as `main` when it has none (an escript: its `#!` and
%% `%%!` lines blanked), and a judged_main is made whose start/0 calls the program's start/0 (Kattis's
%% `erl -run Module`), else main/0, else main/1 with no arguments (an escript's), then halts. Every function
%% is exported (export_all), so neither form needs an -export line. Messages name the file as the user
%% knows it: solution.erl, main.erl.

-mode(compile).

-define(OPTIONS, [report_errors, report_warnings, export_all, nowarn_export_all, nowarn_unused_record,
                  no_error_module_mismatch, return_errors]).

main([Src, Out]) ->
    ok = file:set_cwd(Src),
    {ok, Harness} = file:read_file("judged_main.erl"),
    {ok, Solution} = file:read_file("solution.erl"),
    Status = case Harness =:= Solution of
        false -> compile_function(Out);
        true -> compile_program(Solution, Out)
    end,
    halt(Status).

compile_function(Out) ->
    case compile_file("solution.erl", Out) of
        0 -> compile_file("judged_main.erl", Out);
        Failed -> Failed
    end.

compile_file(File, Out) ->
    case compile:file(File, [{outdir, Out} | ?OPTIONS]) of
        {ok, _} -> 0;
        {ok, _, _} -> 0;
        _ -> 1
    end.

%% An I/O program: its module from the text, compiled in OUT from a file of the module's name.
compile_program(Text, Out) ->
    ok = file:set_cwd(Out),
    {Module, Program} = case re:run(Text, "^\\s*-module\\s*\\(\\s*'?([^)']+)'?\\s*\\)", [multiline, {capture, [1], binary}]) of
        {match, [Name]} -> {binary_to_atom(Name, utf8), Text};
        nomatch -> {main, [<<"-module(main). ">>, escript_lines(Text)]}
    end,
    Source = atom_to_list(Module) ++ ".erl",
    ok = file:write_file(Source, Program),
    Result = case compile_file(Source, Out) of
        0 -> launcher(Module, Out);
        Failed -> Failed
    end,
    file:delete(Source),
    Result.

%% An escript's first lines (`#!...`, `%%! flags`) are not Erlang: blanked, so line numbers stay.
escript_lines(Text) ->
    Lines = binary:split(Text, <<"\n">>, [global]),
    {Head, Tail} = lists:split(min(3, length(Lines)), Lines),
    Blank = fun(<<"#!", _/binary>>) -> <<"%">>; (<<"%%!", _/binary>>) -> <<"%">>; (Line) -> Line end,
    lists:join(<<"\n">>, [Blank(Line) || Line <- Head] ++ Tail).

launcher(Module, Out) ->
    Text = io_lib:format(
        "-module(judged_main).~n-export([start/0]).~n"
        "start() ->~n"
        "    Status = try run(~w) of _ -> 0~n"
        "             catch Class:Reason:Stack ->~n"
        "                 io:format(standard_error, \"~~ts~~n\", [erl_error:format_exception(Class, Reason, Stack)]), 1~n"
        "             end,~n"
        "    erlang:halt(Status, [{flush, true}]).~n"
        "run(M) ->~n"
        "    {module, M} = code:ensure_loaded(M),~n"
        "    case {erlang:function_exported(M, start, 0), erlang:function_exported(M, main, 0)} of~n"
        "        {true, _} -> M:start();~n"
        "        {_, true} -> M:main();~n"
        "        _ -> M:main([])~n"
        "    end.~n", [Module]),
    {ok, Tokens, _} = erl_scan:string(lists:flatten(Text)),
    Forms = split_forms(Tokens, [], []),
    {ok, judged_main, Binary} = compile:forms(Forms, []),
    ok = file:write_file(filename:join(Out, "judged_main.beam"), Binary),
    0.

split_forms([], [], Forms) -> lists:reverse(Forms);
split_forms([{dot, _} = Dot | Rest], Form, Forms) ->
    {ok, Parsed} = erl_parse:parse_form(lists:reverse([Dot | Form])),
    split_forms(Rest, [], [Parsed | Forms]);
split_forms([Token | Rest], Form, Forms) -> split_forms(Rest, [Token | Form], Forms).
