function rotateGrid(grid: number[][]): number[][] {
    if (grid.length === 0) return [];
    return grid[0].map((_, c) => grid.map((row) => row[c]).reverse());
};
