function sortBySign(nums: number[]): void {
    /**
     Do not return anything, modify nums in-place instead.
     */
    const sorted = [
        ...nums.filter((n) => n < 0),
        ...nums.filter((n) => n === 0),
        ...nums.filter((n) => n > 0),
    ];
    for (let i = 0; i < nums.length; i++) nums[i] = sorted[i];
};
