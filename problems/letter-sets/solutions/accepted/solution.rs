use std::collections::HashMap;

impl Solution {
    pub fn group_by_letters(words: Vec<String>) -> Vec<Vec<String>> {
        let mut index: HashMap<u32, usize> = HashMap::new();
        let mut groups: Vec<Vec<String>> = Vec::new();
        for word in words {
            let mask = word.bytes().fold(0u32, |mask, b| mask | 1 << (b - b'a'));
            let at = *index.entry(mask).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[at].push(word);
        }
        groups
    }
}
