public class Vector2D {
    private readonly int[][] vec;
    private int row, col;

    public Vector2D(int[][] vec) {
        this.vec = vec;
    }

    private void SkipEmpty() {
        while (row < vec.Length && col == vec[row].Length) {
            row++;
            col = 0;
        }
    }

    public int Next() {
        SkipEmpty();
        return vec[row][col++];
    }

    public bool HasNext() {
        SkipEmpty();
        return row < vec.Length;
    }
}
