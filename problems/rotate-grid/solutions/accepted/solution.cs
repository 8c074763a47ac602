public class Solution {
    public int[][] RotateGrid(int[][] grid) {
        int rows = grid.Length;
        if (rows == 0) return new int[0][];
        int cols = grid[0].Length;
        var rotated = new int[cols][];
        for (int c = 0; c < cols; c++) {
            rotated[c] = new int[rows];
            for (int r = 0; r < rows; r++) rotated[c][r] = grid[rows - 1 - r][c];
        }
        return rotated;
    }
}
