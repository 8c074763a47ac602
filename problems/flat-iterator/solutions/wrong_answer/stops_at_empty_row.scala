// Takes an empty row for the end.
class Vector2D(_vec: Array[Array[Int]]) {
  private var row = 0
  private var col = 0

  def next(): Int = {
    while (col == _vec(row).length) { row += 1; col = 0 }
    col += 1
    _vec(row)(col - 1)
  }

  def hasNext(): Boolean =
    row < _vec.length && (col < _vec(row).length || (row + 1 < _vec.length && _vec(row + 1).nonEmpty))
}
