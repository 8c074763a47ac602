class Solution {
    public int balancePoint(int[] weights) {
        long right = 0, left = 0;
        for (int w : weights) right += w;
        for (int i = 0; i < weights.length; i++) {
            right -= weights[i];
            if (left == right) return i;
            left += weights[i];
        }
        return -1;
    }
}
