# Python 2: judged runs Python 3, so this one is skipped with a warning, not judged CE.
a, b = map(int, raw_input().split())
print a + b
