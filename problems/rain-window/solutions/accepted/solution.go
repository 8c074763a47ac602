func heaviestWindow(rain []int, k int) int {
    window := 0
    for _, r := range rain[:k] {
        window += r
    }
    best := window
    for i := k; i < len(rain); i++ {
        window += rain[i] - rain[i-k]
        if window > best {
            best = window
        }
    }
    return best
}
