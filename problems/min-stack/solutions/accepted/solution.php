class MinStack {
    private $values = [];
    private $smallest = [];  // the smallest value so far, beside each value

    /**
     */
    function __construct() {
    }
  
    /**
     * @param Integer $val
     * @return NULL
     */
    function push($val) {
        $this->smallest[] = $this->values ? min($val, end($this->smallest)) : $val;
        $this->values[] = $val;
    }
  
    /**
     * @return NULL
     */
    function pop() {
        array_pop($this->values);
        array_pop($this->smallest);
    }
  
    /**
     * @return Integer
     */
    function top() {
        return end($this->values);
    }
  
    /**
     * @return Integer
     */
    function getMin() {
        return end($this->smallest);
    }
}

/**
 * Your MinStack object will be instantiated and called as such:
 * $obj = MinStack();
 * $obj->push($val);
 * $obj->pop();
 * $ret_3 = $obj->top();
 * $ret_4 = $obj->getMin();
 */
