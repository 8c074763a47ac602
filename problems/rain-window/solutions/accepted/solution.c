long long heaviestWindow(int* rain, int rainSize, int k) {
    long long window = 0;
    for (int i = 0; i < k; i++) window += rain[i];
    long long best = window;
    for (int i = k; i < rainSize; i++) {
        window += (long long)rain[i] - rain[i - k];
        if (window > best) best = window;
    }
    return best;
}
