import java.util.ArrayDeque;
import java.util.Deque;

class MinStack {
    private final Deque<int[]> items = new ArrayDeque<>();

    public MinStack() {
        
    }
    
    public void push(int val) {
        int smallest = items.isEmpty() ? val : Math.min(val, items.peek()[1]);
        items.push(new int[] {val, smallest});
    }
    
    public void pop() {
        items.pop();
    }
    
    public int top() {
        return items.peek()[0];
    }
    
    public int getMin() {
        return items.peek()[1];
    }
}
