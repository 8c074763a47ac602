public class Solution {
    public long HeaviestWindow(int[] rain, int k) {
        long window = 0;
        for (int i = 0; i < k; i++) window += rain[i];
        long best = window;
        for (int i = k; i < rain.Length; i++) {
            window += rain[i] - rain[i - k];
            best = Math.Max(best, window);
        }
        return best;
    }
}
