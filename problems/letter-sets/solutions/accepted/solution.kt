class Solution {
    fun groupByLetters(words: Array<String>): List<List<String>> {
        val groups = LinkedHashMap<Int, MutableList<String>>()
        for (word in words) {
            val mask = word.fold(0) { m, c -> m or (1 shl (c - 'a')) }
            groups.getOrPut(mask) { mutableListOf() }.add(word)
        }
        return groups.values.toList()
    }
}
