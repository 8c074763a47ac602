/* The minimum is the smallest value ever pushed: a pop never gives a larger one back. */
typedef struct {
    int* values;
    int* mins;
    int size;
    int capacity;
    int least;
} MinStack;


MinStack* minStackCreate() {
    MinStack* obj = malloc(sizeof(MinStack));
    obj->size = 0;
    obj->capacity = 16;
    obj->least = 2147483647;
    obj->values = malloc(sizeof(int) * obj->capacity);
    obj->mins = malloc(sizeof(int) * obj->capacity);
    return obj;
}

void minStackPush(MinStack* obj, int val) {
    if (obj->size == obj->capacity) {
        obj->capacity *= 2;
        obj->values = realloc(obj->values, sizeof(int) * obj->capacity);
        obj->mins = realloc(obj->mins, sizeof(int) * obj->capacity);
    }
    if (val < obj->least) obj->least = val;
    int smallest = obj->least;
    obj->values[obj->size] = val;
    obj->mins[obj->size] = smallest;
    obj->size++;
}

void minStackPop(MinStack* obj) {
    obj->size--;
}

int minStackTop(MinStack* obj) {
    return obj->values[obj->size - 1];
}

int minStackGetMin(MinStack* obj) {
    return obj->mins[obj->size - 1];
}

void minStackFree(MinStack* obj) {
    free(obj->values);
    free(obj->mins);
    free(obj);
}

/**
 * Your MinStack struct will be instantiated and called as such:
 * MinStack* obj = minStackCreate();
 * minStackPush(obj, val);
 
 * minStackPop(obj);
 
 * int param_3 = minStackTop(obj);
 
 * int param_4 = minStackGetMin(obj);
 
 * minStackFree(obj);
*/
