function bestAverage(values: number[], minLength: number): number {
    const n = values.length;
    let low = Math.min(...values), high = Math.max(...values);
    const prefix = new Float64Array(n + 1);
    for (let iteration = 0; iteration < 60; iteration++) {
        const middle = (low + high) / 2;
        for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + values[i] - middle;
        let lowest = Infinity, reachable = false;
        for (let end = minLength; end <= n && !reachable; end++) {
            lowest = Math.min(lowest, prefix[end - minLength]);
            reachable = prefix[end] - lowest >= 0;
        }
        if (reachable) low = middle;
        else high = middle;
    }
    return low;
};
