impl Solution {
    pub fn rotate_grid(grid: Vec<Vec<i32>>) -> Vec<Vec<i32>> {
        let cols = grid.first().map_or(0, |row| row.len());
        (0..cols).map(|c| grid.iter().rev().map(|row| row[c]).collect()).collect()
    }
}
