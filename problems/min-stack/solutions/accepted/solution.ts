class MinStack {
    private items: [number, number][] = [];  // (value, smallest so far)

    constructor() {
    }

    push(val: number): void {
        const smallest = this.items.length ? Math.min(val, this.items[this.items.length - 1][1]) : val;
        this.items.push([val, smallest]);
    }

    pop(): void {
        this.items.pop();
    }

    top(): number {
        return this.items[this.items.length - 1][0];
    }

    getMin(): number {
        return this.items[this.items.length - 1][1];
    }
}

/**
 * Your MinStack object will be instantiated and called as such:
 * var obj = new MinStack()
 * obj.push(val)
 * obj.pop()
 * var param_3 = obj.top()
 * var param_4 = obj.getMin()
 */
