class Solution {

    /**
     * @param Integer[] $weights
     * @return Integer
     */
    function balancePoint($weights) {
        $right = array_sum($weights);
        $left = 0;
        foreach ($weights as $i => $w) {
            $right -= $w;
            if ($left === $right) return $i;
            $left += $w;
        }
        return -1;
    }
}
