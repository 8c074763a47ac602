// #[derive(Debug, PartialEq, Eq)]
// pub enum NestedInteger {
//   Int(i32),
//   List(Vec<NestedInteger>)
// }
impl Solution {
    pub fn depth_sum(nested_list: Vec<NestedInteger>) -> i32 {
        fn weigh(items: &[NestedInteger], depth: i32) -> i32 {
            items
                .iter()
                .map(|item| match item {
                    NestedInteger::Int(value) => value * depth,
                    NestedInteger::List(list) => weigh(list, depth + 1),
                })
                .sum()
        }
        weigh(&nested_list, 1)
    }
}
