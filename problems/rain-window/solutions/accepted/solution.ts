function heaviestWindow(rain: number[], k: number): number {
    let window = 0;
    for (let i = 0; i < k; i++) window += rain[i];
    let best = window;
    for (let i = k; i < rain.length; i++) {
        window += rain[i] - rain[i - k];
        if (window > best) best = window;
    }
    return best;
};
