class Trie {
    struct Node {
        Node* next[26] = {};
        bool word = false;
    };
    Node* root;

    Node* find(const string& text) {
        Node* node = root;
        for (char c : text) {
            node = node->next[c - 'a'];
            if (!node) return nullptr;
        }
        return node;
    }

public:
    Trie() : root(new Node()) {}
    
    void insert(string word) {
        Node* node = root;
        for (char c : word) {
            if (!node->next[c - 'a']) node->next[c - 'a'] = new Node();
            node = node->next[c - 'a'];
        }
        node->word = true;
    }
    
    bool search(string word) {
        Node* node = find(word);
        return node && node->word;
    }
    
    bool startsWith(string prefix) {
        return find(prefix) != nullptr;
    }
};
