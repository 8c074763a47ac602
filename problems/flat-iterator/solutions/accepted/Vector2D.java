class Vector2D {
    private final int[][] rows;
    private int row, col;

    public Vector2D(int[][] vec) {
        rows = vec;
    }

    private void skipEmpty() {
        while (row < rows.length && col == rows[row].length) {
            row++;
            col = 0;
        }
    }
    
    public int next() {
        skipEmpty();
        return rows[row][col++];
    }
    
    public boolean hasNext() {
        skipEmpty();
        return row < rows.length;
    }
}
