"""The harnesses' own run-time sources, copied into each submission's files by `judged.harness.lang_*`.

They run inside the sandbox under the language's own interpreter, beside the
user's code, and use nothing but that language's standard library.
"""
