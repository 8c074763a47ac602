#include <iostream>
int main() {
    long long n, x, best = 0;
    std::cin >> n;
    for (long long i = 0; i < n; ++i) {
        std::cin >> x;
        if (i == 0 || x > best) best = x;
    }
    std::cout << best << "\n";
}
