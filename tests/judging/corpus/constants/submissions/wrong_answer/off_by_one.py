print(int(input()) + 41, "shifted")
