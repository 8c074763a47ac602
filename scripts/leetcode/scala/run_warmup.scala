// A function problem's run as judged starts it, for the CDS archive of the run's classes (run.jsa): compiled into
// judged-harness.jar beside the runtime (its package keeps it apart from a user's classes) and run once by
// scripts/leetcode_libraries.sh on a line of tests, so Scala's collections and the harness load from the archive.
package judged.warmup

import scala.collection.mutable

object Solution {
  def warm(nums: Array[Int], words: List[String], grid: Array[Array[Int]], big: Long, x: Double): List[List[Int]] = {
    val seen = mutable.HashMap[Int, Int]()
    val heap = mutable.PriorityQueue[Int]()
    for ((v, i) <- nums.zipWithIndex) seen(v) = i
    heap ++= nums
    val rows = grid.map(_.toList).toList
    (rows :+ List(words.map(_.length).sum, heap.size, (big % 7).toInt, x.toInt)).map(_.sorted)
  }
}

object Main {
  def main(args: Array[String]): Unit = judged.Harness.run(
    judged.Version.SourceSha, "judged.warmup.Solution", "warm",
    Array("int[]", "string[]", "int[][]", "long", "double"), "int[][]"
  )
}
