print(int(input()) + 42, "shifted")
