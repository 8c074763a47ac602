class MinStack {
    stack<pair<int, int>> items;  // value, smallest so far
public:
    MinStack() {
        
    }
    
    void push(int val) {
        items.push({val, items.empty() ? val : min(val, items.top().second)});
    }
    
    void pop() {
        items.pop();
    }
    
    int top() {
        return items.top().first;
    }
    
    int getMin() {
        return items.top().second;
    }
};

/**
 * Your MinStack object will be instantiated and called as such:
 * MinStack* obj = new MinStack();
 * obj->push(val);
 * obj->pop();
 * int param_3 = obj->top();
 * int param_4 = obj->getMin();
 */
