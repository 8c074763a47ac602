import sys
from pathlib import Path

secret = int(Path(sys.argv[1]).read_text())
feedback = Path(sys.argv[3])
for _ in range(10):
    line = sys.stdin.readline()
    if not line:
        (feedback / "judgemessage.txt").write_text("no guess")
        sys.exit(43)
    guess = int(line)
    if guess == secret:
        print("=", flush=True)
        sys.exit(42)
    print("<" if secret < guess else ">", flush=True)
(feedback / "judgemessage.txt").write_text("more than 10 guesses")
sys.exit(43)
