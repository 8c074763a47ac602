class Solution {
public:
    vector<vector<int>> rotateGrid(vector<vector<int>>& grid) {
        int rows = grid.size(), cols = rows ? grid[0].size() : 0;
        vector<vector<int>> turned(cols, vector<int>(rows));
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) turned[c][rows - 1 - r] = grid[r][c];
        }
        return turned;
    }
};
