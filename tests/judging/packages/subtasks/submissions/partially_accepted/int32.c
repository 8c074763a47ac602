#include <stdio.h>
int main(void) { int n, s = 0, x; scanf("%d", &n); while (n--) { scanf("%d", &x); s += x; } printf("%d\n", s); return 0; }
