# Right, but counts to b one step at a time: far too slow when |b| is large.
a, b = map(int, input().split())
total = a
step = 1 if b > 0 else -1
for _ in range(abs(b)):
    total += step
print(total)
