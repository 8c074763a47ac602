class Solution {
public:
    void sortBySign(vector<int>& nums) {
        // Three-way partition by swapping: right groups, but not in their original order.
        int low = 0, mid = 0, high = (int)nums.size() - 1;
        while (mid <= high) {
            if (nums[mid] < 0) swap(nums[low++], nums[mid++]);
            else if (nums[mid] == 0) mid++;
            else swap(nums[mid], nums[high--]);
        }
    }
};
