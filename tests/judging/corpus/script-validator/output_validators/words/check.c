#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* check input answer feedback_dir [ignore_case] < output: the same words, in order. */
static int same(const char* a, const char* b, int ignore_case) {
    return ignore_case ? strcasecmp(a, b) == 0 : strcmp(a, b) == 0;
}

int main(int argc, char** argv) {
    int ignore_case = argc > 4 && strcmp(argv[4], "ignore_case") == 0;
    FILE* answer = fopen(argv[2], "r");
    char want[256], got[256];
    if (answer == NULL) return 1;
    while (fscanf(answer, "%255s", want) == 1) {
        if (scanf("%255s", got) != 1 || !same(want, got, ignore_case)) return 43;
    }
    return scanf("%255s", got) == 1 ? 43 : 42;
}
