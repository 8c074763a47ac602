class Vector2D {
    private $values;
    private $index = 0;

    /**
     * @param Integer[][] $vec
     */
    function __construct($vec) {
        $this->values = $vec ? array_merge(...$vec) : [];
    }
  
    /**
     * @return Integer
     */
    function next() {
        return $this->values[$this->index++];
    }
  
    /**
     * @return Boolean
     */
    function hasNext() {
        return $this->index < count($this->values);
    }
}

/**
 * Your Vector2D object will be instantiated and called as such:
 * $obj = Vector2D($vec);
 * $ret_1 = $obj->next();
 * $ret_2 = $obj->hasNext();
 */
