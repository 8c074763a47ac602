class Solution {
    public int largestPlateau(int[][] heights) {
        int rows = heights.length, cols = rows > 0 ? heights[0].length : 0, best = 0;
        boolean[][] seen = new boolean[rows][cols];
        int[] stack = new int[rows * cols];
        int[] dy = {1, -1, 0, 0}, dx = {0, 0, 1, -1};
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (seen[r][c]) continue;
                seen[r][c] = true;
                int top = 0, size = 0;
                stack[top++] = r * cols + c;
                while (top > 0) {
                    int cell = stack[--top], y = cell / cols, x = cell % cols;
                    size++;
                    for (int d = 0; d < 4; d++) {
                        int ny = y + dy[d], nx = x + dx[d];
                        if (ny >= 0 && ny < rows && nx >= 0 && nx < cols && !seen[ny][nx]
                                && heights[ny][nx] == heights[r][c]) {
                            seen[ny][nx] = true;
                            stack[top++] = ny * cols + nx;
                        }
                    }
                }
                best = Math.max(best, size);
            }
        }
        return best;
    }
}
