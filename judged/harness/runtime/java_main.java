/** The judge's harness: reads tests on stdin, calls Solution's method, writes one result line per test to fd 3. */
public class Main {
    static final String METHOD = "@NAME@";
    static final int ARITY = @ARITY@;
    static final boolean IN_PLACE = @IN_PLACE@;
    static final int MAX_NODES = 1000000;
    /** Run mode's per-run boundary between two tests' prints (docs/harness-protocol.md); null when judging. */
    static final String CASE_MARK = System.getenv("JUDGED_CASE_MARK");
    static final java.io.PrintStream STDOUT = System.out; // before the user's code can replace System.out

    public static void main(String[] args) throws java.io.IOException {
        java.io.OutputStream results = new java.io.FileOutputStream("/proc/self/fd/3");
        Out out = new Out();
        java.lang.reflect.Method method;
        Conv[] params = new Conv[ARITY];
        Conv result;
        try {
            method = find();
            java.lang.reflect.Type[] types = method.getGenericParameterTypes();
            for (int i = 0; i < ARITY; i++) params[i] = conv(types[i]);
            result = IN_PLACE ? params[0] : conv(method.getGenericReturnType());
        } catch (Unsupported e) {
            fail(results, out, e.getMessage(), 0);
            return;
        }
        java.lang.management.ThreadMXBean clock = java.lang.management.ManagementFactory.getThreadMXBean();
        In in = new In(System.in);
        Object[] arguments = new Object[ARITY];
        for (int test = 1; read(in, params, arguments, test); test++) {
            markCase();
            Object value = null;
            Throwable thrown = null;
            long start = clock.getCurrentThreadCpuTime();
            try {
                value = method.invoke(new Solution(), arguments);
            } catch (Throwable e) {
                thrown = thrownBy(e);
            }
            double seconds = (clock.getCurrentThreadCpuTime() - start) / 1e9;
            if (thrown != null) fail(results, out, thrown.toString(), seconds);
            out.ascii("{\"v\": ");
            try {
                result.write(IN_PLACE ? arguments[0] : value, out);
            } catch (BadResult e) {
                fail(results, out, e.getMessage(), seconds);
            } catch (Throwable e) {
                fail(results, out, e.toString(), seconds);
            }
            endResult(results, out, ", \"t\": ", seconds);
        }
        System.out.flush();
        System.exit(0);
    }

    /** Run mode: end what the previous test printed and mark where this one's prints begin (nothing when judging). */
    static void markCase() {
        if (CASE_MARK == null) return;
        System.out.flush();
        STDOUT.print(CASE_MARK);
        STDOUT.flush();
    }

    /** Decode the next test's arguments; false at the end of input; exit 3 when the judge's line is bad. */
    static boolean read(In in, Conv[] params, Object[] arguments, int test) {
        try {
            if (in.skip() < 0) return false;
            in.expect('[');
            for (int i = 0; i < ARITY; i++) {
                if (i > 0) in.expect(',');
                arguments[i] = params[i].read(in);
            }
            in.expect(']');
            return true;
        } catch (BadInput e) {
            System.out.flush();
            System.err.println("harness: cannot decode test " + test + ": " + e.getMessage());
            System.exit(3);
            return false;
        }
    }

    static void fail(java.io.OutputStream results, Out out, String message, double seconds) throws java.io.IOException {
        out.reset();
        out.ascii("{\"e\": ");
        out.str(message);
        endResult(results, out, ", \"t\": ", seconds);
        System.out.flush();
        System.exit(1);
    }

    /** Ends a test's result line with `before` and its CPU seconds, and sends the line. */
    static void endResult(java.io.OutputStream results, Out out, String before, double seconds)
            throws java.io.IOException {
        out.ascii(before);
        out.ascii(Double.toString(seconds));
        out.ascii("}\n");
        out.writeTo(results);
    }

    /** What a reflective call threw: the user's own exception, not reflection's wrapper around it. */
    static Throwable thrownBy(Throwable e) {
        return e instanceof java.lang.reflect.InvocationTargetException ? e.getCause() : e;
    }

    static java.lang.reflect.Method find() {
        for (java.lang.reflect.Method m : Solution.class.getDeclaredMethods()) {
            if (m.getName().equals(METHOD) && m.getParameterCount() == ARITY && !m.isBridge() && !m.isSynthetic()) {
                m.setAccessible(true);
                return m;
            }
        }
        throw new Unsupported("class Solution has no method " + METHOD + " with " + ARITY + " parameter(s)");
    }

