public class Solution {
    public double BestAverage(double[] values, int minLength) {
        int n = values.Length;
        double low = values.Min(), high = values.Max();
        var prefix = new double[n + 1];
        for (int round = 0; round < 60; round++) {
            double middle = (low + high) / 2;
            for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + values[i] - middle;
            double lowest = double.PositiveInfinity;
            bool reachable = false;
            for (int finish = minLength; finish <= n && !reachable; finish++) {
                lowest = Math.Min(lowest, prefix[finish - minLength]);
                reachable = prefix[finish] - lowest >= 0;
            }
            if (reachable) low = middle; else high = middle;
        }
        return low;
    }
}
