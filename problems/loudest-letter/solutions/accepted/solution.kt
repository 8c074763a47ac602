class Solution {
    fun loudestLetter(message: String): Char {
        val counts = IntArray(26)
        for (c in message.lowercase()) if (c in 'a'..'z') counts[c - 'a']++
        var best = 0
        for (i in 1 until 26) if (counts[i] > counts[best]) best = i
        return if (counts[best] > 0) 'a' + best else '?'
    }
}
