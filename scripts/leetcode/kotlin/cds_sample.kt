import java.util.*; import kotlin.math.*; // A typical submission as judged compiles it, for the compiler's CDS archive.
class Solution {
    fun levelSums(root: TreeNode?, nums: IntArray, words: List<String>): List<List<Int>> {
        val seen = HashMap<Int, Int>()
        val queue: Queue<TreeNode> = LinkedList()
        val heap = PriorityQueue<Int>(compareByDescending { it })
        val result = mutableListOf<MutableList<Int>>()
        root?.let { queue.add(it) }
        while (queue.isNotEmpty()) {
            val level = mutableListOf<Int>()
            repeat(queue.size) {
                val node = queue.poll()
                level.add(node.`val`)
                node.left?.let { queue.add(it) }
                node.right?.let { queue.add(it) }
            }
            result.add(level)
        }
        for ((i, x) in nums.withIndex()) seen[x] = max(i, seen.getOrDefault(x, 0))
        heap.addAll(nums.sorted().map { abs(it) })
        val text = words.joinToString(",") { it.uppercase() }.filter { it.isLetter() }
        return result + listOf(listOf(text.length, heap.size, seen.values.sum()))
    }
}

class TreeNode(var `val`: Int) {
    var left: TreeNode? = null
    var right: TreeNode? = null
}

fun main() = judged.Harness.run("", Solution::class.java, "levelSums", arrayOf<String>("TreeNode", "int[]", "string[]"), "int[][]")
