class Solution:
    def balancePoint(self, weights: List[int]) -> int:
        # Scans from the right: finds the LAST balance point, not the first.
        left = sum(weights)
        right = 0
        for i in range(len(weights) - 1, -1, -1):
            left -= weights[i]
            if left == right:
                return i
            right += weights[i]
        return -1
