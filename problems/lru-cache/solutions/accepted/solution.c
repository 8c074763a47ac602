#define LRU_KEYS 10001

typedef struct {
    int capacity;
    int size;
    int value[LRU_KEYS];
    int prev[LRU_KEYS + 1];  /* a doubly linked list of keys, index LRU_KEYS the sentinel */
    int next[LRU_KEYS + 1];
    bool present[LRU_KEYS];
} LRUCache;

static void lruUnlink(LRUCache* obj, int key) {
    obj->next[obj->prev[key]] = obj->next[key];
    obj->prev[obj->next[key]] = obj->prev[key];
}

static void lruFront(LRUCache* obj, int key) {
    int head = LRU_KEYS;
    obj->prev[key] = head;
    obj->next[key] = obj->next[head];
    obj->prev[obj->next[head]] = key;
    obj->next[head] = key;
}


LRUCache* lRUCacheCreate(int capacity) {
    LRUCache* obj = calloc(1, sizeof(LRUCache));
    obj->capacity = capacity;
    obj->prev[LRU_KEYS] = obj->next[LRU_KEYS] = LRU_KEYS;
    return obj;
}

int lRUCacheGet(LRUCache* obj, int key) {
    if (!obj->present[key]) return -1;
    lruUnlink(obj, key);
    lruFront(obj, key);
    return obj->value[key];
}

void lRUCachePut(LRUCache* obj, int key, int value) {
    if (obj->present[key]) {
        lruUnlink(obj, key);
    } else {
        obj->present[key] = true;
        obj->size++;
    }
    obj->value[key] = value;
    lruFront(obj, key);
    if (obj->size > obj->capacity) {
        int last = obj->prev[LRU_KEYS];
        lruUnlink(obj, last);
        obj->present[last] = false;
        obj->size--;
    }
}

void lRUCacheFree(LRUCache* obj) {
    free(obj);
}

/**
 * Your LRUCache struct will be instantiated and called as such:
 * LRUCache* obj = lRUCacheCreate(capacity);
 * int param_1 = lRUCacheGet(obj, key);
 
 * lRUCachePut(obj, key, value);
 
 * lRUCacheFree(obj);
*/
