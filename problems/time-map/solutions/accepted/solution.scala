import scala.collection.mutable

class TimeMap() {
    private val history = mutable.HashMap[String, mutable.ArrayBuffer[(Int, String)]]()

    def set(key: String, value: String, timestamp: Int): Unit = {
        history.getOrElseUpdate(key, mutable.ArrayBuffer()) += ((timestamp, value))
    }

    def get(key: String, timestamp: Int): String = {
        val values = history.getOrElse(key, return "")
        var (lo, hi) = (0, values.length)
        while (lo < hi) {
            val mid = (lo + hi) / 2
            if (values(mid)._1 <= timestamp) lo = mid + 1 else hi = mid
        }
        if (lo == 0) "" else values(lo - 1)._2
    }

}
