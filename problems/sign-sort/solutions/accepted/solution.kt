class Solution {
    fun sortBySign(nums: IntArray): Unit {
        val sorted = nums.filter { it < 0 } + nums.filter { it == 0 } + nums.filter { it > 0 }
        sorted.forEachIndexed { i, n -> nums[i] = n }
    }
}
