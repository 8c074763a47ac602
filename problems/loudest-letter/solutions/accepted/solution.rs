impl Solution {
    pub fn loudest_letter(message: String) -> char {
        let mut counts = [0usize; 26];
        for c in message.chars() {
            if c.is_ascii_alphabetic() {
                counts[(c.to_ascii_lowercase() as u8 - b'a') as usize] += 1;
            }
        }
        let mut best = 0;
        for i in 1..26 {
            if counts[i] > counts[best] {
                best = i;
            }
        }
        if counts[best] == 0 {
            '?'
        } else {
            (b'a' + best as u8) as char
        }
    }
}
