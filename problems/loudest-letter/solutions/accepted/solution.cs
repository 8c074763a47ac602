public class Solution {
    public char LoudestLetter(string message) {
        var counts = new int[26];
        foreach (char c in message.ToLowerInvariant()) {
            if (c >= 'a' && c <= 'z') counts[c - 'a']++;
        }
        int best = 0;
        for (int i = 1; i < 26; i++) {
            if (counts[i] > counts[best]) best = i;
        }
        return counts[best] > 0 ? (char)('a' + best) : '?';
    }
}
