# Runs out of memory: MLE in judged, a run-time error for DOMjudge and Kattis (they have no MLE).
hoard = []
while True:
    hoard.append(bytearray(16 * 1024 * 1024))
