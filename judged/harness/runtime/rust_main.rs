/// The judge's harness: reads tests on stdin, calls the user's method, writes one result line per test to fd 3.
mod judged_harness {
    use std::cell::RefCell;
    use std::io::{BufRead, Write};
    use std::os::unix::io::FromRawFd;
    //@begin ListNode
    use super::ListNode;
    //@end ListNode
    //@begin TreeNode
    use super::TreeNode;
    //@end TreeNode
    //@begin Node
    use super::Node;
    //@end Node
    //@begin NestedInteger
    use super::NestedInteger;
    //@end NestedInteger
    #[allow(unused_imports)]
    use std::rc::Rc;

    const MAX_NODES: usize = 1_000_000;
    const STACK_BYTES: usize = 256 << 20;

    thread_local! {
        static PANIC: RefCell<Option<String>> = RefCell::new(None);
    }

    /// One test line of the judge's, decoded in place.
    pub struct Parser<'a> {
        text: &'a [u8],
        pos: usize,
    }

    /// One result line.
    pub struct Writer {
        buf: Vec<u8>,
    }

    pub trait Decode: Sized {
        fn read(p: &mut Parser) -> Result<Self, String>;
    }

    pub trait Encode {
        fn write(&self, w: &mut Writer) -> Result<(), String>;
    }

    impl<'a> Parser<'a> {
        fn peek(&self) -> Option<u8> {
            self.text.get(self.pos).copied()
        }

        fn skip(&mut self) -> Option<u8> {
            while let Some(c) = self.peek() {
                if !matches!(c, b' ' | b'\n' | b'\r' | b'\t') {
                    return Some(c);
                }
                self.pos += 1;
            }
            None
        }

        fn bad<T>(&self, expected: &str) -> Result<T, String> {
            Err(match self.peek() {
                Some(c) => format!("expected {} at '{}'", expected, c as char),
                None => format!("expected {} at the end of the line", expected),
            })
        }

        pub fn expect(&mut self, c: u8) -> Result<(), String> {
            if self.skip() != Some(c) {
                return self.bad(&format!("'{}'", c as char));
            }
            self.pos += 1;
            Ok(())
        }

        /// Consume '[' and say whether an element follows.
        fn start_array(&mut self) -> Result<bool, String> {
            self.expect(b'[')?;
            if self.skip() != Some(b']') {
                return Ok(true);
            }
            self.pos += 1;
            Ok(false)
        }

        /// Consume ',' (true: another element follows) or ']' (false).
        fn more(&mut self) -> Result<bool, String> {
            let c = self.skip();
            if c != Some(b',') && c != Some(b']') {
                return self.bad("',' or ']'");
            }
            self.pos += 1;
            Ok(c == Some(b','))
        }

        fn literal(&mut self, word: &str) -> Result<(), String> {
            if !self.text[self.pos..].starts_with(word.as_bytes()) {
                return self.bad(word);
            }
            self.pos += word.len();
            Ok(())
        }

        fn read_null(&mut self) -> Result<bool, String> {
            if self.skip() != Some(b'n') {
                return Ok(false);
            }
            self.literal("null")?;
            Ok(true)
        }

        fn read_i64(&mut self) -> Result<i64, String> {
            let negative = self.skip() == Some(b'-');
            if negative {
                self.pos += 1;
            }
            let start = self.pos;
            let mut value: i64 = 0; // accumulated negated, so that i64::MIN fits
            while let Some(c @ b'0'..=b'9') = self.peek() {
                let digit = i64::from(c - b'0');
                value = match value.checked_mul(10).and_then(|v| v.checked_sub(digit)) {
                    Some(v) => v,
                    None => return Err("an integer out of range".to_string()),
                };
                self.pos += 1;
            }
            if self.pos == start || matches!(self.peek(), Some(b'.' | b'e' | b'E')) {
                return self.bad("an integer");
            }
            if negative {
                return Ok(value);
            }
            value.checked_neg().ok_or_else(|| "an integer out of range".to_string())
        }

        fn read_string(&mut self) -> Result<String, String> {
            if self.skip() != Some(b'"') {
                return self.bad("a string");
            }
            self.pos += 1;
            let mut bytes = Vec::new();
            loop {
                let c = match self.peek() {
                    Some(c) => c,
                    None => return self.bad("'\"'"),
                };
                self.pos += 1;
                match c {
                    b'"' => break,
                    b'\\' => self.escape(&mut bytes)?,
                    _ => bytes.push(c),
                }
            }
            String::from_utf8(bytes).map_err(|_| "a string that is not UTF-8".to_string())
        }

        /// Decode one escape after its backslash onto `bytes`.
        fn escape(&mut self, bytes: &mut Vec<u8>) -> Result<(), String> {
            let c = self.peek();
            self.pos += 1;
            let decoded = match c {
                Some(c @ (b'"' | b'\\' | b'/')) => c,
                Some(b'b') => 8,
                Some(b'f') => 12,
                Some(b'n') => b'\n',
                Some(b'r') => b'\r',
                Some(b't') => b'\t',
                Some(b'u') => {
                    let mut code = self.hex4()?;
                    if (0xD800..0xDC00).contains(&code) && self.text[self.pos..].starts_with(b"\\u") {
                        self.pos += 2;
                        code = 0x10000 + ((code - 0xD800) << 10) + (self.hex4()?.wrapping_sub(0xDC00) & 0x3FF);
                    }
                    let character = char::from_u32(code).unwrap_or('\u{FFFD}');
                    bytes.extend_from_slice(character.encode_utf8(&mut [0; 4]).as_bytes());
                    return Ok(());
                }
                _ => return Err("a bad escape in a string".to_string()),
            };
            bytes.push(decoded);
            Ok(())
        }

        fn hex4(&mut self) -> Result<u32, String> {
            let mut code = 0;
            for _ in 0..4 {
                match self.peek().and_then(|c| (c as char).to_digit(16)) {
                    Some(digit) => code = code * 16 + digit,
                    None => return self.bad("a hex digit"),
                }
                self.pos += 1;
            }
            Ok(code)
        }
    }

    impl Writer {
        fn raw(&mut self, text: &str) {
            self.buf.extend_from_slice(text.as_bytes());
        }

        fn integer(&mut self, value: i64) {
            write!(self.buf, "{}", value).unwrap();
        }

        fn float(&mut self, value: f64) {
            if value.is_nan() {
                self.raw("\"NaN\"");
            } else if value.is_infinite() {
                self.raw(if value > 0.0 { "\"Infinity\"" } else { "\"-Infinity\"" });
            } else {
                // Debug prints the shortest form that reads back the same, with an exponent when very large or small.
                write!(self.buf, "{:?}", value).unwrap();
            }
        }

        fn string(&mut self, text: &str) {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            self.buf.push(b'"');
            for &c in text.as_bytes() {
                match c {
                    b'"' | b'\\' => self.buf.extend_from_slice(&[b'\\', c]),
                    b'\n' => self.buf.extend_from_slice(b"\\n"),
                    b'\r' => self.buf.extend_from_slice(b"\\r"),
                    b'\t' => self.buf.extend_from_slice(b"\\t"),
                    8 => self.buf.extend_from_slice(b"\\b"),
                    12 => self.buf.extend_from_slice(b"\\f"),
                    0..=31 => self.buf.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[(c >> 4) as usize], HEX[(c & 15) as usize]]),
                    _ => self.buf.push(c),
                }
            }
            self.buf.push(b'"');
        }
    }

    impl Decode for i32 {
        fn read(p: &mut Parser) -> Result<Self, String> {
            let value = p.read_i64()?;
            i32::try_from(value).map_err(|_| format!("{} does not fit an i32", value))
        }
    }

    impl Encode for i32 {
        fn write(&self, w: &mut Writer) -> Result<(), String> {
            w.integer(i64::from(*self));
            Ok(())
        }
    }

    impl Decode for i64 {
        fn read(p: &mut Parser) -> Result<Self, String> {
            p.read_i64()
        }
    }

    impl Encode for i64 {
        fn write(&self, w: &mut Writer) -> Result<(), String> {
            w.integer(*self);
            Ok(())
        }
    }

    impl Decode for f64 {
        fn read(p: &mut Parser) -> Result<Self, String> {
            if p.skip() == Some(b'"') {
                return match p.read_string()?.as_str() {
                    "NaN" => Ok(f64::NAN),
                    "Infinity" => Ok(f64::INFINITY),
                    "-Infinity" => Ok(f64::NEG_INFINITY),
                    other => Err(format!("expected a number, got \"{}\"", other)),
                };
            }
            let start = p.pos;
            while matches!(p.peek(), Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')) {
                p.pos += 1;
            }
            let text = std::str::from_utf8(&p.text[start..p.pos]).unwrap_or("");
            match text.parse::<f64>() {
                Ok(value) => Ok(value),
                Err(_) => p.bad("a number"),
            }
        }
    }

    impl Encode for f64 {
        fn write(&self, w: &mut Writer) -> Result<(), String> {
            w.float(*self);
            Ok(())
        }
    }

    impl Decode for bool {
        fn read(p: &mut Parser) -> Result<Self, String> {
            let value = p.skip() == Some(b't');
            p.literal(if value { "true" } else { "false" })?;
            Ok(value)
        }
    }

    impl Encode for bool {
        fn write(&self, w: &mut Writer) -> Result<(), String> {
            w.raw(if *self { "true" } else { "false" });
            Ok(())
        }
    }

    impl Decode for String {
        fn read(p: &mut Parser) -> Result<Self, String> {
            p.read_string()
        }
    }

    impl Encode for String {
        fn write(&self, w: &mut Writer) -> Result<(), String> {
            w.string(self);
            Ok(())
        }
    }

    impl Decode for char {
        fn read(p: &mut Parser) -> Result<Self, String> {
            let text = p.read_string()?;
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(format!("expected a char, got \"{}\"", text)),
            }
        }
    }

    impl Encode for char {
        fn write(&self, w: &mut Writer) -> Result<(), String> {
            w.string(self.encode_utf8(&mut [0; 4]));
            Ok(())
        }
    }

    impl<T: Decode> Decode for Vec<T> {
        fn read(p: &mut Parser) -> Result<Self, String> {
            let mut items = Vec::new();
            let mut more = p.start_array()?;
            while more {
                items.push(T::read(p)?);
                more = p.more()?;
            }
            Ok(items)
        }
    }

    impl<T: Encode> Encode for Vec<T> {
        fn write(&self, w: &mut Writer) -> Result<(), String> {
            w.raw("[");
            for (index, item) in self.iter().enumerate() {
                if index > 0 {
                    w.raw(",");
                }
                item.write(w)?;
            }
            w.raw("]");
            Ok(())
        }
    }

    impl<T: Encode> Encode for &T {
        fn write(&self, w: &mut Writer) -> Result<(), String> {
            (**self).write(w)
        }
    }

    //@begin ListNode
    impl Decode for Option<Box<ListNode>> {
        fn read(p: &mut Parser) -> Result<Self, String> {
            let values = Vec::<i32>::read(p)?;
            let mut head = None;
            for &value in values.iter().rev() {
                let mut node = Box::new(ListNode::new(value));
                node.next = head;
                head = Some(node);
            }
            Ok(head)
        }
    }

    impl Encode for Option<Box<ListNode>> {
        fn write(&self, w: &mut Writer) -> Result<(), String> {
            w.raw("[");
            let mut count = 0;
            let mut node = self.as_ref();
            while let Some(current) = node {
                count += 1;
                if count > MAX_NODES {
                    return Err("ListNode has a cycle".to_string());
                }
                if count > 1 {
                    w.raw(",");
                }
                w.integer(i64::from(current.val));
                node = current.next.as_ref();
            }
            w.raw("]");
            Ok(())
        }
    }
    //@end ListNode

    //@begin TreeNode
    impl Decode for Option<Rc<RefCell<TreeNode>>> {
        fn read(p: &mut Parser) -> Result<Self, String> {
            if !p.start_array()? {
                return Ok(None);
            }
            let root = Rc::new(RefCell::new(TreeNode::new(i32::read(p)?)));
            let mut queue = vec![root.clone()];
            let (mut head, mut left) = (0, true);
            while p.more()? {
                let node = if p.read_null()? { None } else { Some(Rc::new(RefCell::new(TreeNode::new(i32::read(p)?)))) };
                if head == queue.len() {
                    if node.is_some() {
                        return Err("a tree node without a parent".to_string());
                    }
                    continue; // trailing nulls
                }
                if let Some(node) = &node {
                    queue.push(node.clone());
                }
                if left {
                    queue[head].borrow_mut().left = node;
                } else {
                    queue[head].borrow_mut().right = node;
                    head += 1;
                }
                left = !left;
            }
            Ok(Some(root))
        }
    }

    impl Encode for Option<Rc<RefCell<TreeNode>>> {
        fn write(&self, w: &mut Writer) -> Result<(), String> {
            let mut order = vec![self.clone()];
            let mut end = 0;
            let mut index = 0;
            while index < order.len() {
                if let Some(node) = order[index].clone() {
                    if index / 2 > MAX_NODES {
                        return Err("TreeNode has a cycle".to_string());
                    }
                    end = index + 1;
                    let node = node.borrow();
                    order.push(node.left.clone());
                    order.push(node.right.clone());
                }
                index += 1;
            }
            w.raw("[");
            for (index, node) in order[..end].iter().enumerate() {
                if index > 0 {
                    w.raw(",");
                }
                match node {
                    Some(node) => w.integer(i64::from(node.borrow().val)),
                    None => w.raw("null"),
                }
            }
            w.raw("]");
            Ok(())
        }
    }
    //@end TreeNode

    //@begin NestedInteger
    /// An int, or a list of ints and such lists, as LeetCode's NestedInteger (a parameter type only).
    impl Decode for NestedInteger {
        fn read(p: &mut Parser) -> Result<Self, String> {
            if p.skip() == Some(b'[') {
                Ok(NestedInteger::List(Vec::<NestedInteger>::read(p)?))
            } else {
                Ok(NestedInteger::Int(i32::read(p)?))
            }
        }
    }
    //@end NestedInteger

    //@begin Node
    /// LeetCode's graph as an adjacency list: item i holds the values of node i+1's neighbours; node 1 stands for it.
    impl Decode for Option<Rc<RefCell<Node>>> {
        fn read(p: &mut Parser) -> Result<Self, String> {
            let rows = Vec::<Vec<i32>>::read(p)?;
            let nodes: Vec<Rc<RefCell<Node>>> =
                (0..rows.len()).map(|index| Rc::new(RefCell::new(Node::new(index as i32 + 1)))).collect();
            for (node, row) in nodes.iter().zip(&rows) {
                for &value in row {
                    if value < 1 || value as usize > nodes.len() {
                        return Err("a Node neighbour is not a node of the graph".to_string());
                    }
                    node.borrow_mut().neighbors.push(nodes[value as usize - 1].clone());
                }
            }
            Ok(nodes.first().cloned())
        }
    }

    type Graph = Rc<RefCell<Node>>;

    /// Records `node` under its value: false if another node has that value or it cannot be one of 1..n.
    fn meet(node: &Graph, by_value: &mut Vec<Option<Graph>>, queue: &mut Vec<Graph>) -> bool {
        let value = match node.try_borrow() {
            Ok(node) => node.val,
            Err(_) => return false,
        };
        if value < 1 || value as usize > MAX_NODES {
            return false;
        }
        let slot = value as usize - 1;
        if by_value.len() <= slot {
            by_value.resize(slot + 1, None);
        }
        if let Some(known) = &by_value[slot] {
            return Rc::ptr_eq(known, node);
        }
        by_value[slot] = Some(node.clone());
        queue.push(node.clone());
        true
    }

    /// The graph reachable from the node, by value; null unless its values are 1..n, once each.
    impl Encode for Option<Rc<RefCell<Node>>> {
        fn write(&self, w: &mut Writer) -> Result<(), String> {
            let (mut by_value, mut queue) = (Vec::new(), Vec::new());
            let mut ok = self.as_ref().map_or(true, |start| meet(start, &mut by_value, &mut queue));
            let mut index = 0;
            while ok && index < queue.len() {
                let neighbors = queue[index].borrow().neighbors.clone();
                ok = neighbors.iter().all(|next| meet(next, &mut by_value, &mut queue));
                index += 1;
            }
            if !ok || by_value.len() != queue.len() {
                w.raw("null");
                return Ok(());
            }
            w.raw("[");
            for (index, node) in by_value.iter().flatten().enumerate() {
                if index > 0 {
                    w.raw(",");
                }
                w.raw("[");
                for (position, next) in node.borrow().neighbors.iter().enumerate() {
                    if position > 0 {
                        w.raw(",");
                    }
                    w.integer(i64::from(next.borrow().val));
                }
                w.raw("]");
            }
            w.raw("]");
            Ok(())
        }
    }
    //@end Node

    /// The process's CPU time in nanoseconds (clock_gettime(CLOCK_PROCESS_CPUTIME_ID), from the C library std links).
    fn cpu_nanoseconds() -> i64 {
        #[repr(C)]
        struct Timespec {
            seconds: i64,
            nanoseconds: i64,
        }
        extern "C" {
            fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
        }
        let mut time = Timespec { seconds: 0, nanoseconds: 0 };
        unsafe { clock_gettime(2, &mut time) };
        time.seconds * 1_000_000_000 + time.nanoseconds
    }

    /// Run the user's call, timed; a panic becomes its message.
    fn call<T, F: FnOnce() -> T>(f: F) -> (f64, Result<T, String>) {
        let start = cpu_nanoseconds();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
        let seconds = (cpu_nanoseconds() - start) as f64 / 1e9;
        let message = || PANIC.with(|last| last.borrow_mut().take()).unwrap_or_else(|| "panicked".to_string());
        (seconds, outcome.map_err(|_| message()))
    }

    /// Write the result line: the value, or the error when the call panicked or the value cannot be encoded.
    fn finish<T: Encode>(w: &mut Writer, seconds: f64, outcome: Result<T, String>) -> bool {
        w.buf.clear();
        w.raw("{\"v\": ");
        let failure = match outcome {
            Ok(value) => value.write(w).err(),
            Err(message) => Some(message),
        };
        if let Some(message) = &failure {
            w.buf.clear();
            w.raw("{\"e\": ");
            w.string(message);
        }
        w.raw(", \"t\": ");
        w.float(seconds);
        w.raw("}\n");
        failure.is_none()
    }

    fn record_panic(info: &std::panic::PanicInfo) {
        let payload = info.payload();
        let text = match (payload.downcast_ref::<&str>(), payload.downcast_ref::<String>()) {
            (Some(text), _) => text.to_string(),
            (None, Some(text)) => text.clone(),
            (None, None) => "Box<dyn Any>".to_string(),
        };
        let message = match info.location() {
            Some(at) => {
                let file = at.file().rsplit('/').next().unwrap_or("");
                format!("panicked at '{}', {}:{}:{}", text, file, at.line(), at.column())
            }
            None => format!("panicked at '{}'", text),
        };
        PANIC.with(|last| *last.borrow_mut() = Some(message));
    }

    @TEST@

    /// Run mode: the user's buffered prints go out, then the marker where the next test's prints begin, through
    /// stdout itself, so it falls exactly between two tests' prints.
    fn mark_case(mark: &str) {
        let mut out = std::io::stdout().lock();
        let _ = out.flush();
        let _ = out.write_all(mark.as_bytes());
        let _ = out.flush();
    }

    /// The harness's thread: its exit status.
    fn run() -> i32 {
        let mut results = unsafe { std::fs::File::from_raw_fd(3) };
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        let mut line = Vec::new();
        let mut w = Writer { buf: Vec::new() };
        let mut number = 0;
        // Run mode's per-run boundary between two tests' prints (docs/harness-protocol.md); None when judging.
        let case_mark = std::env::var("JUDGED_CASE_MARK").ok();
        std::env::remove_var("JUDGED_CASE_MARK");
        loop {
            line.clear();
            match input.read_until(b'\n', &mut line) {
                Ok(0) => return 0,
                Ok(_) => {}
                Err(error) => {
                    eprintln!("harness: cannot read the tests: {}", error);
                    return 3;
                }
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            number += 1;
            if let Some(mark) = &case_mark {
                mark_case(mark);
            }
            match test(&mut Parser { text: &line, pos: 0 }, &mut w) {
                Err(message) => {
                    eprintln!("harness: cannot decode test {}: {}", number, message);
                    return 3;
                }
                Ok(passed) => {
                    if results.write_all(&w.buf).is_err() {
                        return 2;
                    }
                    if !passed {
                        return 1;
                    }
                }
            }
        }
    }

    pub fn main() {
        std::panic::set_hook(Box::new(record_panic));
        let status = match std::thread::Builder::new().stack_size(STACK_BYTES).spawn(run) {
            Ok(thread) => thread.join().unwrap_or(101),
            Err(error) => {
                eprintln!("harness: cannot start its thread: {}", error);
                2
            }
        };
        let _ = std::io::stdout().flush();
        std::process::exit(status);
    }
}

fn main() {
    judged_harness::main();
}
