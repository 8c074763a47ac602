class LRUCache {
    private final int capacity;
    private final LinkedHashMap<Integer, Integer> items;

    public LRUCache(int capacity) {
        this.capacity = capacity;
        this.items = new LinkedHashMap<>(16, 0.75f, true);  // access order
    }
    
    public int get(int key) {
        Integer value = items.get(key);
        return value == null ? -1 : value;
    }
    
    public void put(int key, int value) {
        items.put(key, value);
        if (items.size() > capacity) {
            items.remove(items.keySet().iterator().next());
        }
    }
}

/**
 * Your LRUCache object will be instantiated and called as such:
 * LRUCache obj = new LRUCache(capacity);
 * int param_1 = obj.get(key);
 * obj.put(key,value);
 */
