from collections import defaultdict

class Solution:
    def groupByLetters(self, words: List[str]) -> List[List[str]]:
        groups = defaultdict(list)
        for word in words:
            groups[frozenset(word)].append(word)
        return list(groups.values())
