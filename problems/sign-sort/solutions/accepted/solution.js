/**
 * @param {number[]} nums
 * @return {void} Do not return anything, modify nums in-place instead.
 */
var sortBySign = function(nums) {
    const sorted = [
        ...nums.filter((n) => n < 0),
        ...nums.filter((n) => n === 0),
        ...nums.filter((n) => n > 0),
    ];
    for (let i = 0; i < nums.length; i++) nums[i] = sorted[i];
};
