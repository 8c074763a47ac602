import scala.collection.mutable

class LRUCache(_capacity: Int) {
  private val capacity = _capacity
  private val cache = mutable.LinkedHashMap[Int, Int]()

  def get(key: Int): Int = {
    cache.remove(key) match {
      case Some(v) =>
        cache.put(key, v)
        v
      case None => -1
    }
  }

  def put(key: Int, value: Int): Unit = {
    cache.remove(key)
    if (cache.size >= capacity) cache.remove(cache.head._1)
    cache.put(key, value)
  }

}

/**
 * Your LRUCache object will be instantiated and called as such:
 * val obj = new LRUCache(capacity)
 * val param_1 = obj.get(key)
 * obj.put(key,value)
 */
