class Vector2D(_vec: Array[Array[Int]]) {
    private val values = _vec.iterator.flatMap(_.iterator).buffered

    def next(): Int = {
        values.next()
    }

    def hasNext(): Boolean = {
        values.hasNext
    }

}

/**
 * Your Vector2D object will be instantiated and called as such:
 * val obj = new Vector2D(vec)
 * val param_1 = obj.next()
 * val param_2 = obj.hasNext()
 */
