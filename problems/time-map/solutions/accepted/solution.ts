class TimeMap {
    private entries = new Map<string, [number[], string[]]>();  // each key's timestamps (increasing) and values

    constructor() {
    }

    set(key: string, value: string, timestamp: number): void {
        if (!this.entries.has(key)) this.entries.set(key, [[], []]);
        const [times, values] = this.entries.get(key)!;
        times.push(timestamp);
        values.push(value);
    }

    get(key: string, timestamp: number): string {
        const entry = this.entries.get(key);
        if (!entry) return "";
        const [times, values] = entry;
        let low = 0, high = times.length;  // the first index whose time is after timestamp
        while (low < high) {
            const middle = (low + high) >> 1;
            if (times[middle] <= timestamp) low = middle + 1;
            else high = middle;
        }
        return low ? values[low - 1] : "";
    }
}

/**
 * Your TimeMap object will be instantiated and called as such:
 * var obj = new TimeMap()
 * obj.set(key,value,timestamp)
 * var param_2 = obj.get(key,timestamp)
 */
