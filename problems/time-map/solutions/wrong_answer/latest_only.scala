// Keeps only the latest value of a key.
class TimeMap() {
  private val latest = scala.collection.mutable.HashMap[String, (Int, String)]()

  def set(key: String, value: String, timestamp: Int): Unit = latest(key) = (timestamp, value)

  def get(key: String, timestamp: Int): String = latest.get(key) match {
    case Some((time, value)) if time <= timestamp => value
    case _ => ""
  }
}
