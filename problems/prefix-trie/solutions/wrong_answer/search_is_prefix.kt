// search answers whether the word is a prefix, not a word.
class Trie() {
    private val words = HashSet<String>()

    fun insert(word: String) {
        words.add(word)
    }

    fun search(word: String): Boolean = words.any { it.startsWith(word) }

    fun startsWith(prefix: String): Boolean = words.any { it.startsWith(prefix) }
}
