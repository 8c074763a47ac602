<?php
// A search finds any inserted word's prefix, not only whole words.
class Trie {
    private $words = [];

    function __construct() {
    }

    function insert($word) {
        $this->words[] = $word;
    }

    function search($word) {
        return $this->startsWith($word);
    }

    function startsWith($prefix) {
        foreach ($this->words as $word) {
            if (str_starts_with($word, $prefix)) {
                return true;
            }
        }
        return false;
    }
}
