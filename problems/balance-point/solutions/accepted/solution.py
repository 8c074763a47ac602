class Solution:
    def balancePoint(self, weights: List[int]) -> int:
        right = sum(weights)
        left = 0
        for i, w in enumerate(weights):
            right -= w
            if left == right:
                return i
            left += w
        return -1
