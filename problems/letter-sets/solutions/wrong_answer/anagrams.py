from collections import defaultdict

class Solution:
    def groupByLetters(self, words: List[str]) -> List[List[str]]:
        # Groups anagrams (same letters, same counts): "tea" and "teat" end up apart.
        groups = defaultdict(list)
        for word in words:
            groups["".join(sorted(word))].append(word)
        return list(groups.values())
