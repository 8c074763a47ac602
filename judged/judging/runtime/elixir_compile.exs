# Elixir's compile step (languages/elixir.toml): `elixir elixir_compile.exs SRC OUT`, in the sandbox.
#
# A function problem's sources are main.exs (one line starting the harness), solution.ex (the user's
# `defmodule Solution`, judged.harness.lang_elixir) and judged_main.erl (the BEAM runtime shared with
# Erlang): solution.ex and the runtime are compiled into OUT. An I/O program is a script written into every
# file (main.exs and solution.ex are then equal): it is only parsed here, so a syntax error is a compile
# error; `elixir main.exs` runs it as it is. Messages name the files as the user knows them.
[src, out] = System.argv()
File.cd!(src)
main = File.read!("main.exs")

status =
  if main == File.read!("solution.ex") do
    try do
      Code.string_to_quoted!(main, file: "main.exs")
      0
    rescue
      error ->
        IO.puts(:stderr, Exception.format_banner(:error, error, __STACKTRACE__))
        1
    end
  else
    options = [:report, :export_all, :nowarn_export_all, {:outdir, String.to_charlist(out)}]

    with {:ok, _, _} <- Kernel.ParallelCompiler.compile_to_path(["solution.ex"], out),
         {:ok, _} <- :compile.file('judged_main.erl', options) do
      0
    else
      _ -> 1
    end
  end

System.halt(status)
