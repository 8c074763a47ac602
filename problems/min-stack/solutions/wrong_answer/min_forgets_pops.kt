// The minimum is never raised again when the smallest value is popped.
class MinStack() {
    private val stack = ArrayList<Int>()
    private var min = Int.MAX_VALUE

    fun push(`val`: Int) {
        stack.add(`val`)
        min = minOf(min, `val`)
    }

    fun pop() {
        stack.removeAt(stack.size - 1)
    }

    fun top(): Int = stack[stack.size - 1]

    fun getMin(): Int = min
}
