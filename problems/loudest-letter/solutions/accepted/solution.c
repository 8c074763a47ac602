char loudestLetter(char* message) {
    int counts[26] = {0};
    for (char* p = message; *p; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
        if (c >= 'a' && c <= 'z') counts[c - 'a']++;
    }
    int best = 0;
    for (int i = 1; i < 26; i++) {
        if (counts[i] > counts[best]) best = i;
    }
    return counts[best] ? 'a' + best : '?';
}
