class TimeMap() {
    private val history = HashMap<String, TreeMap<Int, String>>()

    fun set(key: String, value: String, timestamp: Int) {
        history.getOrPut(key) { TreeMap() }[timestamp] = value
    }

    fun get(key: String, timestamp: Int): String {
        return history[key]?.floorEntry(timestamp)?.value ?: ""
    }

}

/**
 * Your TimeMap object will be instantiated and called as such:
 * var obj = TimeMap()
 * obj.set(key,value,timestamp)
 * var param_2 = obj.get(key,timestamp)
 */
