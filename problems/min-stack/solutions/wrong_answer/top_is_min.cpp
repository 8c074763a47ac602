class MinStack {
    vector<int> values;
public:
    MinStack() {}
    void push(int val) { values.push_back(val); }
    void pop() { values.pop_back(); }
    int top() { return values.back(); }
    int getMin() { return *min_element(values.begin(), values.end() - (values.size() > 1)); }  // skips the top
};
