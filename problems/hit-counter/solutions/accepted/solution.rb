class HitCounter
    def initialize()
        @hits = []
        @first = 0  # the oldest hit still in the window
    end


=begin
    :type timestamp: Integer
    :rtype: Void
=end
    def hit(timestamp)
        @hits << timestamp
    end


=begin
    :type timestamp: Integer
    :rtype: Integer
=end
    def get_hits(timestamp)
        @first += 1 while @first < @hits.length && @hits[@first] <= timestamp - 300
        @hits.length - @first
    end


end

# Your HitCounter object will be instantiated and called as such:
# obj = HitCounter.new()
# obj.hit(timestamp)
# param_2 = obj.get_hits(timestamp)
