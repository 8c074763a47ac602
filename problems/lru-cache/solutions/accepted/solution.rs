use std::collections::HashMap;

struct LRUCache {
    capacity: usize,
    clock: u64,
    items: HashMap<i32, (i32, u64)>,       // key -> (value, last use)
    order: std::collections::BTreeMap<u64, i32>, // last use -> key
}


/** 
 * `&self` means the method takes an immutable reference.
 * If you need a mutable reference, change it to `&mut self` instead.
 */
impl LRUCache {

    fn new(capacity: i32) -> Self {
        LRUCache { capacity: capacity as usize, clock: 0, items: HashMap::new(), order: Default::default() }
    }

    fn touch(&mut self, key: i32, value: i32) {
        self.clock += 1;
        if let Some((_, used)) = self.items.insert(key, (value, self.clock)) {
            self.order.remove(&used);
        }
        self.order.insert(self.clock, key);
    }
    
    fn get(&mut self, key: i32) -> i32 {
        match self.items.get(&key) {
            Some(&(value, _)) => {
                self.touch(key, value);
                value
            }
            None => -1,
        }
    }
    
    fn put(&mut self, key: i32, value: i32) {
        self.touch(key, value);
        if self.items.len() > self.capacity {
            let (&used, &oldest) = self.order.iter().next().unwrap();
            self.order.remove(&used);
            self.items.remove(&oldest);
        }
    }
}

/**
 * Your LRUCache object will be instantiated and called as such:
 * let obj = LRUCache::new(capacity);
 * let ret_1: i32 = obj.get(key);
 * obj.put(key, value);
 */
