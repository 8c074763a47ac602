import "math"

func bestAverage(values []float64, minLength int) float64 {
    low, high := math.Inf(1), math.Inf(-1)
    for _, v := range values {
        low = math.Min(low, v)
        high = math.Max(high, v)
    }
    n := len(values)
    prefix := make([]float64, n+1)
    for iteration := 0; iteration < 60; iteration++ {
        middle := (low + high) / 2
        for i, v := range values {
            prefix[i+1] = prefix[i] + v - middle
        }
        lowest, reachable := math.Inf(1), false
        for end := minLength; end <= n && !reachable; end++ {
            lowest = math.Min(lowest, prefix[end-minLength])
            reachable = prefix[end]-lowest >= 0
        }
        if reachable {
            low = middle
        } else {
            high = middle
        }
    }
    return low
}
