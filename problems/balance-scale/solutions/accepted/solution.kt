class Solution {
    fun canBalance(n: Long): Boolean {
        var m = n
        while (m > 0) {
            if (m % 3 == 2L) return false
            m /= 3
        }
        return true
    }
}
