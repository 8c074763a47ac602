// Counts a hit exactly 300 seconds old as still in the window.
class HitCounter() {
    private val hits = ArrayDeque<Int>()

    fun hit(timestamp: Int) {
        hits.addLast(timestamp)
    }

    fun getHits(timestamp: Int): Int {
        while (hits.isNotEmpty() && hits.first() < timestamp - 300) hits.removeFirst()
        return hits.size
    }
}
