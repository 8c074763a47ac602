// Counts a hit exactly 300 seconds old as still in the window.
class HitCounter() {
  private val hits = scala.collection.mutable.Queue[Int]()

  def hit(timestamp: Int): Unit = hits.enqueue(timestamp)

  def getHits(timestamp: Int): Int = {
    while (hits.nonEmpty && hits.head < timestamp - 300) hits.dequeue()
    hits.size
  }
}
