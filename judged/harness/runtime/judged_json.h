/* judged_json.h: the JSON reader and writer of the C and C++ harnesses.
 *
 * Inlined by the generator into main.c / main.cpp ahead of the user's code,
 * so every name starts with judged_ (or JUDGED_) and every function is static
 * and marked unused (a signature uses only some of them; -Wall stays quiet).
 * It compiles as C (gnu11) and as C++ (gnu++17).
 *
 * Reading is typed and streaming: the generated main knows each argument's
 * type and calls the matching reader on one test line, which must be followed
 * by a NUL (getline's buffer is). Nothing recurses beyond the type's own
 * depth, so a hostile nesting cannot overflow the stack. A malformed line is
 * the judge's bug, never the user's: the message goes to stderr, exit status 3.
 *
 * Writing appends to a growing buffer: integers exact; doubles in 15
 * significant digits when those read back the same, else in 17, non-finite
 * ones as the strings "NaN", "Infinity", "-Infinity"; strings with JSON
 * escapes, valid UTF-8 passed through, and a byte that is not part of valid
 * UTF-8 written as \u00XX, so that a result line is always valid JSON.
 */
#ifndef JUDGED_JSON_H
#define JUDGED_JSON_H

#include <limits.h>
#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JUDGED_FN static __attribute__((unused))
#define JUDGED_INPUT_ERROR 3

/* ---- memory ---- */

JUDGED_FN void *judged_realloc(void *block, size_t count, size_t size) {
    void *grown = NULL;
    if (size == 0 || count <= (size_t)-1 / size) grown = realloc(block, count * size > 0 ? count * size : 1);
    if (!grown) {
        fputs("judged harness: out of memory\n", stderr);
        abort();
    }
    return grown;
}

JUDGED_FN void *judged_alloc(size_t count, size_t size) { return judged_realloc(NULL, count, size); }

/* ---- reading ---- */

typedef struct {
    const char *start; /* the line, for the column in a message */
    const char *p;     /* the next unread character */
    const char *end;   /* one past the last character; *end is NUL */
} judged_reader;

JUDGED_FN void judged_reader_init(judged_reader *r, const char *text, size_t length) {
    r->start = r->p = text;
    r->end = text + length;
}

JUDGED_FN void judged_input_error(const judged_reader *r, const char *what) {
    fprintf(stderr, "judged harness: bad test line at column %ld: %s\n", (long)(r->p - r->start) + 1, what);
    exit(JUDGED_INPUT_ERROR);
}

/* The next character that is not JSON whitespace, not consumed; -1 at the end. */
JUDGED_FN int judged_peek(judged_reader *r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')) r->p++;
    return r->p < r->end ? (unsigned char)*r->p : -1;
}

JUDGED_FN void judged_expect(judged_reader *r, char c) {
    if (judged_peek(r) != (unsigned char)c) {
        char message[32];
        snprintf(message, sizeof message, "expected '%c'", c);
        judged_input_error(r, message);
    }
    r->p++;
}

/* Consumes `word` (true, false, null) when it comes next. */
JUDGED_FN bool judged_accept(judged_reader *r, const char *word) {
    size_t length = strlen(word);
    if (judged_peek(r) != (unsigned char)word[0] || (size_t)(r->end - r->p) < length) return false;
    if (memcmp(r->p, word, length) != 0) return false;
    r->p += length;
    return true;
}

JUDGED_FN bool judged_read_null(judged_reader *r) { return judged_accept(r, "null"); }

/* Arrays: `size_t n; judged_array_begin(r, &n); while (judged_array_next(r, &n)) read item n - 1;` */
JUDGED_FN void judged_array_begin(judged_reader *r, size_t *count) {
    judged_expect(r, '[');
    *count = 0;
}

JUDGED_FN bool judged_array_next(judged_reader *r, size_t *count) {
    int c = judged_peek(r);
    if (c == ']') {
        r->p++;
        return false;
    }
    if (*count > 0) {
        if (c != ',') judged_input_error(r, "expected ',' or ']'");
        r->p++;
    }
    ++*count;
    return true;
}

JUDGED_FN long long judged_read_integer(judged_reader *r, long long low, long long high) {
    judged_peek(r);
    const char *p = r->p;
    bool negative = p < r->end && *p == '-';
    unsigned long long limit = negative ? (unsigned long long)LLONG_MAX + 1 : (unsigned long long)LLONG_MAX;
    unsigned long long magnitude = 0;
    if (negative) p++;
    if (p >= r->end || *p < '0' || *p > '9') judged_input_error(r, "expected an integer");
    for (; p < r->end && *p >= '0' && *p <= '9'; p++) {
        unsigned digit = (unsigned)(*p - '0');
        if (magnitude > (limit - digit) / 10) judged_input_error(r, "integer out of range");
        magnitude = magnitude * 10 + digit;
    }
    if (p < r->end && (*p == '.' || *p == 'e' || *p == 'E')) judged_input_error(r, "expected an integer");
    long long value = !negative ? (long long)magnitude
                      : magnitude > (unsigned long long)LLONG_MAX ? LLONG_MIN
                                                                  : -(long long)magnitude;
    if (value < low || value > high) judged_input_error(r, "integer out of range");
    r->p = p;
    return value;
}

