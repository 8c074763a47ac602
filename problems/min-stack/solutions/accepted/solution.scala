class MinStack() {
    private var stack: List[(Int, Int)] = Nil

    def push(`val`: Int): Unit = {
        val min = if (stack.isEmpty) `val` else math.min(`val`, stack.head._2)
        stack = (`val`, min) :: stack
    }

    def pop(): Unit = {
        stack = stack.tail
    }

    def top(): Int = {
        stack.head._1
    }

    def getMin(): Int = {
        stack.head._2
    }

}

/**
 * Your MinStack object will be instantiated and called as such:
 * val obj = new MinStack()
 * obj.push(`val`)
 * obj.pop()
 * val param_3 = obj.top()
 * val param_4 = obj.getMin()
 */
