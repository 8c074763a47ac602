use std::collections::VecDeque;

struct HitCounter {
    hits: VecDeque<i32>,
}

impl HitCounter {

    fn new() -> Self {
        HitCounter { hits: VecDeque::new() }
    }
    
    fn hit(&mut self, timestamp: i32) {
        self.hits.push_back(timestamp);
    }
    
    fn get_hits(&mut self, timestamp: i32) -> i32 {
        while let Some(&first) = self.hits.front() {
            if first > timestamp - 300 {
                break;
            }
            self.hits.pop_front();
        }
        self.hits.len() as i32
    }
}
