class Solution {
    fun depthSum(nestedList: List<NestedInteger>): Int = weigh(nestedList, 1)

    private fun weigh(items: List<NestedInteger>, depth: Int): Int =
        items.sumOf { if (it.isInteger()) it.getInteger()!! * depth else weigh(it.getList()!!, depth + 1) }
}
