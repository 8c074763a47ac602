struct Vector2D {
    values: Vec<i32>,
    at: usize,
}


impl Vector2D {

    fn new(vec: Vec<Vec<i32>>) -> Self {
        Vector2D { values: vec.into_iter().flatten().collect(), at: 0 }
    }
    
    fn next(&mut self) -> i32 {
        self.at += 1;
        self.values[self.at - 1]
    }
    
    fn has_next(&self) -> bool {
        self.at < self.values.len()
    }
}
