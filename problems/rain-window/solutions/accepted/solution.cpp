class Solution {
public:
    long long heaviestWindow(vector<int>& rain, int k) {
        long long window = 0;
        for (int i = 0; i < k; i++) window += rain[i];
        long long best = window;
        for (int i = k; i < (int)rain.size(); i++) {
            window += (long long)rain[i] - rain[i - k];
            best = max(best, window);
        }
        return best;
    }
};
