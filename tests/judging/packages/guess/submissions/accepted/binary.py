low, high = 1, 1000
while True:
    mid = (low + high) // 2
    print(mid, flush=True)
    answer = input()
    if answer == "=":
        break
    if answer == "<":
        high = mid - 1
    else:
        low = mid + 1
