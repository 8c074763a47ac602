# @param {Integer[]} rain
# @param {Integer} k
# @return {Integer}
def heaviest_window(rain, k)
    window = rain[0, k].sum
    best = window
    (k...rain.length).each do |i|
        window += rain[i] - rain[i - k]
        best = window if window > best
    end
    best
end
