from collections import Counter

class Solution:
    def loudestLetter(self, message: str) -> str:
        # Breaks ties by first appearance, not by the alphabet.
        counts = Counter(c for c in message.lower() if c.isalpha())
        if not counts:
            return "?"
        return counts.most_common(1)[0][0]
