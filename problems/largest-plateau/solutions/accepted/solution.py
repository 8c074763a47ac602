class Solution:
    def largestPlateau(self, heights: List[List[int]]) -> int:
        rows, cols = len(heights), len(heights[0]) if heights else 0
        seen = [[False] * cols for _ in range(rows)]
        best = 0
        for r in range(rows):
            for c in range(cols):
                if seen[r][c]:
                    continue
                seen[r][c] = True
                stack, size, height = [(r, c)], 0, heights[r][c]
                while stack:
                    y, x = stack.pop()
                    size += 1
                    for ny, nx in ((y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)):
                        if 0 <= ny < rows and 0 <= nx < cols and not seen[ny][nx] and heights[ny][nx] == height:
                            seen[ny][nx] = True
                            stack.append((ny, nx))
                best = max(best, size)
        return best
