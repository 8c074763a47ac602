class Solution {

    /**
     * @param Integer[] $nums
     * @return NULL
     */
    function sortBySign(&$nums) {
        $nums = array_merge(
            array_filter($nums, fn($n) => $n < 0),
            array_filter($nums, fn($n) => $n === 0),
            array_filter($nums, fn($n) => $n > 0),
        );
    }
}
