impl Solution {
    pub fn heaviest_window(rain: Vec<i32>, k: i32) -> i64 {
        let k = k as usize;
        let mut window: i64 = rain[..k].iter().map(|&r| r as i64).sum();
        let mut best = window;
        for i in k..rain.len() {
            window += rain[i] as i64 - rain[i - k] as i64;
            best = best.max(window);
        }
        best
    }
}
