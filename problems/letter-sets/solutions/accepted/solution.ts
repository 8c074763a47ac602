function groupByLetters(words: string[]): string[][] {
    const groups = new Map();
    for (const word of words) {
        const key = [...new Set(word)].sort().join('');
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key).push(word);
    }
    return [...groups.values()];
};
