function canBalance(n: number): boolean {
    // Numbers above 2^53 lose precision as doubles: use BigInt.
    let m = BigInt(n);
    while (m > 0n) {
        if (m % 3n === 2n) return false;
        m /= 3n;
    }
    return true;
};
