# Stops at the first empty row: the values after it are never reached.
class Vector2D
    def initialize(vec)
        @vec = vec
        @row = 0
        @col = 0
    end

    def next()
        value = @vec[@row][@col]
        @col += 1
        if @col == @vec[@row].length
            @row += 1
            @col = 0
        end
        value
    end

    def has_next()
        @row < @vec.length && @col < @vec[@row].length
    end
end
