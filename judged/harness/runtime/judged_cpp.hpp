/* judged_cpp.hpp: the C++ harness's typed codecs and calls, over the C reader and writer.
 *
 * judged_codec<T>::read / ::put for every type a signature has (scalars,
 * std::string, std::vector of them, ListNode*, TreeNode*, the graph's Node*), and
 * judged_call / judged_call_in_place, which time one call of the user's
 * method and write its result line, or, when it throws, an "e" line with the
 * exception's type and what() and exit status 1.
 *
 * Needs judged_json.h, judged_session.h and judged_nodes.h first.
 */
#ifndef JUDGED_CPP_HPP
#define JUDGED_CPP_HPP

#include <cxxabi.h>

#include <cstdlib>
#include <string>
#include <typeinfo>
#include <vector>

template <class T>
struct judged_codec;

template <>
struct judged_codec<int> {
    static int read(judged_reader *r) { return judged_read_int(r); }
    static void put(judged_buffer *b, int value) { judged_put_int(b, value); }
};

template <>
struct judged_codec<long long> {
    static long long read(judged_reader *r) { return judged_read_long(r); }
    static void put(judged_buffer *b, long long value) { judged_put_long(b, value); }
};

template <>
struct judged_codec<double> {
    static double read(judged_reader *r) { return judged_read_double(r); }
    static void put(judged_buffer *b, double value) { judged_put_double(b, value); }
};

template <>
struct judged_codec<bool> {
    static bool read(judged_reader *r) { return judged_read_bool(r); }
    static void put(judged_buffer *b, bool value) { judged_put_bool(b, value); }
};

template <>
struct judged_codec<char> {
    static char read(judged_reader *r) { return judged_read_char(r); }
    static void put(judged_buffer *b, char value) { judged_put_char(b, value); }
};

template <>
struct judged_codec<std::string> {
    static std::string read(judged_reader *r) {
        size_t length;
        char *text = judged_read_string(r, &length);
        std::string value(text, length);
        free(text);
        return value;
    }
    static void put(judged_buffer *b, const std::string &value) { judged_put_string(b, value.data(), value.size()); }
};

template <class T>
struct judged_codec<std::vector<T>> {
    static std::vector<T> read(judged_reader *r) {
        std::vector<T> items;
        size_t count;
        judged_array_begin(r, &count);
        while (judged_array_next(r, &count)) items.push_back(judged_codec<T>::read(r));
        return items;
    }
    static void put(judged_buffer *b, const std::vector<T> &items) {
        judged_put_byte(b, '[');
        bool first = true;
        for (const auto &item : items) { /* auto: vector<bool> hands out proxies */
            if (!first) judged_put_byte(b, ',');
            first = false;
            judged_codec<T>::put(b, item);
        }
        judged_put_byte(b, ']');
    }
};

#ifdef JUDGED_LIST_NODE
template <>
struct judged_codec<ListNode *> {
    static ListNode *read(judged_reader *r) { return judged_read_list(r); }
    static void put(judged_buffer *b, const ListNode *head) { judged_put_list(b, head); }
};
#endif

#ifdef JUDGED_TREE_NODE
template <>
struct judged_codec<TreeNode *> {
    static TreeNode *read(judged_reader *r) { return judged_read_tree(r); }
    static void put(judged_buffer *b, const TreeNode *root) { judged_put_tree(b, root); }
};
#endif

#ifdef JUDGED_NESTED_INTEGER
/* An int, or a list of ints and such lists, as LeetCode's NestedInteger (a parameter type only). */
template <>
struct judged_codec<NestedInteger> {
    static NestedInteger read(judged_reader *r) {
        if (judged_peek(r) != '[') return NestedInteger(judged_read_int(r));
        NestedInteger nested;
        size_t count;
        judged_array_begin(r, &count);
        while (judged_array_next(r, &count)) nested.add(read(r));
        return nested;
    }
};
#endif

