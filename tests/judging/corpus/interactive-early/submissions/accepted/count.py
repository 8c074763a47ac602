import sys

n = int(sys.stdin.readline())
for _ in range(n):
    sys.stdin.readline()
print(n, flush=True)
