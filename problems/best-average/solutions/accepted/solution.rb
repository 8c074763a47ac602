# @param {Float[]} values
# @param {Integer} min_length
# @return {Float}
def best_average(values, min_length)
    n = values.length
    low, high = values.min, values.max
    prefix = Array.new(n + 1, 0.0)
    60.times do
        middle = (low + high) / 2
        n.times { |i| prefix[i + 1] = prefix[i] + values[i] - middle }
        lowest = Float::INFINITY
        reachable = false
        (min_length..n).each do |finish|
            lowest = [lowest, prefix[finish - min_length]].min
            if prefix[finish] - lowest >= 0
                reachable = true
                break
            end
        end
        if reachable then low = middle else high = middle end
    end
    low
end
