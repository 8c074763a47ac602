double bestAverage(double* values, int valuesSize, int minLength) {
    double low = values[0], high = values[0];
    for (int i = 1; i < valuesSize; i++) {
        if (values[i] < low) low = values[i];
        if (values[i] > high) high = values[i];
    }
    double* prefix = malloc(sizeof(double) * (valuesSize + 1));
    for (int iteration = 0; iteration < 60; iteration++) {
        double middle = (low + high) / 2;
        prefix[0] = 0;
        for (int i = 0; i < valuesSize; i++) prefix[i + 1] = prefix[i] + values[i] - middle;
        double lowest = 1e300;
        bool reachable = false;
        for (int end = minLength; end <= valuesSize && !reachable; end++) {
            if (prefix[end - minLength] < lowest) lowest = prefix[end - minLength];
            reachable = prefix[end] - lowest >= 0;
        }
        if (reachable) low = middle;
        else high = middle;
    }
    free(prefix);
    return low;
}
