class Solution {

    /**
     * @param Integer[] $rain
     * @param Integer $k
     * @return Integer
     */
    function heaviestWindow($rain, $k) {
        $window = array_sum(array_slice($rain, 0, $k));
        $best = $window;
        for ($i = $k; $i < count($rain); $i++) {
            $window += $rain[$i] - $rain[$i - $k];
            $best = max($best, $window);
        }
        return $best;
    }
}
