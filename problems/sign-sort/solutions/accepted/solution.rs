impl Solution {
    pub fn sort_by_sign(nums: &mut Vec<i32>) {
        nums.sort_by_key(|n| n.signum());
    }
}
