/* judged_arrays.h: C arrays in LeetCode's C form, to and from JSON (the C++ harness uses vectors instead).
 *
 * A 1-D array is a malloc'ed block of items and an int length (`int* nums,
 * int numsSize`); a 2-D array a block of row pointers, its length and a block
 * of row lengths (`int** grid, int gridSize, int* gridColSize`). A block read
 * has one extra zeroed item after the last, so a char[] is also a C string.
 * Strings are char* (NUL-terminated). The harness never frees what it passed
 * to the user's function: a C solution may keep it, free it or realloc it.
 *
 * Each item type NAME has four helpers that the generic functions call:
 * judged_read_NAME_item / judged_put_NAME_item for one item, and
 * judged_read_NAME_row / judged_put_NAME_row for one row of a 2-D array.
 *
 * Needs judged_json.h first.
 */
#ifndef JUDGED_ARRAYS_H
#define JUDGED_ARRAYS_H

typedef void (*judged_item_reader)(judged_reader *r, void *item);
typedef void (*judged_row_reader)(judged_reader *r, void *row, int *length);
typedef void (*judged_item_writer)(judged_buffer *b, const void *item);
typedef void (*judged_row_writer)(judged_buffer *b, const void *row, int length);

/* An array of items of `size` bytes; its length in *length. */
JUDGED_FN void *judged_read_array(judged_reader *r, size_t size, judged_item_reader read, int *length) {
    size_t capacity = 4, count;
    char *items = (char *)judged_alloc(capacity, size);
    judged_array_begin(r, &count);
    while (judged_array_next(r, &count)) {
        if (count == capacity) { /* room for this item and the zeroed one after the last */
            capacity *= 2;
            items = (char *)judged_realloc(items, capacity, size);
        }
        if (count > INT_MAX) judged_input_error(r, "array too long");
        read(r, items + (count - 1) * size);
    }
    memset(items + count * size, 0, size);
    *length = (int)count;
    return items;
}

/* An array of arrays: the row pointers (returned), their number in *rows, the row lengths in *columns. */
JUDGED_FN void *judged_read_matrix(judged_reader *r, judged_row_reader read, int *rows, int **columns) {
    size_t capacity = 4, count;
    char *items = (char *)judged_alloc(capacity, sizeof(void *));
    int *lengths = (int *)judged_alloc(capacity, sizeof(int));
    judged_array_begin(r, &count);
    while (judged_array_next(r, &count)) {
        if (count == capacity) {
            capacity *= 2;
            items = (char *)judged_realloc(items, capacity, sizeof(void *));
            lengths = (int *)judged_realloc(lengths, capacity, sizeof(int));
        }
        if (count > INT_MAX) judged_input_error(r, "array too long");
        read(r, items + (count - 1) * sizeof(void *), &lengths[count - 1]);
    }
    memset(items + count * sizeof(void *), 0, sizeof(void *));
    lengths[count] = 0;
    *rows = (int)count;
    *columns = lengths;
    return items;
}

/* `length` items of `size` bytes; a NULL block with items in it (a solution's bug) is written as null. */
JUDGED_FN void judged_put_array(judged_buffer *b, const void *items, int length, size_t size, judged_item_writer put) {
    if (!items && length > 0) {
        judged_put_null(b);
        return;
    }
    judged_put_byte(b, '[');
    for (int i = 0; i < length; i++) {
        if (i) judged_put_byte(b, ',');
        put(b, (const char *)items + (size_t)i * size);
    }
    judged_put_byte(b, ']');
}

JUDGED_FN void judged_put_matrix(judged_buffer *b, const void *rows, int count, const int *columns, judged_row_writer put) {
    if ((!rows || !columns) && count > 0) {
        judged_put_null(b);
        return;
    }
    judged_put_byte(b, '[');
    for (int i = 0; i < count; i++) {
        if (i) judged_put_byte(b, ',');
        put(b, (const char *)rows + (size_t)i * sizeof(void *), columns[i]);
    }
    judged_put_byte(b, ']');
}

#define JUDGED_ARRAY_HELPERS(T, NAME)                                                                \
    JUDGED_FN void judged_read_##NAME##_item(judged_reader *r, void *item) {                        \
        *(T *)item = judged_read_##NAME(r);                                                          \
    }                                                                                                \
    JUDGED_FN void judged_put_##NAME##_item(judged_buffer *b, const void *item) {                   \
        judged_put_##NAME(b, *(T const *)item);                                                      \
    }                                                                                                \
    JUDGED_FN void judged_read_##NAME##_row(judged_reader *r, void *row, int *length) {             \
        *(T **)row = (T *)judged_read_array(r, sizeof(T), judged_read_##NAME##_item, length);        \
    }                                                                                                \
    JUDGED_FN void judged_put_##NAME##_row(judged_buffer *b, const void *row, int length) {         \
        judged_put_array(b, *(T *const *)row, length, sizeof(T), judged_put_##NAME##_item);          \
    }

JUDGED_ARRAY_HELPERS(int, int)
JUDGED_ARRAY_HELPERS(long long, long)
JUDGED_ARRAY_HELPERS(double, double)
JUDGED_ARRAY_HELPERS(bool, bool)
JUDGED_ARRAY_HELPERS(char, char)
JUDGED_ARRAY_HELPERS(char *, cstring)

#endif /* JUDGED_ARRAYS_H */
