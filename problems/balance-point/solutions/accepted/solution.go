func balancePoint(weights []int) int {
    right, left := 0, 0
    for _, w := range weights {
        right += w
    }
    for i, w := range weights {
        right -= w
        if left == right {
            return i
        }
        left += w
    }
    return -1
}
