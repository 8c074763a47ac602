class Solution:
    def heaviestWindow(self, rain: List[int], k: int) -> int:
        window = sum(rain[:k])
        best = window
        for i in range(k, len(rain)):
            window += rain[i] - rain[i - k]
            best = max(best, window)
        return best
