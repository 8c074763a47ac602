// Definition for singly-linked list.
// #[derive(PartialEq, Eq, Clone, Debug)]
// pub struct ListNode {
//   pub val: i32,
//   pub next: Option<Box<ListNode>>
// }
impl Solution {
    pub fn weave_lists(first: Option<Box<ListNode>>, second: Option<Box<ListNode>>) -> Option<Box<ListNode>> {
        let mut values = Vec::new();
        let (mut a, mut b) = (first, second);
        while a.is_some() || b.is_some() {
            if let Some(node) = a {
                values.push(node.val);
                a = node.next;
            }
            if let Some(node) = b {
                values.push(node.val);
                b = node.next;
            }
        }
        let mut head = None;
        for &val in values.iter().rev() {
            let mut node = Box::new(ListNode::new(val));
            node.next = head;
            head = Some(node);
        }
        head
    }
}
