class HitCounter() {
    private val hits: Queue<Int> = LinkedList()

    fun hit(timestamp: Int) {
        hits.offer(timestamp)
    }

    fun getHits(timestamp: Int): Int {
        while (hits.isNotEmpty() && hits.peek() <= timestamp - 300) hits.poll()
        return hits.size
    }

}

/**
 * Your HitCounter object will be instantiated and called as such:
 * var obj = HitCounter()
 * obj.hit(timestamp)
 * var param_2 = obj.getHits(timestamp)
 */
