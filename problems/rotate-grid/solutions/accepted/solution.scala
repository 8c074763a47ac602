object Solution {
    def rotateGrid(grid: Array[Array[Int]]): Array[Array[Int]] = {
        val rows = grid.length
        val cols = if (rows > 0) grid(0).length else 0
        Array.tabulate(cols, rows)((c, r) => grid(rows - 1 - r)(c))
    }
}
