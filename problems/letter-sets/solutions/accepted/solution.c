/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
static int* letterMasks;

static int byMask(const void* a, const void* b) {
    int i = *(const int*)a, j = *(const int*)b;
    if (letterMasks[i] != letterMasks[j]) return letterMasks[i] < letterMasks[j] ? -1 : 1;
    return i - j;
}

char*** groupByLetters(char** words, int wordsSize, int* returnSize, int** returnColumnSizes) {
    int* masks = malloc(sizeof(int) * (wordsSize + 1));
    int* order = malloc(sizeof(int) * (wordsSize + 1));
    for (int i = 0; i < wordsSize; i++) {
        masks[i] = 0;
        for (char* p = words[i]; *p; p++) masks[i] |= 1 << (*p - 'a');
        order[i] = i;
    }
    letterMasks = masks;
    qsort(order, wordsSize, sizeof(int), byMask);
    char*** groups = malloc(sizeof(char**) * (wordsSize + 1));
    *returnColumnSizes = malloc(sizeof(int) * (wordsSize + 1));
    int count = 0;
    for (int start = 0; start < wordsSize;) {
        int end = start;
        while (end < wordsSize && masks[order[end]] == masks[order[start]]) end++;
        groups[count] = malloc(sizeof(char*) * (end - start));
        for (int k = start; k < end; k++) {
            char* word = words[order[k]];
            groups[count][k - start] = strcpy(malloc(strlen(word) + 1), word);
        }
        (*returnColumnSizes)[count++] = end - start;
        start = end;
    }
    free(masks);
    free(order);
    *returnSize = count;
    return groups;
}
