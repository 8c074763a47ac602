int largestPlateau(int** heights, int heightsSize, int* heightsColSize) {
    int rows = heightsSize, cols = rows ? heightsColSize[0] : 0;
    if (rows == 0 || cols == 0) return 0;
    char* seen = calloc(rows * cols, 1);
    int* stack = malloc(sizeof(int) * rows * cols);
    int best = 0;
    int dy[] = {1, -1, 0, 0}, dx[] = {0, 0, 1, -1};
    for (int start = 0; start < rows * cols; start++) {
        if (seen[start]) continue;
        seen[start] = 1;
        int top = 0, size = 0, height = heights[start / cols][start % cols];
        stack[top++] = start;
        while (top > 0) {
            int cell = stack[--top], y = cell / cols, x = cell % cols;
            size++;
            for (int d = 0; d < 4; d++) {
                int ny = y + dy[d], nx = x + dx[d];
                if (ny < 0 || ny >= rows || nx < 0 || nx >= cols) continue;
                int next = ny * cols + nx;
                if (!seen[next] && heights[ny][nx] == height) {
                    seen[next] = 1;
                    stack[top++] = next;
                }
            }
        }
        if (size > best) best = size;
    }
    free(seen);
    free(stack);
    return best;
}
