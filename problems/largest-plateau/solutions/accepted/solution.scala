object Solution {
    def largestPlateau(heights: Array[Array[Int]]): Int = {
        val rows = heights.length
        val cols = if (rows > 0) heights(0).length else 0
        val seen = Array.ofDim[Boolean](rows, cols)
        val stack = new Array[Int](rows * cols)
        val moves = Array((1, 0), (-1, 0), (0, 1), (0, -1))
        var best = 0
        for (r <- 0 until rows; c <- 0 until cols if !seen(r)(c)) {
            seen(r)(c) = true
            var top = 0
            var size = 0
            stack(top) = r * cols + c
            top += 1
            while (top > 0) {
                top -= 1
                val cell = stack(top)
                val (y, x) = (cell / cols, cell % cols)
                size += 1
                for ((dy, dx) <- moves) {
                    val (ny, nx) = (y + dy, x + dx)
                    if (ny >= 0 && ny < rows && nx >= 0 && nx < cols && !seen(ny)(nx) && heights(ny)(nx) == heights(r)(c)) {
                        seen(ny)(nx) = true
                        stack(top) = ny * cols + nx
                        top += 1
                    }
                }
            }
            best = math.max(best, size)
        }
        best
    }
}
