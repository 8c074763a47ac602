class Solution {
public:
    char loudestLetter(string message) {
        array<int, 26> counts{};
        for (char c : message) {
            if (isalpha((unsigned char)c)) counts[tolower((unsigned char)c) - 'a']++;
        }
        return pickLoudest(counts);
    }
};
