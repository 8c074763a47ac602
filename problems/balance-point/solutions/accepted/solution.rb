# @param {Integer[]} weights
# @return {Integer}
def balance_point(weights)
    right = weights.sum
    left = 0
    weights.each_with_index do |w, i|
        right -= w
        return i if left == right
        left += w
    end
    -1
end
