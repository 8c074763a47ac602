import sys

n = int(sys.stdin.readline())
for _ in range(n):
    sys.stdin.readline()
while True:
    pass
