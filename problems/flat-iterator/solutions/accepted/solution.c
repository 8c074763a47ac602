typedef struct {
    int** rows;
    int rowCount;
    int* sizes;
    int row;
    int col;
} Vector2D;


Vector2D* vector2DCreate(int** vec, int vecSize, int* vecColSize) {
    Vector2D* obj = malloc(sizeof(Vector2D));
    obj->rows = vec;
    obj->rowCount = vecSize;
    obj->sizes = vecColSize;
    obj->row = 0;
    obj->col = 0;
    return obj;
}

static void vector2DSkipEmpty(Vector2D* obj) {
    while (obj->row < obj->rowCount && obj->col == obj->sizes[obj->row]) {
        obj->row++;
        obj->col = 0;
    }
}

int vector2DNext(Vector2D* obj) {
    vector2DSkipEmpty(obj);
    return obj->rows[obj->row][obj->col++];
}

bool vector2DHasNext(Vector2D* obj) {
    vector2DSkipEmpty(obj);
    return obj->row < obj->rowCount;
}

void vector2DFree(Vector2D* obj) {
    free(obj);
}
