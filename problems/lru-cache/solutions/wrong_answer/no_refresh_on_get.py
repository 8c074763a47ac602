class LRUCache:
    """Evicts the least recently *written* key: a get does not count as a use."""

    def __init__(self, capacity: int):
        self.capacity = capacity
        self.items = {}

    def get(self, key: int) -> int:
        return self.items.get(key, -1)

    def put(self, key: int, value: int) -> None:
        self.items.pop(key, None)
        self.items[key] = value
        if len(self.items) > self.capacity:
            del self.items[next(iter(self.items))]
