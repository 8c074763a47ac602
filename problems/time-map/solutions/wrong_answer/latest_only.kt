// Keeps only the latest value of a key.
class TimeMap() {
    private val latest = HashMap<String, Pair<Int, String>>()

    fun set(key: String, value: String, timestamp: Int) {
        latest[key] = Pair(timestamp, value)
    }

    fun get(key: String, timestamp: Int): String {
        val (time, value) = latest[key] ?: return ""
        return if (time <= timestamp) value else ""
    }
}
