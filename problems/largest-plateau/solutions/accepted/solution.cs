public class Solution {
    public int LargestPlateau(int[][] heights) {
        int rows = heights.Length, cols = rows == 0 ? 0 : heights[0].Length, best = 0;
        var seen = new bool[rows, cols];
        int[] dy = { 1, -1, 0, 0 }, dx = { 0, 0, 1, -1 };
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (seen[r, c]) continue;
                seen[r, c] = true;
                var stack = new Stack<(int, int)>();
                stack.Push((r, c));
                int size = 0;
                while (stack.Count > 0) {
                    var (y, x) = stack.Pop();
                    size++;
                    for (int d = 0; d < 4; d++) {
                        int ny = y + dy[d], nx = x + dx[d];
                        if (ny < 0 || ny >= rows || nx < 0 || nx >= cols) continue;
                        if (seen[ny, nx] || heights[ny][nx] != heights[r][c]) continue;
                        seen[ny, nx] = true;
                        stack.Push((ny, nx));
                    }
                }
                best = Math.Max(best, size);
            }
        }
        return best;
    }
}
