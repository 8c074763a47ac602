public class Solution {
    public int BalancePoint(int[] weights) {
        long right = weights.Sum(w => (long)w), left = 0;
        for (int i = 0; i < weights.Length; i++) {
            right -= weights[i];
            if (left == right) return i;
            left += weights[i];
        }
        return -1;
    }
}
