class Solution {
public:
    double bestAverage(vector<double>& values, int minLength) {
        int n = values.size();
        double low = *min_element(values.begin(), values.end());
        double high = *max_element(values.begin(), values.end());
        vector<double> prefix(n + 1);
        for (int iteration = 0; iteration < 60; iteration++) {
            double middle = (low + high) / 2;
            for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + values[i] - middle;
            double lowest = 1e300;
            bool reachable = false;
            for (int end = minLength; end <= n && !reachable; end++) {
                lowest = min(lowest, prefix[end - minLength]);
                reachable = prefix[end] - lowest >= 0;
            }
            (reachable ? low : high) = middle;
        }
        return low;
    }
};
