class Solution {
    public int[][] rotateGrid(int[][] grid) {
        int rows = grid.length, cols = rows > 0 ? grid[0].length : 0;
        int[][] turned = new int[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) turned[c][rows - 1 - r] = grid[r][c];
        }
        return turned;
    }
}
