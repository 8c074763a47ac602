import re
import sys

line = sys.stdin.read()
m = re.fullmatch(r"(-?\d+) (-?\d+)\n", line)
if not m or not all(-2 * 10**9 <= int(x) <= 2 * 10**9 for x in m.groups()):
    sys.exit(43)
sys.exit(42)
