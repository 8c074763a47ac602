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

    // Returns the earliest value at or before the time, not the latest.
    fn get(&self, key: String, timestamp: i32) -> String {
        self.history
            .get(&key)
            .and_then(|items| items.iter().find(|(t, _)| *t <= timestamp))
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}
