object Solution {
    def depthSum(nestedList: List[NestedInteger]): Int = weigh(nestedList, 1)

    private def weigh(items: Seq[NestedInteger], depth: Int): Int =
        items.map(item => if (item.isInteger) item.getInteger * depth else weigh(item.getList.toSeq, depth + 1)).sum
}
