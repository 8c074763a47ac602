class Trie
    def initialize()
        @root = {}
    end


=begin
    :type word: String
    :rtype: Void
=end
    def insert(word)
        node = word.each_char.reduce(@root) { |current, letter| current[letter] ||= {} }
        node[:end] = true
    end


=begin
    :type word: String
    :rtype: Boolean
=end
    def search(word)
        node = find(word)
        !node.nil? && node.key?(:end)
    end


=begin
    :type prefix: String
    :rtype: Boolean
=end
    def starts_with(prefix)
        !find(prefix).nil?
    end

    private

    def find(text)
        text.each_char.reduce(@root) do |node, letter|
            return nil unless node.key?(letter)
            node[letter]
        end
    end


end

# Your Trie object will be instantiated and called as such:
# obj = Trie.new()
# obj.insert(word)
# param_2 = obj.search(word)
# param_3 = obj.starts_with(prefix)
