class Solution {
    fun rotateGrid(grid: Array<IntArray>): Array<IntArray> {
        val rows = grid.size
        val cols = if (rows > 0) grid[0].size else 0
        val turned = Array(cols) { IntArray(rows) }
        for (r in 0 until rows) for (c in 0 until cols) turned[c][rows - 1 - r] = grid[r][c]
        return turned
    }
}
