use std::rc::Rc;
use std::cell::RefCell;
impl Solution {
    pub fn level_sums(root: Option<Rc<RefCell<TreeNode>>>) -> Vec<i64> {
        let mut sums = Vec::new();
        let mut level: Vec<Rc<RefCell<TreeNode>>> = root.into_iter().collect();
        while !level.is_empty() {
            let mut sum = 0i64;
            let mut next = Vec::new();
            for node in &level {
                let node = node.borrow();
                sum += node.val as i64;
                if let Some(left) = &node.left {
                    next.push(Rc::clone(left));
                }
                if let Some(right) = &node.right {
                    next.push(Rc::clone(right));
                }
            }
            sums.push(sum);
            level = next;
        }
        sums
    }
}
