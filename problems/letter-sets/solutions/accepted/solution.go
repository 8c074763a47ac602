func groupByLetters(words []string) [][]string {
    index := map[int]int{}
    groups := [][]string{}
    for _, word := range words {
        mask := 0
        for i := 0; i < len(word); i++ {
            mask |= 1 << (word[i] - 'a')
        }
        at, ok := index[mask]
        if !ok {
            at = len(groups)
            index[mask] = at
            groups = append(groups, []string{})
        }
        groups[at] = append(groups[at], word)
    }
    return groups
}
