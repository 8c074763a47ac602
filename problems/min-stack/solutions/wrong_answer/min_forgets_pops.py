class MinStack:
    """Keeps one running minimum, which a pop never restores."""

    def __init__(self):
        self.items = []
        self.smallest = None

    def push(self, val: int) -> None:
        self.items.append(val)
        self.smallest = val if self.smallest is None else min(self.smallest, val)

    def pop(self) -> None:
        self.items.pop()

    def top(self) -> int:
        return self.items[-1]

    def getMin(self) -> int:
        return self.smallest
