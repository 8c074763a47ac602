class Solution {

    /**
     * @param String[] $words
     * @return String[][]
     */
    function groupByLetters($words) {
        $groups = [];
        foreach ($words as $word) {
            $letters = array_unique(str_split($word));
            sort($letters);
            $groups['k' . implode('', $letters)][] = $word;
        }
        return array_values($groups);
    }
}
