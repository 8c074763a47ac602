#[derive(Default)]
struct Trie {
    next: [Option<Box<Trie>>; 26],
    word: bool,
}


impl Trie {

    fn new() -> Self {
        Default::default()
    }
    
    fn insert(&mut self, word: String) {
        let mut node = self;
        for b in word.bytes() {
            node = node.next[(b - b'a') as usize].get_or_insert_with(Default::default);
        }
        node.word = true;
    }

    fn find(&self, text: &str) -> Option<&Trie> {
        let mut node = self;
        for b in text.bytes() {
            node = node.next[(b - b'a') as usize].as_deref()?;
        }
        Some(node)
    }
    
    fn search(&self, word: String) -> bool {
        self.find(&word).map_or(false, |node| node.word)
    }
    
    fn starts_with(&self, prefix: String) -> bool {
        self.find(&prefix).is_some()
    }
}
