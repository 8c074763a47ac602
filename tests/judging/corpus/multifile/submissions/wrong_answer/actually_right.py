# Filed under wrong_answer, but the header (in the Kattis spelling DOMjudge reads) says what it gets.
# @EXPECTED_RESULTS@: ACCEPTED
print(f"Hello, {input().strip()}!")
