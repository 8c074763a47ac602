-module(sum).
-export([start/0]).

start() ->
    {ok, [A, B]} = io:fread("", "~d ~d"),
    io:format("~b~n", [A + B]).
