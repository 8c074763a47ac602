function balancePoint(weights: number[]): number {
    let right = weights.reduce((a, b) => a + b, 0), left = 0;
    for (let i = 0; i < weights.length; i++) {
        right -= weights[i];
        if (left === right) return i;
        left += weights[i];
    }
    return -1;
};
