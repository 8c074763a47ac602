class Solution:
    def rotateGrid(self, grid: List[List[int]]) -> List[List[int]]:
        return [list(column) for column in zip(*reversed(grid))]
