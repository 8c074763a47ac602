function largestPlateau(heights: number[][]): number {
    const rows = heights.length, cols = rows ? heights[0].length : 0;
    const seen = new Uint8Array(rows * cols);
    let best = 0;
    for (let start = 0; start < rows * cols; start++) {
        if (seen[start]) continue;
        seen[start] = 1;
        const height = heights[Math.floor(start / cols)][start % cols];
        const stack = [start];
        let size = 0;
        while (stack.length) {
            const cell = stack.pop(), y = Math.floor(cell / cols), x = cell % cols;
            size++;
            for (const [ny, nx] of [[y + 1, x], [y - 1, x], [y, x + 1], [y, x - 1]]) {
                if (ny < 0 || ny >= rows || nx < 0 || nx >= cols) continue;
                const next = ny * cols + nx;
                if (!seen[next] && heights[ny][nx] === height) {
                    seen[next] = 1;
                    stack.push(next);
                }
            }
        }
        best = Math.max(best, size);
    }
    return best;
};