JUDGED_FN int judged_read_int(judged_reader *r) { return (int)judged_read_integer(r, INT_MIN, INT_MAX); }

JUDGED_FN long long judged_read_long(judged_reader *r) { return judged_read_integer(r, LLONG_MIN, LLONG_MAX); }

JUDGED_FN bool judged_read_bool(judged_reader *r) {
    if (judged_accept(r, "true")) return true;
    if (!judged_accept(r, "false")) judged_input_error(r, "expected true or false");
    return false;
}

JUDGED_FN unsigned judged_hex4(judged_reader *r, const char *p) {
    unsigned value = 0;
    for (int i = 0; i < 4; i++, p++) {
        int c = (unsigned char)*p;
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (digit < 0) judged_input_error(r, "bad \\u escape");
        value = value * 16 + (unsigned)digit;
    }
    return value;
}

JUDGED_FN size_t judged_put_utf8(char *out, unsigned code) {
    if (code < 0x80) {
        out[0] = (char)code;
        return 1;
    }
    if (code < 0x800) {
        out[0] = (char)(0xC0 | code >> 6);
        out[1] = (char)(0x80 | (code & 0x3F));
        return 2;
    }
    if (code < 0x10000) {
        out[0] = (char)(0xE0 | code >> 12);
        out[1] = (char)(0x80 | (code >> 6 & 0x3F));
        out[2] = (char)(0x80 | (code & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | code >> 18);
    out[1] = (char)(0x80 | (code >> 12 & 0x3F));
    out[2] = (char)(0x80 | (code >> 6 & 0x3F));
    out[3] = (char)(0x80 | (code & 0x3F));
    return 4;
}

/* One \uXXXX escape (a surrogate pair takes two) at r->p, just after the backslash-u; its UTF-8 into out. */
JUDGED_FN size_t judged_unicode_escape(judged_reader *r, char *out) {
    if (r->end - r->p < 4) judged_input_error(r, "bad \\u escape");
    unsigned code = judged_hex4(r, r->p);
    r->p += 4;
    if (code >= 0xD800 && code < 0xDC00 && r->end - r->p >= 6 && r->p[0] == '\\' && r->p[1] == 'u') {
        unsigned low = judged_hex4(r, r->p + 2);
        if (low >= 0xDC00 && low < 0xE000) {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
            r->p += 6;
        }
    }
    return judged_put_utf8(out, code);
}

JUDGED_FN char judged_escaped(judged_reader *r, char c) {
    switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '/': return '/';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: judged_input_error(r, "bad escape"); return 0;
    }
}

/* A JSON string as a fresh malloc'ed NUL-terminated text; its length in bytes in *length. */
JUDGED_FN char *judged_read_string(judged_reader *r, size_t *length) {
    judged_expect(r, '"');
    const char *close = r->p; /* the decoded text is never longer than the raw text up to the closing quote */
    while (close < r->end && *close != '"') close += *close == '\\' ? 2 : 1;
    if (close >= r->end) judged_input_error(r, "unterminated string");
    char *text = (char *)judged_alloc((size_t)(close - r->p) + 1, 1);
    size_t n = 0;
    while (*r->p != '"') {
        unsigned char c = (unsigned char)*r->p++;
        if (c < 0x20) {
            r->p--;
            judged_input_error(r, "control character in a string");
        }
        if (c != '\\') {
            text[n++] = (char)c;
        } else if (*r->p == 'u') {
            r->p++;
            n += judged_unicode_escape(r, text + n);
        } else {
            text[n++] = judged_escaped(r, *r->p++);
        }
    }
    r->p++;
    text[n] = '\0';
    *length = n;
    return text;
}

JUDGED_FN char *judged_read_cstring(judged_reader *r) {
    size_t length;
    return judged_read_string(r, &length);
}

JUDGED_FN char judged_read_char(judged_reader *r) {
    size_t length;
    char *text = judged_read_string(r, &length);
    char c = text[0];
    free(text);
    if (length != 1) judged_input_error(r, "expected a string of one character");
    return c;
}

JUDGED_FN double judged_read_double(judged_reader *r) {
    if (judged_peek(r) == '"') {
        const char *at = r->p;
        if (judged_accept(r, "\"NaN\"")) return NAN;
        if (judged_accept(r, "\"Infinity\"")) return INFINITY;
        if (judged_accept(r, "\"-Infinity\"")) return -INFINITY;
        r->p = at;
        judged_input_error(r, "expected a number");
    }
    const char *p = r->p; /* the extent of a JSON number, so that strtod sees no hex, inf or nan */
    if (p < r->end && *p == '-') p++;
    if (p >= r->end || *p < '0' || *p > '9') judged_input_error(r, "expected a number");
    while (p < r->end && ((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' || *p == 'E' || *p == '+' || *p == '-'))
        p++;
    char *after;
    double value = strtod(r->p, &after);
    if (after != p) judged_input_error(r, "bad number");
    r->p = p;
    return value;
}

/* ---- writing ---- */

typedef struct {
    char *data;
    size_t length, capacity;
    const char *error; /* set by an encoder that must give up (a ListNode with a cycle) */
} judged_buffer;

JUDGED_FN void judged_reserve(judged_buffer *b, size_t extra) {
    if (b->length + extra <= b->capacity) return;
    size_t capacity = b->capacity ? b->capacity : 256;
    while (capacity < b->length + extra) capacity *= 2;
    b->data = (char *)judged_realloc(b->data, capacity, 1);
    b->capacity = capacity;
}

JUDGED_FN void judged_put_raw(judged_buffer *b, const char *text, size_t length) {
    judged_reserve(b, length);
    memcpy(b->data + b->length, text, length);
    b->length += length;
}

JUDGED_FN void judged_put_byte(judged_buffer *b, char c) {
    judged_reserve(b, 1);
    b->data[b->length++] = c;
}

JUDGED_FN void judged_put_text(judged_buffer *b, const char *text) { judged_put_raw(b, text, strlen(text)); }

JUDGED_FN void judged_put_null(judged_buffer *b) { judged_put_raw(b, "null", 4); }

JUDGED_FN void judged_put_bool(judged_buffer *b, bool value) {
    if (value)
        judged_put_raw(b, "true", 4);
    else
        judged_put_raw(b, "false", 5);
}

JUDGED_FN void judged_put_long(judged_buffer *b, long long value) {
    char digits[24];
    int n = 0;
    unsigned long long magnitude = value < 0 ? 0ULL - (unsigned long long)value : (unsigned long long)value;
    do {
        digits[n++] = (char)('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude);
    judged_reserve(b, (size_t)n + 1);
    if (value < 0) b->data[b->length++] = '-';
    while (n) b->data[b->length++] = digits[--n];
}

JUDGED_FN void judged_put_int(judged_buffer *b, int value) { judged_put_long(b, value); }

JUDGED_FN void judged_put_double(judged_buffer *b, double value) {
    if (isnan(value)) {
        judged_put_text(b, "\"NaN\"");
        return;
    }
    if (isinf(value)) {
        judged_put_text(b, value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        return;
    }
    if (fabs(value) < 1e15 && value == (double)(long long)value && !(value == 0 && signbit(value))) {
        judged_put_long(b, (long long)value); /* a whole number, the common case, without printf */
        judged_put_raw(b, ".0", 2);
        return;
    }
    char text[40]; /* 15 digits when they read back the same (0.1, not 0.10000000000000001), else 17 */
    snprintf(text, sizeof text, "%.15g", value);
    if (strtod(text, NULL) != value) snprintf(text, sizeof text, "%.17g", value);
    judged_put_text(b, text);
    if (!strpbrk(text, ".e")) judged_put_raw(b, ".0", 2); /* a double reads back as a double */
}

/* How many bytes of valid UTF-8 (RFC 3629) start at s, or 0 when none do. */
JUDGED_FN size_t judged_utf8_length(const unsigned char *s, size_t available) {
    unsigned char c = s[0];
    size_t length = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (!length || length > available) return 0;
    unsigned char low = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
    unsigned char high = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
    if (s[1] < low || s[1] > high) return 0;
    for (size_t i = 2; i < length; i++)
        if (s[i] < 0x80 || s[i] > 0xBF) return 0;
    return length;
}

JUDGED_FN void judged_put_string(judged_buffer *b, const char *text, size_t length) {
    static const char hex[] = "0123456789abcdef";
    const unsigned char *s = (const unsigned char *)text;
    judged_reserve(b, length + 2);
    b->data[b->length++] = '"';
    for (size_t i = 0; i < length; i++) {
        unsigned char c = s[i];
        size_t sequence = c >= 0x80 ? judged_utf8_length(s + i, length - i) : 0;
        if (sequence) {
            judged_put_raw(b, text + i, sequence);
            i += sequence - 1;
        } else if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            judged_put_byte(b, (char)c);
        } else {
            const char *named = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\r' ? "\\r"
                                : c == '\t' ? "\\t" : c == '\b' ? "\\b" : c == '\f' ? "\\f" : NULL;
            char escape[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], '\0'};
            judged_put_text(b, named ? named : escape);
        }
    }
    judged_put_byte(b, '"');
}

/* A C string; NULL (a C function returned no string) is written as null. */
JUDGED_FN void judged_put_cstring(judged_buffer *b, const char *text) {
    if (text)
        judged_put_string(b, text, strlen(text));
    else
        judged_put_null(b);
}

JUDGED_FN void judged_put_char(judged_buffer *b, char c) { judged_put_string(b, &c, 1); }

#endif /* JUDGED_JSON_H */
