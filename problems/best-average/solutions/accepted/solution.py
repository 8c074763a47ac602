import operator
from itertools import accumulate

class Solution:
    def bestAverage(self, values: List[float], minLength: int) -> float:
        k = minLength

        def reachable(target: float) -> bool:
            # Some run of >= k values averages >= target iff some prefix difference of (value - target) is >= 0.
            prefix = [0.0, *accumulate(v - target for v in values)]
            lowest = list(accumulate(prefix[: len(values) - k + 1], min))
            return max(map(operator.sub, prefix[k:], lowest)) >= 0

        low, high = min(values), max(values)
        for _ in range(50):
            middle = (low + high) / 2
            if reachable(middle):
                low = middle
            else:
                high = middle
        return low
