import math
from itertools import accumulate

class Solution:
    def bestAverage(self, values: List[float], minLength: int) -> float:
        # Tries every run: O(n^2).
        prefix = [0.0, *accumulate(values)]
        n = len(values)
        best = -math.inf
        for start in range(n):
            for end in range(start + minLength, n + 1):
                best = max(best, (prefix[end] - prefix[start]) / (end - start))
        return best
