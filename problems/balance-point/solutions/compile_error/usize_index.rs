impl Solution {
    pub fn balance_point(weights: Vec<i32>) -> i32 {
        let mut right: i64 = weights.iter().map(|&w| w as i64).sum();
        let mut left: i64 = 0;
        for i in 0..weights.len() {
            right -= weights[i] as i64;
            if left == right {
                return i;
            }
            left += weights[i] as i64;
        }
        -1
    }
}
