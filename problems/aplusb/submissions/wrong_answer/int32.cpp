// Adds in 32-bit ints: right on the samples, wrong once the sum passes 2^31 - 1.
#include <cstdio>

int main() {
    int a, b;
    if (std::scanf("%d %d", &a, &b) != 2) return 1;
    std::printf("%d\n", a + b);
}
