class HitCounter {
    private $hits;

    /**
     */
    function __construct() {
        $this->hits = new SplQueue();
    }
  
    /**
     * @param Integer $timestamp
     * @return NULL
     */
    function hit($timestamp) {
        $this->hits->enqueue($timestamp);
    }
  
    /**
     * @param Integer $timestamp
     * @return Integer
     */
    function getHits($timestamp) {
        while (!$this->hits->isEmpty() && $this->hits->bottom() <= $timestamp - 300) {
            $this->hits->dequeue();
        }
        return count($this->hits);
    }
}

/**
 * Your HitCounter object will be instantiated and called as such:
 * $obj = HitCounter();
 * $obj->hit($timestamp);
 * $ret_2 = $obj->getHits($timestamp);
 */
