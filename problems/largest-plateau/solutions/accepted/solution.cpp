class Solution {
public:
    int largestPlateau(vector<vector<int>>& heights) {
        int rows = heights.size(), cols = rows ? heights[0].size() : 0, best = 0;
        vector<vector<bool>> seen(rows, vector<bool>(cols));
        const int dy[] = {1, -1, 0, 0}, dx[] = {0, 0, 1, -1};
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (seen[r][c]) continue;
                seen[r][c] = true;
                vector<pair<int, int>> stack{{r, c}};
                int size = 0;
                while (!stack.empty()) {
                    auto [y, x] = stack.back();
                    stack.pop_back();
                    size++;
                    for (int d = 0; d < 4; d++) {
                        int ny = y + dy[d], nx = x + dx[d];
                        if (ny >= 0 && ny < rows && nx >= 0 && nx < cols && !seen[ny][nx]
                            && heights[ny][nx] == heights[r][c]) {
                            seen[ny][nx] = true;
                            stack.push_back({ny, nx});
                        }
                    }
                }
                best = max(best, size);
            }
        }
        return best;
    }
};
