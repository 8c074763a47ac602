class Solution {
public:
    void sortBySign(vector<int>& nums) {
        stable_sort(nums.begin(), nums.end(), [](int a, int b) {
            return (a > 0) - (a < 0) < (b > 0) - (b < 0);
        });
    }
};
