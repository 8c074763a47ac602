# @param {Integer[][]} grid
# @return {Integer[][]}
def rotate_grid(grid)
    return [] if grid.empty?
    grid.transpose.map(&:reverse)
end
