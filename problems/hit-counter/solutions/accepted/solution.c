typedef struct {
    int* hits;
    int first;
    int size;
    int capacity;
} HitCounter;


HitCounter* hitCounterCreate() {
    HitCounter* obj = calloc(1, sizeof(HitCounter));
    obj->capacity = 64;
    obj->hits = malloc(sizeof(int) * obj->capacity);
    return obj;
}

void hitCounterHit(HitCounter* obj, int timestamp) {
    if (obj->size == obj->capacity) {
        obj->capacity *= 2;
        obj->hits = realloc(obj->hits, sizeof(int) * obj->capacity);
    }
    obj->hits[obj->size++] = timestamp;
}

int hitCounterGetHits(HitCounter* obj, int timestamp) {
    while (obj->first < obj->size && obj->hits[obj->first] <= timestamp - 300) obj->first++;
    return obj->size - obj->first;
}

void hitCounterFree(HitCounter* obj) {
    free(obj->hits);
    free(obj);
}
