class Solution {
    fun heaviestWindow(rain: IntArray, k: Int): Long {
        var window = 0L
        for (i in 0 until k) window += rain[i]
        var best = window
        for (i in k until rain.size) {
            window += rain[i].toLong() - rain[i - k]
            best = max(best, window)
        }
        return best
    }
}
