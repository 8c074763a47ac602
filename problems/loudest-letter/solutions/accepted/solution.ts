function loudestLetter(message: string): string {
    const counts = new Array(26).fill(0);
    for (const c of message.toLowerCase()) {
        if (c >= 'a' && c <= 'z') counts[c.charCodeAt(0) - 97]++;
    }
    let best = 0;
    for (let i = 1; i < 26; i++) {
        if (counts[i] > counts[best]) best = i;
    }
    return counts[best] > 0 ? String.fromCharCode(97 + best) : '?';
};
