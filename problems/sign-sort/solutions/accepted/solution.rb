# @param {Integer[]} nums
# @return {Void} Do not return anything, modify nums in-place instead.
def sort_by_sign(nums)
    sorted = nums.select(&:negative?) + nums.select(&:zero?) + nums.select(&:positive?)
    nums.replace(sorted)
end
