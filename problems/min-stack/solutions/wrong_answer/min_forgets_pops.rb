# The minimum is the smallest value ever pushed: popping it does not bring the previous one back.
class MinStack
    def initialize()
        @items = []
        @smallest = nil
    end

    def push(val)
        @items.push(val)
        @smallest = val if @smallest.nil? || val < @smallest
    end

    def pop()
        @items.pop
    end

    def top()
        @items.last
    end

    def get_min()
        @smallest
    end
end
