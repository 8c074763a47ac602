import java.util.*;

class Solution {
    public String[][] groupByLetters(String[] words) {
        Map<Integer, List<String>> groups = new LinkedHashMap<>();
        for (String word : words) {
            int mask = 0;
            for (char c : word.toCharArray()) mask |= 1 << (c - 'a');
            groups.computeIfAbsent(mask, k -> new ArrayList<>()).add(word);
        }
        String[][] out = new String[groups.size()][];
        int i = 0;
        for (List<String> group : groups.values()) out[i++] = group.toArray(new String[0]);
        return out;
    }
}
