object Solution {
    def sortBySign(nums: Array[Int]): Unit = {
        val sorted = nums.filter(_ < 0) ++ nums.filter(_ == 0) ++ nums.filter(_ > 0)
        sorted.copyToArray(nums)
    }
}