#ifdef JUDGED_GRAPH_NODE
/* LeetCode's adjacency list: item i the values of node i+1's neighbours; node 1 stands for the graph. */
template <>
struct judged_codec<Node *> {
    static Node *read(judged_reader *r) {
        std::vector<std::vector<int>> rows = judged_codec<std::vector<std::vector<int>>>::read(r);
        std::vector<Node *> nodes;
        for (size_t i = 0; i < rows.size(); i++) nodes.push_back(new Node((int)i + 1));
        for (size_t i = 0; i < rows.size(); i++) {
            for (int value : rows[i]) {
                if (value < 1 || (size_t)value > nodes.size()) {
                    judged_input_error(r, "a Node neighbour is not a node of the graph");
                }
                nodes[i]->neighbors.push_back(nodes[value - 1]);
            }
        }
        return nodes.empty() ? nullptr : nodes[0];
    }
    /* The graph reachable from `start`, by value; null unless its values are 1..n, once each. */
    static void put(judged_buffer *b, const Node *start) {
        std::vector<const Node *> by_value, queue;
        bool bad = false;
        auto meet = [&](const Node *node) {
            if (!node || node->val < 1 || node->val > JUDGED_MAX_NODES) {
                bad = true;
                return;
            }
            size_t slot = (size_t)node->val - 1;
            if (slot >= by_value.size()) by_value.resize(slot + 1, nullptr);
            if (by_value[slot] == node) return;
            if (by_value[slot]) {
                bad = true;
                return;
            }
            by_value[slot] = node;
            queue.push_back(node);
        };
        if (start) meet(start);
        for (size_t i = 0; i < queue.size() && !bad; i++) {
            for (const Node *next : queue[i]->neighbors) meet(next);
        }
        if (bad || by_value.size() != queue.size()) {
            judged_put_text(b, "null");
            return;
        }
        judged_put_byte(b, '[');
        for (size_t v = 0; v < by_value.size(); v++) {
            if (v) judged_put_byte(b, ',');
            judged_put_byte(b, '[');
            bool first = true;
            for (const Node *next : by_value[v]->neighbors) {
                if (!first) judged_put_byte(b, ',');
                first = false;
                judged_put_int(b, next->val);
            }
            judged_put_byte(b, ']');
        }
        judged_put_byte(b, ']');
    }
};
#endif

template <class T>
T judged_argument(judged_session *s) {
    judged_next_argument(s);
    return judged_codec<T>::read(&s->reader);
}

JUDGED_FN std::string judged_demangle(const char *name) {
    int status = 0;
    char *readable = abi::__cxa_demangle(name, nullptr, nullptr, &status);
    std::string text = status == 0 && readable ? readable : name;
    free(readable);
    return text;
}

/* "type: what()" of the exception being handled; call it only inside a catch block. */
JUDGED_FN std::string judged_exception_message() {
    std::type_info *type = abi::__cxa_current_exception_type();
    std::string name = type ? judged_demangle(type->name()) : "unknown exception";
    try {
        throw;
    } catch (const std::exception &error) {
        return name + ": " + error.what();
    } catch (const std::string &text) {
        return "std::string: " + text;
    } catch (const char *text) {
        return name + ": " + text;
    } catch (...) {
        return name;
    }
}

/* Times `call` (which makes a Solution and calls the method) and writes what it returned, as an R. */
template <class R, class F>
void judged_call(judged_session *s, F call) {
    try {
        judged_clock_start(s);
        R result = call();
        judged_clock_stop(s);
        judged_result_begin(s);
        judged_codec<R>::put(&s->out, result);
    } catch (...) {
        judged_clock_stop(s);
        judged_fail(s, judged_exception_message().c_str());
    }
    judged_result_end(s);
}

/* Times `call` of a void method and writes `modified` (its first argument) afterwards. */
template <class T, class F>
void judged_call_in_place(judged_session *s, F call, const T &modified) {
    try {
        judged_clock_start(s);
        call();
        judged_clock_stop(s);
        judged_result_begin(s);
        judged_codec<T>::put(&s->out, modified);
    } catch (...) {
        judged_clock_stop(s);
        judged_fail(s, judged_exception_message().c_str());
    }
    judged_result_end(s);
}

#endif /* JUDGED_CPP_HPP */
