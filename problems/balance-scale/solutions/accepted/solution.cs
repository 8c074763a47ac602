public class Solution {
    public bool CanBalance(long n) {
        for (; n > 0; n /= 3) {
            if (n % 3 == 2) return false;
        }
        return true;
    }
}
