// Evicts the least recently *written* key: a get does not count as a use.
class LRUCache {
    private capacity: number;
    private items = new Map<number, number>();

    constructor(capacity: number) {
        this.capacity = capacity;
    }

    get(key: number): number {
        return this.items.has(key) ? this.items.get(key)! : -1;
    }

    put(key: number, value: number): void {
        this.items.delete(key);
        this.items.set(key, value);
        if (this.items.size > this.capacity) {
            this.items.delete(this.items.keys().next().value);
        }
    }
}
