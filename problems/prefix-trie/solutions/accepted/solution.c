typedef struct Trie {
    struct Trie* next[26];
    bool word;
} Trie;


Trie* trieCreate() {
    return calloc(1, sizeof(Trie));
}

void trieInsert(Trie* obj, char* word) {
    for (; *word; word++) {
        int c = *word - 'a';
        if (!obj->next[c]) obj->next[c] = calloc(1, sizeof(Trie));
        obj = obj->next[c];
    }
    obj->word = true;
}

static Trie* trieFind(Trie* obj, const char* text) {
    for (; obj && *text; text++) obj = obj->next[*text - 'a'];
    return obj;
}

bool trieSearch(Trie* obj, char* word) {
    Trie* node = trieFind(obj, word);
    return node && node->word;
}

bool trieStartsWith(Trie* obj, char* prefix) {
    return trieFind(obj, prefix) != NULL;
}

void trieFree(Trie* obj) {
    for (int i = 0; i < 26; i++) {
        if (obj->next[i]) trieFree(obj->next[i]);
    }
    free(obj);
}
