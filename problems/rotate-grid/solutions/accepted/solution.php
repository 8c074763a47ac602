class Solution {

    /**
     * @param Integer[][] $grid
     * @return Integer[][]
     */
    function rotateGrid($grid) {
        $rotated = [];
        $rows = count($grid);
        for ($c = 0; $rows && $c < count($grid[0]); $c++) {
            $column = [];
            for ($r = $rows - 1; $r >= 0; $r--) $column[] = $grid[$r][$c];
            $rotated[] = $column;
        }
        return $rotated;
    }
}
