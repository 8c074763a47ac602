void sortBySign(int* nums, int numsSize) {
    int* copy = malloc(sizeof(int) * (numsSize + 1));
    int k = 0;
    for (int pass = -1; pass <= 1; pass++) {
        for (int i = 0; i < numsSize; i++) {
            int sign = (nums[i] > 0) - (nums[i] < 0);
            if (sign == pass) copy[k++] = nums[i];
        }
    }
    memcpy(nums, copy, sizeof(int) * numsSize);
    free(copy);
}
