object Main {
    def main(args: Array[String]): Unit = {
        val Array(a, b) = scala.io.Source.stdin.mkString.trim.split("\\s+").map(_.toLong)
        println(a + b)
    }
}
