class TrieNode {
    public $children = [];
    public $end = false;
}

class Trie {
    private $root;

    /**
     */
    function __construct() {
        $this->root = new TrieNode();
    }
  
    /**
     * @param String $word
     * @return NULL
     */
    function insert($word) {
        $node = $this->root;
        for ($i = 0; $i < strlen($word); $i++) {
            $node = $node->children[$word[$i]] ??= new TrieNode();
        }
        $node->end = true;
    }

    private function find($text) {
        $node = $this->root;
        for ($i = 0; $i < strlen($text) && $node !== null; $i++) {
            $node = $node->children[$text[$i]] ?? null;
        }
        return $node;
    }
  
    /**
     * @param String $word
     * @return Boolean
     */
    function search($word) {
        $node = $this->find($word);
        return $node !== null && $node->end;
    }
  
    /**
     * @param String $prefix
     * @return Boolean
     */
    function startsWith($prefix) {
        return $this->find($prefix) !== null;
    }
}

/**
 * Your Trie object will be instantiated and called as such:
 * $obj = Trie();
 * $obj->insert($word);
 * $ret_2 = $obj->search($word);
 * $ret_3 = $obj->startsWith($prefix);
 */
