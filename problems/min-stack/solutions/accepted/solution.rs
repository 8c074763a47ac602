pub struct MinStack {
    items: Vec<(i32, i32)>,
}


/** 
 * `&self` means the method takes an immutable reference.
 * If you need a mutable reference, change it to `&mut self` instead.
 */
impl MinStack {

    pub fn new() -> Self {
        Self { items: Vec::new() }
    }
    
    pub fn push(&mut self, val: i32) {
        let smallest = self.items.last().map_or(val, |&(_, m)| m.min(val));
        self.items.push((val, smallest));
    }
    
    pub fn pop(&mut self) {
        self.items.pop();
    }
    
    pub fn top(&self) -> i32 {
        self.items.last().unwrap().0
    }
    
    pub fn get_min(&self) -> i32 {
        self.items.last().unwrap().1
    }
}
