# Expects the numbers separated by a comma: the conversion of "1 2" raises ValueError.
a, b = map(int, input().split(","))
print(a + b)
