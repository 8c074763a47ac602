class Solution {

    /**
     * @param Integer $n
     * @return Boolean
     */
    function canBalance($n) {
        while ($n > 0) {
            if ($n % 3 === 2) return false;
            $n = intdiv($n, 3);
        }
        return true;
    }
}
