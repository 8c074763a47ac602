/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
int** rotateGrid(int** grid, int gridSize, int* gridColSize, int* returnSize, int** returnColumnSizes) {
    int rows = gridSize, cols = rows ? gridColSize[0] : 0;
    int** turned = malloc(sizeof(int*) * (cols + 1));
    *returnColumnSizes = malloc(sizeof(int) * (cols + 1));
    for (int c = 0; c < cols; c++) {
        turned[c] = malloc(sizeof(int) * rows);
        (*returnColumnSizes)[c] = rows;
        for (int r = 0; r < rows; r++) turned[c][r] = grid[rows - 1 - r][c];
    }
    *returnSize = cols;
    return turned;
}
