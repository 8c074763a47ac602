# @EXPECTED_RESULTS@: CORRECT
# Filed under wrong_answer/, but the header takes precedence over the folder.
print(sum(map(int, input().split())))
