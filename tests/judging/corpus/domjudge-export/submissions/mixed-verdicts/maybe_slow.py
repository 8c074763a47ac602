# @EXPECTED_RESULTS@: CORRECT, TIMELIMIT
a, b = map(int, input().split())
print(a + b)
