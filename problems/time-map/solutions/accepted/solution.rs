use std::collections::HashMap;

struct TimeMap {
    history: HashMap<String, Vec<(i32, String)>>,
}


impl TimeMap {

    fn new() -> Self {
        TimeMap { history: HashMap::new() }
    }
    
    fn set(&mut self, key: String, value: String, timestamp: i32) {
        self.history.entry(key).or_default().push((timestamp, value));
    }
    
    fn get(&self, key: String, timestamp: i32) -> String {
        match self.history.get(&key) {
            None => String::new(),
            Some(items) => {
                let after = items.partition_point(|(t, _)| *t <= timestamp);
                if after == 0 { String::new() } else { items[after - 1].1.clone() }
            }
        }
    }
}
