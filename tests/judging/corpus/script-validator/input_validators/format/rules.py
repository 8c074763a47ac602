import re


def valid_line(line: str) -> bool:
    return re.fullmatch(r"[a-z]+( [a-z]+)*\n", line) is not None
