class MinStack
    def initialize()
        @items = []  # [value, smallest so far]
    end


=begin
    :type val: Integer
    :rtype: Void
=end
    def push(val)
        smallest = @items.empty? ? val : [val, @items.last[1]].min
        @items.push([val, smallest])
    end


=begin
    :rtype: Void
=end
    def pop()
        @items.pop
    end


=begin
    :rtype: Integer
=end
    def top()
        @items.last[0]
    end


=begin
    :rtype: Integer
=end
    def get_min()
        @items.last[1]
    end


end

# Your MinStack object will be instantiated and called as such:
# obj = MinStack.new()
# obj.push(val)
# obj.pop()
# param_3 = obj.top()
# param_4 = obj.get_min()
