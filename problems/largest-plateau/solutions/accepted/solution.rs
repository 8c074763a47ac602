impl Solution {
    pub fn largest_plateau(heights: Vec<Vec<i32>>) -> i32 {
        let rows = heights.len();
        let cols = if rows > 0 { heights[0].len() } else { 0 };
        let mut seen = vec![vec![false; cols]; rows];
        let mut best = 0;
        for r in 0..rows {
            for c in 0..cols {
                if seen[r][c] {
                    continue;
                }
                seen[r][c] = true;
                let mut stack = vec![(r, c)];
                let mut size = 0;
                while let Some((y, x)) = stack.pop() {
                    size += 1;
                    let mut neighbours = vec![(y + 1, x), (y, x + 1)];
                    if y > 0 {
                        neighbours.push((y - 1, x));
                    }
                    if x > 0 {
                        neighbours.push((y, x - 1));
                    }
                    for (ny, nx) in neighbours {
                        if ny < rows && nx < cols && !seen[ny][nx] && heights[ny][nx] == heights[r][c] {
                            seen[ny][nx] = true;
                            stack.push((ny, nx));
                        }
                    }
                }
                best = best.max(size);
            }
        }
        best
    }
}
