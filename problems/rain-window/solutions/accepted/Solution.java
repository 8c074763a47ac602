class Solution {
    public long heaviestWindow(int[] rain, int k) {
        long window = 0;
        for (int i = 0; i < k; i++) window += rain[i];
        long best = window;
        for (int i = k; i < rain.length; i++) {
            window += (long) rain[i] - rain[i - k];
            best = Math.max(best, window);
        }
        return best;
    }
}
