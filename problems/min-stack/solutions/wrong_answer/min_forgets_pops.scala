// The minimum is never raised again when the smallest value is popped.
import scala.collection.mutable.ArrayBuffer

class MinStack() {
  private val stack = ArrayBuffer[Int]()
  private var min = Int.MaxValue

  def push(`val`: Int): Unit = {
    stack += `val`
    min = math.min(min, `val`)
  }

  def pop(): Unit = stack.remove(stack.length - 1)

  def top(): Int = stack.last

  def getMin(): Int = min
}
