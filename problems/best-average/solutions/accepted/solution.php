class Solution {

    /**
     * @param Float[] $values
     * @param Integer $minLength
     * @return Float
     */
    function bestAverage($values, $minLength) {
        $n = count($values);
        $low = min($values);
        $high = max($values);
        $prefix = array_fill(0, $n + 1, 0.0);
        for ($iteration = 0; $iteration < 60; $iteration++) {
            $middle = ($low + $high) / 2;
            for ($i = 0; $i < $n; $i++) $prefix[$i + 1] = $prefix[$i] + $values[$i] - $middle;
            $lowest = INF;
            $reachable = false;
            for ($end = $minLength; $end <= $n && !$reachable; $end++) {
                $lowest = min($lowest, $prefix[$end - $minLength]);
                $reachable = $prefix[$end] - $lowest >= 0;
            }
            if ($reachable) $low = $middle; else $high = $middle;
        }
        return $low;
    }
}
