import scala.collection.mutable

class TrieNode {
  val children = mutable.HashMap[Char, TrieNode]()
  var isWord = false
}

class Trie() {
    private val root = new TrieNode

    def insert(word: String): Unit = {
        var node = root
        for (c <- word) node = node.children.getOrElseUpdate(c, new TrieNode)
        node.isWord = true
    }

    def search(word: String): Boolean = {
        find(word).exists(_.isWord)
    }

    def startsWith(prefix: String): Boolean = {
        find(prefix).isDefined
    }

    private def find(s: String): Option[TrieNode] =
        s.foldLeft(Option(root))((node, c) => node.flatMap(_.children.get(c)))

}
