class LRUCache {
    private capacity: number;
    private items = new Map<number, number>();  // in insertion order: least recently used first

    constructor(capacity: number) {
        this.capacity = capacity;
    }

    get(key: number): number {
        if (!this.items.has(key)) return -1;
        const value = this.items.get(key)!;
        this.items.delete(key);
        this.items.set(key, value);
        return value;
    }

    put(key: number, value: number): void {
        this.items.delete(key);
        this.items.set(key, value);
        if (this.items.size > this.capacity) {
            this.items.delete(this.items.keys().next().value);
        }
    }
}

/**
 * Your LRUCache object will be instantiated and called as such:
 * var obj = new LRUCache(capacity)
 * var param_1 = obj.get(key)
 * obj.put(key,value)
 */
