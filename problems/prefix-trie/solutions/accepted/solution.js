
var Trie = function() {
    this.root = new Map();
};

Trie.prototype.find = function(text) {
    let node = this.root;
    for (const letter of text) {
        node = node.get(letter);
        if (node === undefined) return undefined;
    }
    return node;
};

/** 
 * @param {string} word
 * @return {void}
 */
Trie.prototype.insert = function(word) {
    let node = this.root;
    for (const letter of word) {
        if (!node.has(letter)) node.set(letter, new Map());
        node = node.get(letter);
    }
    node.set('$', true);
};

/** 
 * @param {string} word
 * @return {boolean}
 */
Trie.prototype.search = function(word) {
    const node = this.find(word);
    return node !== undefined && node.has('$');
};

/** 
 * @param {string} prefix
 * @return {boolean}
 */
Trie.prototype.startsWith = function(prefix) {
    return this.find(prefix) !== undefined;
};
