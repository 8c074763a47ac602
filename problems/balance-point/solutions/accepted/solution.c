int balancePoint(int* weights, int weightsSize) {
    long long right = 0, left = 0;
    for (int i = 0; i < weightsSize; i++) right += weights[i];
    for (int i = 0; i < weightsSize; i++) {
        right -= weights[i];
        if (left == right) return i;
        left += weights[i];
    }
    return -1;
}
