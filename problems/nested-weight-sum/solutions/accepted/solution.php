class Solution {

    /**
     * @param NestedInteger[] $nestedList
     * @return Integer
     */
    function depthSum($nestedList, $depth = 1) {
        $total = 0;
        foreach ($nestedList as $item) {
            if ($item->isInteger()) {
                $total += $item->getInteger() * $depth;
            } else {
                $total += $this->depthSum($item->getList(), $depth + 1);
            }
        }
        return $total;
    }
}
