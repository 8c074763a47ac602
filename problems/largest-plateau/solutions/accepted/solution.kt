class Solution {
    fun largestPlateau(heights: Array<IntArray>): Int {
        val rows = heights.size
        val cols = if (rows > 0) heights[0].size else 0
        val seen = Array(rows) { BooleanArray(cols) }
        val stack = IntArray(rows * cols)
        val dy = intArrayOf(1, -1, 0, 0)
        val dx = intArrayOf(0, 0, 1, -1)
        var best = 0
        for (r in 0 until rows) for (c in 0 until cols) {
            if (seen[r][c]) continue
            seen[r][c] = true
            var top = 0
            var size = 0
            stack[top++] = r * cols + c
            while (top > 0) {
                val cell = stack[--top]
                val y = cell / cols
                val x = cell % cols
                size++
                for (d in 0 until 4) {
                    val ny = y + dy[d]
                    val nx = x + dx[d]
                    if (ny in 0 until rows && nx in 0 until cols && !seen[ny][nx] && heights[ny][nx] == heights[r][c]) {
                        seen[ny][nx] = true
                        stack[top++] = ny * cols + nx
                    }
                }
            }
            best = maxOf(best, size)
        }
        return best
    }
}
