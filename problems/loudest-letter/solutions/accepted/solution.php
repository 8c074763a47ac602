class Solution {

    /**
     * @param String $message
     * @return String
     */
    function loudestLetter($message) {
        $counts = array_fill(0, 26, 0);
        foreach (str_split(strtolower($message)) as $c) {
            if ($c >= 'a' && $c <= 'z') $counts[ord($c) - 97]++;
        }
        $best = 0;
        for ($i = 1; $i < 26; $i++) {
            if ($counts[$i] > $counts[$best]) $best = $i;
        }
        return $counts[$best] > 0 ? chr(97 + $best) : '?';
    }
}
