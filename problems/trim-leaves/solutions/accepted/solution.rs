use std::rc::Rc;
use std::cell::RefCell;
impl Solution {
    pub fn trim_leaves(root: Option<Rc<RefCell<TreeNode>>>, rounds: i32) -> Option<Rc<RefCell<TreeNode>>> {
        fn height(node: &Option<Rc<RefCell<TreeNode>>>, rounds: i32) -> i32 {
            match node {
                None => 0,
                Some(rc) => {
                    let mut node = rc.borrow_mut();
                    let left = height(&node.left, rounds);
                    let right = height(&node.right, rounds);
                    if left <= rounds {
                        node.left = None;
                    }
                    if right <= rounds {
                        node.right = None;
                    }
                    1 + left.max(right)
                }
            }
        }
        if height(&root, rounds) > rounds { root } else { None }
    }
}
