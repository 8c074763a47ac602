class Trie() {
    private class Node {
        val children = arrayOfNulls<Node>(26)
        var isEnd = false
    }

    private val root = Node()

    fun insert(word: String) {
        var node = root
        for (c in word) {
            val i = c - 'a'
            if (node.children[i] == null) node.children[i] = Node()
            node = node.children[i]!!
        }
        node.isEnd = true
    }

    fun search(word: String): Boolean {
        return find(word)?.isEnd == true
    }

    fun startsWith(prefix: String): Boolean {
        return find(prefix) != null
    }

    private fun find(s: String): Node? {
        var node: Node? = root
        for (c in s) node = node?.children?.get(c - 'a') ?: return null
        return node
    }

}

/**
 * Your Trie object will be instantiated and called as such:
 * var obj = Trie()
 * obj.insert(word)
 * var param_2 = obj.search(word)
 * var param_3 = obj.startsWith(prefix)
 */
