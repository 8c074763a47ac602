print(f"{float(input()) ** 0.5:.5f}")
