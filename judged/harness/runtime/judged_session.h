/* judged_session.h: the harness side of docs/harness-protocol.md, for C and C++.
 *
 * Tests arrive on stdin, one JSON array of arguments per line; each result
 * leaves as one line on fd 3, `{"v": VALUE, "t": SECONDS}` or
 * `{"e": "MESSAGE", "t": SECONDS}`, written whole and flushed at once, so
 * that nothing the user prints on stdout or stderr can reach it. SECONDS is
 * the process CPU time of the call (clock_gettime(CLOCK_PROCESS_CPUTIME_ID)).
 *
 * The generated main:
 *
 *     judged_session s;
 *     judged_open(&s);
 *     while (judged_next_test(&s)) {
 *         judged_next_argument(&s);  ... read argument 1 from &s.reader ...
 *         judged_next_argument(&s);  ... read argument 2 ...
 *         judged_end_test(&s);
 *         judged_clock_start(&s);  ... call ...  judged_clock_stop(&s);
 *         judged_result_begin(&s);  ... write the value to &s.out ...  judged_result_end(&s);
 *     }
 *     return 0;
 *
 * Needs judged_json.h first.
 */
#ifndef JUDGED_SESSION_H
#define JUDGED_SESSION_H

#ifdef __cplusplus
#include <iostream>
#endif

#define JUDGED_RESULTS_FD 3
#define JUDGED_USER_ERROR 1

/* The process CPU clock without <time.h>, which would make a C solution's global named `time` an error:
 * glibc's clock_gettime under a name of the harness's own. judged_timespec is struct timespec on every
 * LP64 Linux (x86-64, aarch64). */
struct judged_timespec {
    long tv_sec;
    long tv_nsec;
};
#ifdef __cplusplus
#define JUDGED_C_FUNCTION extern "C"
#else
#define JUDGED_C_FUNCTION extern
#endif
JUDGED_C_FUNCTION int judged_clock_gettime(int which, struct judged_timespec *now) __asm__("clock_gettime");
#define JUDGED_PROCESS_CPU_CLOCK 2 /* CLOCK_PROCESS_CPUTIME_ID */

typedef struct {
    FILE *results; /* fd 3 */
    char *line;
    size_t line_capacity;
    judged_reader reader;
    size_t arguments; /* read so far from the current line */
    judged_buffer out;
    struct judged_timespec started;
    double seconds; /* of the last call */
    const char *case_mark; /* run mode's per-run boundary between two tests' prints; NULL when judging */
} judged_session;

JUDGED_FN void judged_open(judged_session *s) {
    memset(s, 0, sizeof *s);
    s->results = fdopen(JUDGED_RESULTS_FD, "w");
    if (!s->results) {
        perror("judged harness: fd 3");
        exit(JUDGED_INPUT_ERROR);
    }
    s->case_mark = getenv("JUDGED_CASE_MARK"); /* docs/harness-protocol.md: run mode's per-case prints */
}

/* Run mode: the user's buffered prints (C's stdout, C++'s std::cout) go out, then the marker where the next test's
 * prints begin, through stdout itself, so it falls exactly between two tests' prints. Nothing when judging. */
JUDGED_FN void judged_mark_case(judged_session *s) {
    if (!s->case_mark) return;
#ifdef __cplusplus
    std::cout.flush();
#endif
    fflush(stdout);
    fputs(s->case_mark, stdout);
    fflush(stdout);
}

/* Reads the next test line; false at the end of stdin. */
JUDGED_FN bool judged_next_test(judged_session *s) {
    ssize_t length = getline(&s->line, &s->line_capacity, stdin);
    if (length < 0) return false;
    judged_reader_init(&s->reader, s->line, (size_t)length);
    judged_array_begin(&s->reader, &s->arguments);
    judged_mark_case(s);
    return true;
}

JUDGED_FN void judged_next_argument(judged_session *s) {
    if (!judged_array_next(&s->reader, &s->arguments)) judged_input_error(&s->reader, "too few arguments");
}

JUDGED_FN void judged_end_test(judged_session *s) {
    if (judged_array_next(&s->reader, &s->arguments)) judged_input_error(&s->reader, "too many arguments");
    if (judged_peek(&s->reader) != -1) judged_input_error(&s->reader, "text after the arguments");
}

JUDGED_FN void judged_clock_start(judged_session *s) { judged_clock_gettime(JUDGED_PROCESS_CPU_CLOCK, &s->started); }

JUDGED_FN void judged_clock_stop(judged_session *s) {
    struct judged_timespec stopped;
    judged_clock_gettime(JUDGED_PROCESS_CPU_CLOCK, &stopped);
    s->seconds = (double)(stopped.tv_sec - s->started.tv_sec) + (double)(stopped.tv_nsec - s->started.tv_nsec) / 1e9;
}

JUDGED_FN void judged_send(judged_session *s) {
    judged_put_text(&s->out, ", \"t\": ");
    judged_put_double(&s->out, s->seconds);
    judged_put_text(&s->out, "}\n");
    if (fwrite(s->out.data, 1, s->out.length, s->results) != s->out.length || fflush(s->results) != 0) {
        perror("judged harness: writing a result to fd 3");
        exit(JUDGED_INPUT_ERROR);
    }
    s->out.length = 0;
}

/* The call failed: its message goes out as the test's result and the harness stops. */
JUDGED_FN void judged_fail(judged_session *s, const char *message) {
    s->out.length = 0;
    s->out.error = NULL;
    judged_put_text(&s->out, "{\"e\": ");
    judged_put_cstring(&s->out, message);
    judged_send(s);
    exit(JUDGED_USER_ERROR);
}

JUDGED_FN void judged_result_begin(judged_session *s) {
    s->out.length = 0;
    s->out.error = NULL;
    judged_put_text(&s->out, "{\"v\": ");
}

JUDGED_FN void judged_result_end(judged_session *s) {
    if (s->out.error) judged_fail(s, s->out.error);
    judged_send(s);
}

#endif /* JUDGED_SESSION_H */
