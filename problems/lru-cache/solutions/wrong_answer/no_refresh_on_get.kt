// A get does not make the key the most recently used one.
class LRUCache(capacity: Int) {
    private val capacity = capacity
    private val map = object : LinkedHashMap<Int, Int>(16, 0.75f, false) {
        override fun removeEldestEntry(eldest: MutableMap.MutableEntry<Int, Int>?): Boolean = size > capacity
    }

    fun get(key: Int): Int = map[key] ?: -1

    fun put(key: Int, value: Int) {
        map.remove(key)
        map[key] = value
    }
}
