import sys

# judge_in judge_ans feedback_dir [args] < output
args = sys.argv[4:]
expected_word = args[args.index("--expect") + 1]
with open(sys.argv[1]) as judge_in:
    n = int(judge_in.read())
tokens = sys.stdin.read().split()
if tokens == [str(n + {{shift}}), expected_word]:
    sys.exit(42)
sys.exit(43)
