#define BUCKETS 4096

typedef struct Entry {
    char* key;
    int size;
    int capacity;
    int* times;
    char** values;
    struct Entry* next;
} Entry;

typedef struct {
    Entry* buckets[BUCKETS];
} TimeMap;

static unsigned timeMapHash(const char* key) {
    unsigned h = 5381;
    while (*key) h = h * 33 + (unsigned char)*key++;
    return h % BUCKETS;
}

static Entry* timeMapFind(TimeMap* obj, const char* key, bool create) {
    unsigned h = timeMapHash(key);
    for (Entry* e = obj->buckets[h]; e; e = e->next) {
        if (strcmp(e->key, key) == 0) return e;
    }
    if (!create) return NULL;
    Entry* e = calloc(1, sizeof(Entry));
    e->key = strdup(key);
    e->next = obj->buckets[h];
    obj->buckets[h] = e;
    return e;
}


TimeMap* timeMapCreate() {
    return calloc(1, sizeof(TimeMap));
}

void timeMapSet(TimeMap* obj, char* key, char* value, int timestamp) {
    Entry* e = timeMapFind(obj, key, true);
    if (e->size == e->capacity) {
        e->capacity = e->capacity ? 2 * e->capacity : 4;
        e->times = realloc(e->times, sizeof(int) * e->capacity);
        e->values = realloc(e->values, sizeof(char*) * e->capacity);
    }
    e->times[e->size] = timestamp;
    e->values[e->size] = strdup(value);
    e->size++;
}

char* timeMapGet(TimeMap* obj, char* key, int timestamp) {
    Entry* e = timeMapFind(obj, key, false);
    if (!e) return "";
    int low = 0, high = e->size;
    while (low < high) {
        int mid = (low + high) / 2;
        if (e->times[mid] <= timestamp) low = mid + 1;
        else high = mid;
    }
    return low == 0 ? "" : e->values[low - 1];
}

void timeMapFree(TimeMap* obj) {
    for (int i = 0; i < BUCKETS; i++) {
        for (Entry* e = obj->buckets[i]; e;) {
            Entry* next = e->next;
            for (int j = 0; j < e->size; j++) free(e->values[j]);
            free(e->values);
            free(e->times);
            free(e->key);
            free(e);
            e = next;
        }
    }
    free(obj);
}
