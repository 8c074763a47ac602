object Largest extends App {
  val n = scala.io.StdIn.readLine().trim.toInt
  println(scala.io.StdIn.readLine().trim.split(" ").map(_.toLong).max)
}
