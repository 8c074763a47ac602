class TimeMap
    def initialize()
        @times = Hash.new { |hash, key| hash[key] = [] }
        @values = Hash.new { |hash, key| hash[key] = [] }
    end


=begin
    :type key: String
    :type value: String
    :type timestamp: Integer
    :rtype: Void
=end
    def set(key, value, timestamp)
        @times[key] << timestamp
        @values[key] << value
    end


=begin
    :type key: String
    :type timestamp: Integer
    :rtype: String
=end
    def get(key, timestamp)
        return "" unless @times.key?(key)
        index = @times[key].bsearch_index { |time| time > timestamp } || @times[key].length
        index.zero? ? "" : @values[key][index - 1]
    end


end

# Your TimeMap object will be instantiated and called as such:
# obj = TimeMap.new()
# obj.set(key, value, timestamp)
# param_2 = obj.get(key, timestamp)
