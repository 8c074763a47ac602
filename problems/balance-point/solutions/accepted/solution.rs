impl Solution {
    pub fn balance_point(weights: Vec<i32>) -> i32 {
        let mut right: i64 = weights.iter().map(|&w| w as i64).sum();
        let mut left: i64 = 0;
        for (i, &w) in weights.iter().enumerate() {
            right -= w as i64;
            if left == right {
                return i as i32;
            }
            left += w as i64;
        }
        -1
    }
}
