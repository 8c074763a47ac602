class Solution {
    fun bestAverage(values: DoubleArray, minLength: Int): Double {
        val n = values.size
        var low = values.min()
        var high = values.max()
        val prefix = DoubleArray(n + 1)
        repeat(60) {
            val middle = (low + high) / 2
            for (i in 0 until n) prefix[i + 1] = prefix[i] + values[i] - middle
            var lowest = Double.MAX_VALUE
            var reachable = false
            var end = minLength
            while (end <= n && !reachable) {
                lowest = min(lowest, prefix[end - minLength])
                reachable = prefix[end] - lowest >= 0
                end++
            }
            if (reachable) low = middle else high = middle
        }
        return low
    }
}
