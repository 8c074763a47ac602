class Solution:
    def canBalance(self, n: int) -> bool:
        powers = []
        p = 1
        while p <= n:
            powers.append(p)
            p *= 3

        # Tries every subset of the weights: 2^40 of them for large n.
        def search(index: int, remaining: int) -> bool:
            if remaining == 0:
                return True
            if index == len(powers):
                return False
            return search(index + 1, remaining - powers[index]) or search(index + 1, remaining)

        return search(0, n)
