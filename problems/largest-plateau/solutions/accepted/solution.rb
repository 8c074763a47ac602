# @param {Integer[][]} heights
# @return {Integer}
def largest_plateau(heights)
    rows = heights.length
    cols = rows.zero? ? 0 : heights[0].length
    seen = Array.new(rows) { Array.new(cols, false) }
    best = 0
    rows.times do |r|
        cols.times do |c|
            next if seen[r][c]
            seen[r][c] = true
            stack = [[r, c]]
            size = 0
            until stack.empty?
                y, x = stack.pop
                size += 1
                [[y + 1, x], [y - 1, x], [y, x + 1], [y, x - 1]].each do |ny, nx|
                    next if ny < 0 || ny >= rows || nx < 0 || nx >= cols
                    next if seen[ny][nx] || heights[ny][nx] != heights[r][c]
                    seen[ny][nx] = true
                    stack << [ny, nx]
                end
            end
            best = size if size > best
        end
    end
    best
end
