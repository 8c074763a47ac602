# @param {String[]} words
# @return {String[][]}
def group_by_letters(words)
    words.group_by { |word| word.chars.to_set.sort.join }.values
end
