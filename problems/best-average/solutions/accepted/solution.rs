impl Solution {
    pub fn best_average(values: Vec<f64>, min_length: i32) -> f64 {
        let k = min_length as usize;
        let n = values.len();
        let mut low = values.iter().cloned().fold(f64::INFINITY, f64::min);
        let mut high = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
        let mut prefix = vec![0.0; n + 1];
        for _ in 0..60 {
            let middle = (low + high) / 2.0;
            for i in 0..n {
                prefix[i + 1] = prefix[i] + values[i] - middle;
            }
            let mut lowest = f64::INFINITY;
            let mut reachable = false;
            for end in k..=n {
                lowest = lowest.min(prefix[end - k]);
                if prefix[end] - lowest >= 0.0 {
                    reachable = true;
                    break;
                }
            }
            if reachable {
                low = middle;
            } else {
                high = middle;
            }
        }
        low
    }
}
