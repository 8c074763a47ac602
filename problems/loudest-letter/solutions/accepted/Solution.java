class Solution {
    public char loudestLetter(String message) {
        int[] counts = new int[26];
        for (char c : message.toLowerCase().toCharArray()) {
            if (c >= 'a' && c <= 'z') counts[c - 'a']++;
        }
        int best = 0;
        for (int i = 1; i < 26; i++) {
            if (counts[i] > counts[best]) best = i;
        }
        return counts[best] > 0 ? (char) ('a' + best) : '?';
    }
}
