class Vector2D(vec: Array<IntArray>) {
    private val rows = vec
    private var row = 0
    private var col = 0

    private fun skipEmpty() {
        while (row < rows.size && col == rows[row].size) {
            row++
            col = 0
        }
    }

    fun next(): Int {
        skipEmpty()
        return rows[row][col++]
    }

    fun hasNext(): Boolean {
        skipEmpty()
        return row < rows.size
    }

}

/**
 * Your Vector2D object will be instantiated and called as such:
 * var obj = Vector2D(vec)
 * var param_1 = obj.next()
 * var param_2 = obj.hasNext()
 */
