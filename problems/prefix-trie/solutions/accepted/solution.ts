class TrieNode {
    children = new Map<string, TrieNode>();
    end = false;
}

class Trie {
    private root = new TrieNode();

    constructor() {
    }

    insert(word: string): void {
        let node = this.root;
        for (const letter of word) {
            if (!node.children.has(letter)) node.children.set(letter, new TrieNode());
            node = node.children.get(letter)!;
        }
        node.end = true;
    }

    private find(text: string): TrieNode | null {
        let node = this.root;
        for (const letter of text) {
            node = node.children.get(letter);
            if (node === undefined) return null;
        }
        return node;
    }

    search(word: string): boolean {
        const node = this.find(word);
        return node !== null && node.end;
    }

    startsWith(prefix: string): boolean {
        return this.find(prefix) !== null;
    }
}

/**
 * Your Trie object will be instantiated and called as such:
 * var obj = new Trie()
 * obj.insert(word)
 * var param_2 = obj.search(word)
 * var param_3 = obj.startsWith(prefix)
 */
