func canBalance(n int) bool {
    // Only looks at the lightest weight.
    return n%3 != 2
}
