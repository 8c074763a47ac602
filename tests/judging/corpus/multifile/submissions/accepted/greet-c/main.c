#include <stdio.h>
#include "greet.h"

int main(void) {
    char name[100];
    if (scanf("%99s", name) != 1) return 1;
    struct greeting g = {name};
    greet(g);
    return 0;
}
