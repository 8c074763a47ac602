// Takes an empty row for the end.
class Vector2D(vec: Array<IntArray>) {
    private val rows = vec
    private var row = 0
    private var col = 0

    fun next(): Int {
        while (col == rows[row].size) {
            row++
            col = 0
        }
        return rows[row][col++]
    }

    fun hasNext(): Boolean {
        if (row >= rows.size) return false
        if (col < rows[row].size) return true
        return row + 1 < rows.size && rows[row + 1].isNotEmpty()
    }
}