    /** A method this harness cannot call: reported as the first test's error. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message, null, false, false);
        }
    }

    /** A judge's test line the harness cannot decode: a judge bug, exit 3. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message, null, false, false);
        }
    }

    /** A returned value that cannot be encoded (a cyclic list): the test's error. */
    static final class BadResult extends RuntimeException {
        BadResult(String message) {
            super(message, null, false, false);
        }
    }

    /** Converts one declared Java type between JSON and Java values. */
    interface Conv {
        Object read(In in);

        void write(Object value, Out out);
    }

    static Conv conv(java.lang.reflect.Type type) {
        if (type instanceof Class<?> c) return conv(c);
        if (type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            java.lang.reflect.Type[] arguments = p.getActualTypeArguments();
            if (arguments.length == 1 && raw.isAssignableFrom(java.util.ArrayList.class)) {
                return new ListConv(conv(arguments[0]), false);
            }
            if (arguments.length == 1 && raw.isAssignableFrom(java.util.LinkedList.class)) {
                return new ListConv(conv(arguments[0]), true);
            }
        }
        if (type instanceof java.lang.reflect.WildcardType w && w.getUpperBounds().length == 1) {
            return conv(w.getUpperBounds()[0]);
        }
        throw new Unsupported("the harness cannot pass or return " + type.getTypeName());
    }

    static Conv conv(Class<?> c) {
        if (c == int.class || c == Integer.class) return INT;
        if (c == long.class || c == Long.class) return LONG;
        if (c == double.class || c == Double.class) return DOUBLE;
        if (c == boolean.class || c == Boolean.class) return BOOL;
        if (c == char.class || c == Character.class) return CHAR;
        if (c == String.class) return STRING;
        if (c == int[].class) return INTS;
        if (c == long[].class) return LONGS;
        if (c == double[].class) return DOUBLES;
        if (c == boolean[].class) return BOOLS;
        if (c == char[].class) return CHARS;
        if (c.isArray() && !c.getComponentType().isPrimitive()) {
            return new ArrayConv(c.getComponentType(), conv(c.getComponentType()));
        }
        //@begin ListNode
        if (c == ListNode.class) return LIST_NODE;
        //@end ListNode
        //@begin TreeNode
        if (c == TreeNode.class) return TREE_NODE;
        //@end TreeNode
        //@begin Node
        if (c == Node.class) return GRAPH_NODE;
        //@end Node
        //@begin NestedInteger
        if (c == NestedInteger.class) return NESTED_INTEGER;
        //@end NestedInteger
        throw new Unsupported("the harness cannot pass or return " + c.getTypeName());
    }

    static final Conv INT = new Conv() {
        public Object read(In in) {
            return in.readInt();
        }

        public void write(Object value, Out out) {
            if (value == null) out.ascii("null");
            else out.num(((Number) value).longValue());
        }
    };

    static final Conv LONG = new Conv() {
        public Object read(In in) {
            return in.readLong();
        }

        public void write(Object value, Out out) {
            if (value == null) out.ascii("null");
            else out.num(((Number) value).longValue());
        }
    };

    static final Conv DOUBLE = new Conv() {
        public Object read(In in) {
            return in.readDouble();
        }

        public void write(Object value, Out out) {
            if (value == null) out.ascii("null");
            else out.dbl(((Number) value).doubleValue());
        }
    };

    static final Conv BOOL = new Conv() {
        public Object read(In in) {
            return in.readBool();
        }

        public void write(Object value, Out out) {
            if (value == null) out.ascii("null");
            else out.ascii((Boolean) value ? "true" : "false");
        }
    };

    static final Conv CHAR = new Conv() {
        public Object read(In in) {
            return in.readChar();
        }

        public void write(Object value, Out out) {
            if (value == null) out.ascii("null");
            else out.str(String.valueOf((char) (Character) value));
        }
    };

    static final Conv STRING = new Conv() {
        public Object read(In in) {
            return in.readString();
        }

        public void write(Object value, Out out) {
            if (value == null) out.ascii("null");
            else out.str((String) value);
        }
    };

    static final Conv INTS = new Conv() {
        public Object read(In in) {
            int[] a = new int[16];
            int n = 0;
            for (boolean more = in.startArray(); more; more = in.more()) {
                if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
                a[n++] = in.readInt();
            }
            return java.util.Arrays.copyOf(a, n);
        }

        public void write(Object value, Out out) {
            if (value == null) {
                out.ascii("null");
                return;
            }
            int[] a = (int[]) value;
            out.raw('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) out.raw(',');
                out.num(a[i]);
            }
            out.raw(']');
        }
    };

