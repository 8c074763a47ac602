import "sort"

func sortBySign(nums []int) {
    sign := func(n int) int {
        if n < 0 {
            return -1
        }
        if n > 0 {
            return 1
        }
        return 0
    }
    sort.SliceStable(nums, func(i, j int) bool { return sign(nums[i]) < sign(nums[j]) })
}
