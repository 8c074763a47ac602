class Solution {
    fun balancePoint(weights: IntArray): Int {
        var right = weights.fold(0L) { sum, w -> sum + w }
        var left = 0L
        for (i in weights.indices) {
            right -= weights[i]
            if (left == right) return i
            left += weights[i]
        }
        return -1
    }
}