    static final Conv LONGS = new Conv() {
        public Object read(In in) {
            long[] a = new long[16];
            int n = 0;
            for (boolean more = in.startArray(); more; more = in.more()) {
                if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
                a[n++] = in.readLong();
            }
            return java.util.Arrays.copyOf(a, n);
        }

        public void write(Object value, Out out) {
            if (value == null) {
                out.ascii("null");
                return;
            }
            long[] a = (long[]) value;
            out.raw('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) out.raw(',');
                out.num(a[i]);
            }
            out.raw(']');
        }
    };

    static final Conv DOUBLES = new Conv() {
        public Object read(In in) {
            double[] a = new double[16];
            int n = 0;
            for (boolean more = in.startArray(); more; more = in.more()) {
                if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
                a[n++] = in.readDouble();
            }
            return java.util.Arrays.copyOf(a, n);
        }

        public void write(Object value, Out out) {
            if (value == null) {
                out.ascii("null");
                return;
            }
            double[] a = (double[]) value;
            out.raw('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) out.raw(',');
                out.dbl(a[i]);
            }
            out.raw(']');
        }
    };

    static final Conv BOOLS = new Conv() {
        public Object read(In in) {
            boolean[] a = new boolean[16];
            int n = 0;
            for (boolean more = in.startArray(); more; more = in.more()) {
                if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
                a[n++] = in.readBool();
            }
            return java.util.Arrays.copyOf(a, n);
        }

        public void write(Object value, Out out) {
            if (value == null) {
                out.ascii("null");
                return;
            }
            boolean[] a = (boolean[]) value;
            out.raw('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) out.raw(',');
                out.ascii(a[i] ? "true" : "false");
            }
            out.raw(']');
        }
    };

    static final Conv CHARS = new Conv() {
        public Object read(In in) {
            char[] a = new char[16];
            int n = 0;
            for (boolean more = in.startArray(); more; more = in.more()) {
                if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
                a[n++] = in.readChar();
            }
            return java.util.Arrays.copyOf(a, n);
        }

        public void write(Object value, Out out) {
            if (value == null) {
                out.ascii("null");
                return;
            }
            char[] a = (char[]) value;
            out.raw('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) out.raw(',');
                out.str(String.valueOf(a[i]));
            }
            out.raw(']');
        }
    };

    /** An array of objects: String[], int[][], Integer[], List<Integer>[] ... */
    static final class ArrayConv implements Conv {
        final Class<?> component;
        final Conv element;

        ArrayConv(Class<?> component, Conv element) {
            this.component = component;
            this.element = element;
        }

        public Object read(In in) {
            java.util.ArrayList<Object> items = new java.util.ArrayList<>();
            for (boolean more = in.startArray(); more; more = in.more()) items.add(element.read(in));
            return items.toArray((Object[]) java.lang.reflect.Array.newInstance(component, items.size()));
        }

        public void write(Object value, Out out) {
            if (value == null) {
                out.ascii("null");
                return;
            }
            Object[] a = (Object[]) value;
            out.raw('[');
            for (int i = 0; i < a.length; i++) {
                if (i > 0) out.raw(',');
                element.write(a[i], out);
            }
            out.raw(']');
        }
    }

    /** A List<T> (or Collection, Iterable, ArrayList, LinkedList) of a convertible T. */
    static final class ListConv implements Conv {
        final Conv element;
        final boolean linked;

        ListConv(Conv element, boolean linked) {
            this.element = element;
            this.linked = linked;
        }

        public Object read(In in) {
            java.util.List<Object> items = linked ? new java.util.LinkedList<>() : new java.util.ArrayList<>();
            for (boolean more = in.startArray(); more; more = in.more()) items.add(element.read(in));
            return items;
        }

        public void write(Object value, Out out) {
            if (value == null) {
                out.ascii("null");
                return;
            }
            out.raw('[');
            boolean first = true;
            for (Object item : (Iterable<?>) value) {
                if (!first) out.raw(',');
                first = false;
                element.write(item, out);
            }
            out.raw(']');
        }
    }

