import scala.collection.mutable

object Solution {
    def groupByLetters(words: Array[String]): List[List[String]] = {
        val groups = mutable.LinkedHashMap[Int, mutable.ListBuffer[String]]()
        for (word <- words) {
            val mask = word.foldLeft(0)((m, c) => m | (1 << (c - 'a')))
            groups.getOrElseUpdate(mask, mutable.ListBuffer()) += word
        }
        groups.values.map(_.toList).toList
    }
}
