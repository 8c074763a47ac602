object Solution {
    def balancePoint(weights: Array[Int]): Int = {
        var right = weights.foldLeft(0L)(_ + _)
        var left = 0L
        for (i <- weights.indices) {
            right -= weights(i)
            if (left == right) return i
            left += weights(i)
        }
        -1
    }
}
