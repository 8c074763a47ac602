class Solution {
public:
    bool canBalance(long long n) {
        // A table of every reachable total up to n: fine for small n, gigabytes for large n.
        long long size = min(n, 1000000000LL) + 1;
        vector<char> reachable(size, 0);
        reachable[0] = 1;
        long long top = 0;
        for (long long p = 1; p < size; p *= 3) {
            for (long long t = top; t >= 0; t--) {
                if (reachable[t] && t + p < size) reachable[t + p] = 1;
            }
            top = min(size - 1, top + p);
        }
        if (n < size) return reachable[n];
        return false;
    }
};
