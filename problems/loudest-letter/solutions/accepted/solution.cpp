class Solution {
public:
    char loudestLetter(string message) {
        array<int, 26> counts{};
        for (char c : message) {
            if (isalpha((unsigned char)c)) counts[tolower((unsigned char)c) - 'a']++;
        }
        int best = max_element(counts.begin(), counts.end()) - counts.begin();
        return counts[best] ? char('a' + best) : '?';
    }
};
