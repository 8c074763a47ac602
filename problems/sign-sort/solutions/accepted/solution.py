class Solution:
    def sortBySign(self, nums: List[int]) -> None:
        """
        Do not return anything, modify nums in-place instead.
        """
        nums[:] = [n for n in nums if n < 0] + [n for n in nums if n == 0] + [n for n in nums if n > 0]