    //@begin ListNode
    static final Conv LIST_NODE = new Conv() {
        public Object read(In in) {
            ListNode head = new ListNode();
            ListNode tail = head;
            for (boolean more = in.startArray(); more; more = in.more()) {
                tail.next = new ListNode(in.readInt());
                tail = tail.next;
            }
            return head.next;
        }

        public void write(Object value, Out out) {
            out.raw('[');
            int count = 0;
            for (ListNode node = (ListNode) value; node != null; node = node.next) {
                if (++count > MAX_NODES) throw new BadResult("ListNode has a cycle");
                if (count > 1) out.raw(',');
                out.num(node.val);
            }
            out.raw(']');
        }
    };
    //@end ListNode

    //@begin TreeNode
    static final Conv TREE_NODE = new Conv() {
        public Object read(In in) {
            if (!in.startArray()) return null;
            TreeNode root = new TreeNode(in.readInt());
            TreeNode[] queue = {root, null, null, null};
            int head = 0;
            int tail = 1;
            boolean left = true;
            while (in.more()) {
                TreeNode node = in.readNull() ? null : new TreeNode(in.readInt());
                if (head == tail) {
                    if (node != null) throw new BadInput("a tree node without a parent");
                    continue; // trailing nulls
                }
                if (left) {
                    queue[head].left = node;
                } else {
                    queue[head++].right = node;
                }
                left = !left;
                if (node != null) {
                    if (tail == queue.length) queue = java.util.Arrays.copyOf(queue, tail * 2);
                    queue[tail++] = node;
                }
            }
            return root;
        }

        public void write(Object value, Out out) {
            java.util.ArrayList<TreeNode> order = new java.util.ArrayList<>();
            order.add((TreeNode) value);
            int last = -1;
            for (int i = 0; i < order.size(); i++) {
                TreeNode node = order.get(i);
                if (node == null) continue;
                if (i / 2 > MAX_NODES) throw new BadResult("TreeNode has a cycle");
                last = i;
                order.add(node.left);
                order.add(node.right);
            }
            out.raw('[');
            for (int i = 0; i <= last; i++) {
                if (i > 0) out.raw(',');
                TreeNode node = order.get(i);
                if (node == null) out.ascii("null");
                else out.num(node.val);
            }
            out.raw(']');
        }
    };
    //@end TreeNode

    //@begin Node
    /** LeetCode's graph as an adjacency list: item i holds the values of node i+1's neighbours. */
    static final Conv GRAPH_NODE = new Conv() {
        public Object read(In in) {
            java.util.ArrayList<int[]> rows = new java.util.ArrayList<>();
            for (boolean more = in.startArray(); more; more = in.more()) {
                int[] row = new int[4];
                int length = 0;
                for (boolean inner = in.startArray(); inner; inner = in.more()) {
                    if (length == row.length) row = java.util.Arrays.copyOf(row, length * 2);
                    row[length++] = in.readInt();
                }
                rows.add(java.util.Arrays.copyOf(row, length));
            }
            Node[] nodes = new Node[rows.size()];
            for (int i = 0; i < nodes.length; i++) nodes[i] = new Node(i + 1);
            for (int i = 0; i < nodes.length; i++) {
                for (int value : rows.get(i)) {
                    if (value < 1 || value > nodes.length) throw new BadInput("a Node neighbour is not a node of the graph");
                    nodes[i].neighbors.add(nodes[value - 1]);
                }
            }
            return nodes.length == 0 ? null : nodes[0];
        }

        /** The graph reachable from the node, by value; null unless its values are 1..n, once each. */
        public void write(Object value, Out out) {
            java.util.ArrayList<Node> byValue = new java.util.ArrayList<>();
            java.util.ArrayList<Node> queue = new java.util.ArrayList<>();
            boolean ok = value == null || meet((Node) value, byValue, queue);
            for (int i = 0; ok && i < queue.size(); i++) {
                java.util.List<Node> next = queue.get(i).neighbors;
                if (next == null) ok = false;
                else for (Node node : next) ok = ok && meet(node, byValue, queue);
            }
            if (!ok || byValue.size() != queue.size()) {
                out.ascii("null");
                return;
            }
            out.raw('[');
            for (int i = 0; i < byValue.size(); i++) {
                if (i > 0) out.raw(',');
                out.raw('[');
                boolean first = true;
                for (Node node : byValue.get(i).neighbors) {
                    if (!first) out.raw(',');
                    first = false;
                    out.num(node.val);
                }
                out.raw(']');
            }
            out.raw(']');
        }
    };

