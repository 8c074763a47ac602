public class Solution {
    public void SortBySign(int[] nums) {
        var sorted = nums.Where(x => x < 0).Concat(nums.Where(x => x == 0)).Concat(nums.Where(x => x > 0)).ToArray();
        Array.Copy(sorted, nums, nums.Length);
    }
}
