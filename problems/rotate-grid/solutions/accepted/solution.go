func rotateGrid(grid [][]int) [][]int {
    rows := len(grid)
    if rows == 0 {
        return [][]int{}
    }
    cols := len(grid[0])
    turned := make([][]int, cols)
    for c := range turned {
        turned[c] = make([]int, rows)
        for r := 0; r < rows; r++ {
            turned[c][r] = grid[rows-1-r][c]
        }
    }
    return turned
}