    static boolean meet(Node node, java.util.ArrayList<Node> byValue, java.util.ArrayList<Node> queue) {
        if (node == null || node.val < 1 || node.val > MAX_NODES) return false;
        while (byValue.size() < node.val) byValue.add(null);
        Node known = byValue.get(node.val - 1);
        if (known != null) return known == node;
        byValue.set(node.val - 1, node);
        queue.add(node);
        return true;
    }
    //@end Node

    //@begin NestedInteger
    /** An int, or a list of ints and such lists, as LeetCode's NestedInteger (a parameter type only). */
    static final Conv NESTED_INTEGER = new Conv() {
        public Object read(In in) {
            if (in.skip() != '[') return new NestedInteger(in.readInt());
            NestedInteger nested = new NestedInteger();
            for (boolean more = in.startArray(); more; more = in.more()) nested.add((NestedInteger) read(in));
            return nested;
        }

        public void write(Object value, Out out) {
            throw new Unsupported("the harness cannot return a NestedInteger");
        }
    };
    //@end NestedInteger

    /** A JSON reader over a byte stream: exactly what the judge's test lines hold, read without copying lines. */
    static final class In {
        final java.io.InputStream in;
        final byte[] buf = new byte[1 << 16];
        int pos;
        int len;
        byte[] text = new byte[64];

        In(java.io.InputStream in) {
            this.in = in;
        }

        int peek() {
            if (pos < len) return buf[pos] & 0xff;
            try {
                len = Math.max(in.read(buf, 0, buf.length), 0);
            } catch (java.io.IOException e) {
                throw new BadInput(e.toString());
            }
            pos = 0;
            return len > 0 ? buf[0] & 0xff : -1;
        }

        int skip() {
            int c = peek();
            while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                pos++;
                c = peek();
            }
            return c;
        }

        BadInput bad(String expected) {
            int c = peek();
            return new BadInput("expected " + expected + (c < 0 ? " at the end of input" : " at '" + (char) c + "'"));
        }

        void expect(char c) {
            if (skip() != c) throw bad("'" + c + "'");
            pos++;
        }

        /** Consume '[' and say whether an element follows. */
        boolean startArray() {
            expect('[');
            if (skip() != ']') return true;
            pos++;
            return false;
        }

        /** After an element: consume ',' (true, another follows) or ']' (false). */
        boolean more() {
            int c = skip();
            if (c != ',' && c != ']') throw bad("',' or ']'");
            pos++;
            return c == ',';
        }

        boolean readNull() {
            if (skip() != 'n') return false;
            literal("null");
            return true;
        }

        void literal(String word) {
            for (int i = 0; i < word.length(); i++) {
                if (peek() != word.charAt(i)) throw bad(word);
                pos++;
            }
        }

        boolean readBool() {
            int c = skip();
            literal(c == 't' ? "true" : "false");
            return c == 't';
        }

        long readLong() {
            int c = skip();
            boolean negative = c == '-';
            if (negative) {
                pos++;
                c = peek();
            }
            if (c < '0' || c > '9') throw bad("an integer");
            long v = 0; // accumulated negated, so that Long.MIN_VALUE fits
            while (c >= '0' && c <= '9') {
                int digit = c - '0';
                if (v < (Long.MIN_VALUE + digit) / 10) throw new BadInput("an integer out of range");
                v = v * 10 - digit;
                pos++;
                c = peek();
            }
            if (c == '.' || c == 'e' || c == 'E') throw bad("an integer");
            if (negative) return v;
            if (v == Long.MIN_VALUE) throw new BadInput("an integer out of range");
            return -v;
        }

        int readInt() {
            long v = readLong();
            if (v != (int) v) throw new BadInput(v + " does not fit an int");
            return (int) v;
        }

        double readDouble() {
            int c = skip();
            if (c == '"') {
                String s = readString();
                if (s.equals("NaN")) return Double.NaN;
                if (s.equals("Infinity")) return Double.POSITIVE_INFINITY;
                if (s.equals("-Infinity")) return Double.NEGATIVE_INFINITY;
                throw new BadInput("expected a number, got \"" + s + "\"");
            }
            StringBuilder number = new StringBuilder();
            while (c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
                number.append((char) c);
                pos++;
                c = peek();
            }
            try {
                return Double.parseDouble(number.toString());
            } catch (NumberFormatException e) {
                throw bad("a number");
            }
        }

        char readChar() {
            String s = readString();
            if (s.length() != 1) throw new BadInput("expected a char, got \"" + s + "\"");
            return s.charAt(0);
        }

