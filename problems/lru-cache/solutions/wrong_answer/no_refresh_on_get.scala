// A get does not make the key the most recently used one.
import scala.collection.mutable

class LRUCache(_capacity: Int) {
  private val cache = mutable.LinkedHashMap[Int, Int]()

  def get(key: Int): Int = cache.getOrElse(key, -1)

  def put(key: Int, value: Int): Unit = {
    cache.remove(key)
    if (cache.size >= _capacity) cache.remove(cache.head._1)
    cache.put(key, value)
  }
}
