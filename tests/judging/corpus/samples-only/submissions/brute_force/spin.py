# Far too slow: spins before answering.
while True:
    pass
