object Solution {
    def bestAverage(values: Array[Double], minLength: Int): Double = {
        val n = values.length
        var low = values.min
        var high = values.max
        val prefix = new Array[Double](n + 1)
        for (_ <- 0 until 60) {
            val middle = (low + high) / 2
            for (i <- 0 until n) prefix(i + 1) = prefix(i) + values(i) - middle
            var lowest = Double.MaxValue
            var reachable = false
            var end = minLength
            while (end <= n && !reachable) {
                lowest = math.min(lowest, prefix(end - minLength))
                reachable = prefix(end) - lowest >= 0
                end += 1
            }
            if (reachable) low = middle else high = middle
        }
        low
    }
}
