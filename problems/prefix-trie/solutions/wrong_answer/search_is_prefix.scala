// search answers whether the word is a prefix, not a word.
class Trie() {
  private val words = scala.collection.mutable.HashSet[String]()

  def insert(word: String): Unit = words += word

  def search(word: String): Boolean = words.exists(_.startsWith(word))

  def startsWith(prefix: String): Boolean = words.exists(_.startsWith(prefix))
}
