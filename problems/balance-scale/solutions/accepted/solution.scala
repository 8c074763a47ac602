object Solution {
    def canBalance(n: Long): Boolean = {
        var m = n
        while (m > 0) {
            if (m % 3 == 2) return false
            m /= 3
        }
        true
    }
}
