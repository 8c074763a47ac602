class MinStack {
    constructor() {
        this.values = [];
        this.mins = [];
    }

    push(val) {
        this.values.push(val);
        const n = this.mins.length;
        this.mins.push(n === 0 ? val : Math.min(val, this.mins[n - 1]));
    }

    pop() {
        this.values.pop();
        this.mins.pop();
    }

    top() {
        return this.values[this.values.length - 1];
    }

    getMin() {
        return this.mins[this.mins.length - 1];
    }
}
