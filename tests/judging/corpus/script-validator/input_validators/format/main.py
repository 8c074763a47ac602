import sys

from rules import valid_line

line = sys.stdin.readline()
sys.exit(42 if valid_line(line) and not sys.stdin.read() else 43)
