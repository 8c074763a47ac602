class Solution {

    /**
     * @param Integer[][] $heights
     * @return Integer
     */
    function largestPlateau($heights) {
        $rows = count($heights);
        $cols = $rows ? count($heights[0]) : 0;
        $seen = array_fill(0, $rows * $cols, false);
        $best = 0;
        for ($start = 0; $start < $rows * $cols; $start++) {
            if ($seen[$start]) continue;
            $seen[$start] = true;
            $height = $heights[intdiv($start, $cols)][$start % $cols];
            $stack = [$start];
            $size = 0;
            while ($stack) {
                $cell = array_pop($stack);
                $y = intdiv($cell, $cols);
                $x = $cell % $cols;
                $size++;
                foreach ([[$y + 1, $x], [$y - 1, $x], [$y, $x + 1], [$y, $x - 1]] as [$ny, $nx]) {
                    if ($ny < 0 || $ny >= $rows || $nx < 0 || $nx >= $cols) continue;
                    $next = $ny * $cols + $nx;
                    if (!$seen[$next] && $heights[$ny][$nx] === $height) {
                        $seen[$next] = true;
                        $stack[] = $next;
                    }
                }
            }
            $best = max($best, $size);
        }
        return $best;
    }
}
