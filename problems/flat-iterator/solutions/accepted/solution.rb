class Vector2D

=begin
    :type vec: Integer[][]
=end
    def initialize(vec)
        @values = vec.flatten
        @index = 0
    end


=begin
    :rtype: Integer
=end
    def next()
        value = @values[@index]
        @index += 1
        value
    end


=begin
    :rtype: Boolean
=end
    def has_next()
        @index < @values.length
    end


end

# Your Vector2D object will be instantiated and called as such:
# obj = Vector2D.new(vec)
# param_1 = obj.next()
# param_2 = obj.has_next()
