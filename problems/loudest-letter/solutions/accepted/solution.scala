object Solution {
    def loudestLetter(message: String): Char = {
        val counts = new Array[Int](26)
        for (c <- message.toLowerCase if c >= 'a' && c <= 'z') counts(c - 'a') += 1
        val best = counts.indices.foldLeft(0)((b, i) => if (counts(i) > counts(b)) i else b)
        if (counts(best) > 0) ('a' + best).toChar else '?'
    }
}
