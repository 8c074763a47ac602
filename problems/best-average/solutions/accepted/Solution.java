class Solution {
    public double bestAverage(double[] values, int minLength) {
        int n = values.length;
        double low = Double.MAX_VALUE, high = -Double.MAX_VALUE;
        for (double v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        double[] prefix = new double[n + 1];
        for (int iteration = 0; iteration < 60; iteration++) {
            double middle = (low + high) / 2;
            for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + values[i] - middle;
            double lowest = Double.MAX_VALUE;
            boolean reachable = false;
            for (int end = minLength; end <= n && !reachable; end++) {
                lowest = Math.min(lowest, prefix[end - minLength]);
                reachable = prefix[end] - lowest >= 0;
            }
            if (reachable) low = middle;
            else high = middle;
        }
        return low;
    }
}
