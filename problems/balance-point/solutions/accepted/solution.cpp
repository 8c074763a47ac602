class Solution {
public:
    int balancePoint(vector<int>& weights) {
        long long right = accumulate(weights.begin(), weights.end(), 0LL), left = 0;
        for (int i = 0; i < (int)weights.size(); i++) {
            right -= weights[i];
            if (left == right) return i;
            left += weights[i];
        }
        return -1;
    }
};
