# @param {NestedInteger[]} nested_list
# @return {Integer}
def depth_sum(nested_list, depth = 1)
    nested_list.sum do |item|
        item.is_integer ? item.get_integer * depth : depth_sum(item.get_list, depth + 1)
    end
end
