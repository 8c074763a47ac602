object Solution {
    def heaviestWindow(rain: Array[Int], k: Int): Long = {
        var window = rain.take(k).map(_.toLong).sum
        var best = window
        for (i <- k until rain.length) {
            window += rain(i).toLong - rain(i - k)
            best = math.max(best, window)
        }
        best
    }
}
