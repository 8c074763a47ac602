class Solution {
    public void sortBySign(int[] nums) {
        int[] copy = new int[nums.length];
        int k = 0;
        for (int sign = -1; sign <= 1; sign++) {
            for (int n : nums) {
                if (Integer.signum(n) == sign) copy[k++] = n;
            }
        }
        System.arraycopy(copy, 0, nums, 0, nums.length);
    }
}
