class Solution:
    def heaviestWindow(self, rain: List[int], k: int) -> int:
        # Adds up every window from scratch: O(n * k).
        best = 0
        for start in range(len(rain) - k + 1):
            total = 0
            for day in range(start, start + k):
                total += rain[day]
            best = max(best, total)
        return best
