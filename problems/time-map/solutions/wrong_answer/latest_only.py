class TimeMap:
    """Keeps only each key's latest value, whatever time is asked."""

    def __init__(self):
        self.latest = {}

    def set(self, key: str, value: str, timestamp: int) -> None:
        self.latest[key] = value

    def get(self, key: str, timestamp: int) -> str:
        return self.latest.get(key, "")
