class TimeMap {
    private $times = [];
    private $values = [];

    /**
     */
    function __construct() {
    }
  
    /**
     * @param String $key
     * @param String $value
     * @param Integer $timestamp
     * @return NULL
     */
    function set($key, $value, $timestamp) {
        $this->times[$key][] = $timestamp;
        $this->values[$key][] = $value;
    }
  
    /**
     * @param String $key
     * @param Integer $timestamp
     * @return String
     */
    function get($key, $timestamp) {
        if (!isset($this->times[$key])) {
            return "";
        }
        $times = $this->times[$key];
        [$low, $high] = [0, count($times)];  // the first index whose time is after timestamp
        while ($low < $high) {
            $middle = intdiv($low + $high, 2);
            if ($times[$middle] <= $timestamp) {
                $low = $middle + 1;
            } else {
                $high = $middle;
            }
        }
        return $low ? $this->values[$key][$low - 1] : "";
    }
}

/**
 * Your TimeMap object will be instantiated and called as such:
 * $obj = TimeMap();
 * $obj->set($key, $value, $timestamp);
 * $ret_2 = $obj->get($key, $timestamp);
 */
