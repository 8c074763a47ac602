func levelSums(root *TreeNode) []int {
    sums := []int{}
    level := []*TreeNode{}
    if root != nil {
        level = append(level, root)
    }
    for len(level) > 0 {
        sum := 0
        next := []*TreeNode{}
        for _, node := range level {
            sum += node.Val
            if node.Left != nil {
                next = append(next, node.Left)
            }
            if node.Right != nil {
                next = append(next, node.Right)
            }
        }
        sums = append(sums, sum)
        level = next
    }
    return sums
}
