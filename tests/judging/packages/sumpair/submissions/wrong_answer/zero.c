#include <stdio.h>
int main(void) { long long n; scanf("%lld", &n); printf("0 %lld\n", n); return 0; }
