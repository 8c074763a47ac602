class Vector2D {
    private final java.util.List<Integer> values = new java.util.ArrayList<>();
    private int at;

    public Vector2D(int[][] vec) {
        for (int[] row : vec) for (int v : row) values.add(v);
    }

    public int next() {
        return at < values.size() ? values.get(at++) : -1;  // past the end: a wrong value, not an exception
    }

    public boolean hasNext() {
        return at++ < values.size();  // moves the iterator: a hasNext skips an element
    }
}
