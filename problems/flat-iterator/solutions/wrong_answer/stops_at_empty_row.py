class Vector2D:
    """Takes an empty row for the end."""

    def __init__(self, vec: List[List[int]]):
        self.vec = vec
        self.row = 0
        self.col = 0

    def next(self) -> int:
        while self.col == len(self.vec[self.row]):
            self.row += 1
            self.col = 0
        value = self.vec[self.row][self.col]
        self.col += 1
        return value

    def hasNext(self) -> bool:
        if self.row >= len(self.vec):
            return False
        if self.col < len(self.vec[self.row]):
            return True
        return self.row + 1 < len(self.vec) and len(self.vec[self.row + 1]) > 0
