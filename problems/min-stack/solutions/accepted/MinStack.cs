public class MinStack {
    private readonly Stack<int> values = new Stack<int>();
    private readonly Stack<int> minimums = new Stack<int>();

    public MinStack() {
    }

    public void Push(int val) {
        values.Push(val);
        minimums.Push(minimums.Count == 0 ? val : Math.Min(val, minimums.Peek()));
    }

    public void Pop() {
        values.Pop();
        minimums.Pop();
    }

    public int Top() {
        return values.Peek();
    }

    public int GetMin() {
        return minimums.Peek();
    }
}
