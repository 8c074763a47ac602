import "unicode"

func loudestLetter(message string) byte {
    var counts [26]int
    for _, r := range message {
        r = unicode.ToLower(r)
        if r >= 'a' && r <= 'z' {
            counts[r-'a']++
        }
    }
    best := 0
    for i := 1; i < 26; i++ {
        if counts[i] > counts[best] {
            best = i
        }
    }
    if counts[best] == 0 {
        return '?'
    }
    return byte('a' + best)
}
