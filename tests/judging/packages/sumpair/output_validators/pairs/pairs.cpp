#include "validate.h"

int main(int argc, char **argv) {
    if (argc < 4) return 1;
    open_feedback(argv[3]);
    FILE *in = std::fopen(argv[1], "r");
    long long n, a, b;
    if (std::fscanf(in, "%lld", &n) != 1) return 2;
    if (std::scanf("%lld %lld", &a, &b) != 2) verdict(43, "expected two integers");
    char extra;
    if (std::scanf(" %c", &extra) == 1) verdict(43, "trailing output");
    if (a <= 0 || b <= 0) verdict(43, "both numbers must be positive");
    if (a + b != n) verdict(43, "the numbers do not add up to n");
    verdict(42, "ok");
}
