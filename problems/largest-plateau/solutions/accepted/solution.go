func largestPlateau(heights [][]int) int {
    rows := len(heights)
    if rows == 0 {
        return 0
    }
    cols := len(heights[0])
    seen := make([][]bool, rows)
    for i := range seen {
        seen[i] = make([]bool, cols)
    }
    best := 0
    for r := 0; r < rows; r++ {
        for c := 0; c < cols; c++ {
            if seen[r][c] {
                continue
            }
            seen[r][c] = true
            stack := [][2]int{{r, c}}
            size := 0
            for len(stack) > 0 {
                cell := stack[len(stack)-1]
                stack = stack[:len(stack)-1]
                size++
                for _, d := range [4][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
                    ny, nx := cell[0]+d[0], cell[1]+d[1]
                    if ny >= 0 && ny < rows && nx >= 0 && nx < cols && !seen[ny][nx] && heights[ny][nx] == heights[r][c] {
                        seen[ny][nx] = true
                        stack = append(stack, [2]int{ny, nx})
                    }
                }
            }
            if size > best {
                best = size
            }
        }
    }
    return best
}
