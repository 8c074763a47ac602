# @param {String} message
# @return {Character}
def loudest_letter(message)
    counts = Array.new(26, 0)
    message.downcase.each_char { |c| counts[c.ord - 97] += 1 if c >= 'a' && c <= 'z' }
    best = (0...26).max_by { |i| [counts[i], -i] }
    counts[best] > 0 ? (97 + best).chr : '?'
end