        String readString() {
            if (skip() != '"') throw bad("a string");
            pos++;
            int n = 0;
            while (true) {
                int c = peek();
                if (c < 0) throw bad("'\"'");
                pos++;
                if (c == '"') break;
                if (n + 4 > text.length) text = java.util.Arrays.copyOf(text, text.length * 2);
                if (c != '\\') {
                    text[n++] = (byte) c;
                } else {
                    n = escape(n);
                }
            }
            return new String(text, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        }

        /** Decode one escape after its backslash into text[n...] as UTF-8; the new length. */
        int escape(int n) {
            int c = peek();
            pos++;
            switch (c) {
                case '"', '\\', '/' -> text[n++] = (byte) c;
                case 'b' -> text[n++] = '\b';
                case 'f' -> text[n++] = '\f';
                case 'n' -> text[n++] = '\n';
                case 'r' -> text[n++] = '\r';
                case 't' -> text[n++] = '\t';
                case 'u' -> {
                    int code = hex4();
                    if (code >= 0xD800 && code < 0xDC00 && peek() == '\\') {
                        pos++;
                        literal("u");
                        code = Character.toCodePoint((char) code, (char) hex4());
                    }
                    byte[] bytes = new String(Character.toChars(code)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    for (byte b : bytes) text[n++] = b;
                }
                default -> throw new BadInput("a bad escape in a string");
            }
            return n;
        }

        int hex4() {
            int code = 0;
            for (int i = 0; i < 4; i++) {
                int digit = Character.digit(peek(), 16);
                if (digit < 0) throw bad("a hex digit");
                pos++;
                code = code * 16 + digit;
            }
            return code;
        }
    }

    /** The bytes of one result line, written to fd 3 in one call. */
    static final class Out {
        byte[] buf = new byte[1 << 16];
        int len;

        void ensure(int more) {
            if (len + more > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }

        void reset() {
            len = 0;
        }

        void raw(char c) {
            ensure(1);
            buf[len++] = (byte) c;
        }

        void ascii(String s) {
            ensure(s.length());
            for (int i = 0; i < s.length(); i++) buf[len++] = (byte) s.charAt(i);
        }

        void num(long v) {
            ascii(Long.toString(v));
        }

        void dbl(double d) {
            if (Double.isNaN(d)) ascii("\"NaN\"");
            else if (Double.isInfinite(d)) ascii(d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
            else ascii(Double.toString(d));
        }

        /** A JSON string: room for every character as one byte is made first, and for more when one needs it. */
        void str(String s) {
            int n = s.length();
            ensure(n + 2);
            buf[len++] = '"';
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                    buf[len++] = (byte) c;
                    continue;
                }
                ensure(n - i + 6);
                if (c < 0x80) {
                    control(c);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    utf8(Character.toCodePoint(c, s.charAt(++i)));
                } else {
                    utf8(c);
                }
            }
            buf[len++] = '"';
        }

        void control(char c) {
            buf[len++] = '\\';
            switch (c) {
                case '"' -> buf[len++] = '"';
                case '\\' -> buf[len++] = '\\';
                case '\n' -> buf[len++] = 'n';
                case '\r' -> buf[len++] = 'r';
                case '\t' -> buf[len++] = 't';
                case '\b' -> buf[len++] = 'b';
                case '\f' -> buf[len++] = 'f';
                default -> {
                    buf[len++] = 'u';
                    buf[len++] = '0';
                    buf[len++] = '0';
                    buf[len++] = (byte) Character.forDigit(c >> 4, 16);
                    buf[len++] = (byte) Character.forDigit(c & 15, 16);
                }
            }
        }

        void utf8(int code) {
            if (code < 0x800) {
                buf[len++] = (byte) (0xC0 | code >> 6);
            } else if (code < 0x10000) {
                buf[len++] = (byte) (0xE0 | code >> 12);
                buf[len++] = (byte) (0x80 | (code >> 6 & 0x3F));
            } else {
                buf[len++] = (byte) (0xF0 | code >> 18);
                buf[len++] = (byte) (0x80 | (code >> 12 & 0x3F));
                buf[len++] = (byte) (0x80 | (code >> 6 & 0x3F));
            }
            buf[len++] = (byte) (0x80 | (code & 0x3F));
        }

        void writeTo(java.io.OutputStream stream) throws java.io.IOException {
            stream.write(buf, 0, len);
            stream.flush();
            len = 0;
        }
    }
}
