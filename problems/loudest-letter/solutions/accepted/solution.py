from collections import Counter

class Solution:
    def loudestLetter(self, message: str) -> str:
        counts = Counter(c for c in message.lower() if "a" <= c <= "z")
        if not counts:
            return "?"
        return min(counts, key=lambda c: (-counts[c], c))
