// The C# harness: the Main.cs that runs a user's Solution.cs on the judge's tests.
//
// judged.harness.lang_csharp.build fills @METHOD@, @PARAMS@ and @RETURNS@ and keeps the
// ListNode, TreeNode and Node sections a signature uses (their classes only where the user
// did not paste LeetCode's definition uncommented). It compiles with Mono's mcs beside the
// user's file and speaks docs/harness-protocol.md: a JSON array of arguments per line on
// stdin, one {"v": ..., "t": ...} or {"e": ..., "t": ...} line per test on fd 3.
//
// The method is found by reflection on `Solution` (its PascalCase name and number of
// parameters), each argument converted to the type the user declared (`int[]` or
// `IList<int>`, `int[][]` or `IList<IList<int>>`, `long` for an `int`, ...) and the result
// read by the signature's type whatever collection it is. A new Solution per test, as on
// LeetCode. A result of the wrong type is written as null, as is a long out of range.
// Everything of the harness is in the namespace JudgedHarness, spelled with full names, so
// the user's usings and classes cannot clash with it.

//@begin ListNodeClass
public class ListNode {
    public int val;
    public ListNode next;
    public ListNode(int val = 0, ListNode next = null) {
        this.val = val;
        this.next = next;
    }
}
//@end ListNodeClass
//@begin TreeNodeClass
public class TreeNode {
    public int val;
    public TreeNode left;
    public TreeNode right;
    public TreeNode(int val = 0, TreeNode left = null, TreeNode right = null) {
        this.val = val;
        this.left = left;
        this.right = right;
    }
}
//@end TreeNodeClass
//@begin NodeClass
public class Node {
    public int val;
    public System.Collections.Generic.IList<Node> neighbors;
    public Node() {
        val = 0;
        neighbors = new System.Collections.Generic.List<Node>();
    }
    public Node(int _val) {
        val = _val;
        neighbors = new System.Collections.Generic.List<Node>();
    }
    public Node(int _val, System.Collections.Generic.List<Node> _neighbors) {
        val = _val;
        neighbors = _neighbors;
    }
}
//@end NodeClass
//@begin NestedIntegerClass
public class NestedInteger {
    private int integer;
    private System.Collections.Generic.IList<NestedInteger> list;
    public NestedInteger() { list = new System.Collections.Generic.List<NestedInteger>(); }
    public NestedInteger(int value) { integer = value; }
    public bool IsInteger() { return list == null; }
    public int GetInteger() { return integer; }
    public void SetInteger(int value) { integer = value; list = null; }
    public void Add(NestedInteger ni) {
        if (list == null) { list = new System.Collections.Generic.List<NestedInteger>(); integer = 0; }
        list.Add(ni);
    }
    public System.Collections.Generic.IList<NestedInteger> GetList() { return list; }
}
//@end NestedIntegerClass

// .NET 6's PriorityQueue and LINQ's MaxBy/MinBy/DistinctBy, which LeetCode's C# has and Mono's class library
// does not: a LeetCode solution uses them unchanged. A class of the user's own of the same name wins (the
// global namespace is searched before the usings).
namespace System.Collections.Generic {
    public class PriorityQueue<TElement, TPriority> {
        struct Entry { public TElement Element; public TPriority Priority; }
        readonly List<Entry> heap = new List<Entry>();

        public PriorityQueue() : this((IComparer<TPriority>)null) {}
        public PriorityQueue(int initialCapacity) : this((IComparer<TPriority>)null) {}
        public PriorityQueue(int initialCapacity, IComparer<TPriority> comparer) : this(comparer) {}
        public PriorityQueue(IComparer<TPriority> comparer) { Comparer = comparer ?? Comparer<TPriority>.Default; }
        public PriorityQueue(IEnumerable<ValueTuple<TElement, TPriority>> items) : this(items, null) {}
        public PriorityQueue(IEnumerable<ValueTuple<TElement, TPriority>> items, IComparer<TPriority> comparer)
                : this(comparer) {
            EnqueueRange(items);
        }

        public IComparer<TPriority> Comparer { get; }
        public int Count { get { return heap.Count; } }
        public IReadOnlyCollection<ValueTuple<TElement, TPriority>> UnorderedItems {
            get {
                var items = new List<ValueTuple<TElement, TPriority>>();
                foreach (var entry in heap) items.Add(ValueTuple.Create(entry.Element, entry.Priority));
                return items;
            }
        }

        public void Enqueue(TElement element, TPriority priority) {
            heap.Add(new Entry { Element = element, Priority = priority });
            Up(heap.Count - 1);
        }

        public TElement Peek() {
            if (heap.Count == 0) throw new InvalidOperationException("Queue empty.");
            return heap[0].Element;
        }

        public TElement Dequeue() {
            TElement element;
            TPriority priority;
            if (!TryDequeue(out element, out priority)) throw new InvalidOperationException("Queue empty.");
            return element;
        }

        public bool TryPeek(out TElement element, out TPriority priority) {
            if (heap.Count == 0) { element = default(TElement); priority = default(TPriority); return false; }
            element = heap[0].Element;
            priority = heap[0].Priority;
            return true;
        }

        public bool TryDequeue(out TElement element, out TPriority priority) {
            if (!TryPeek(out element, out priority)) return false;
            int last = heap.Count - 1;
            heap[0] = heap[last];
            heap.RemoveAt(last);
            if (heap.Count > 0) Down(0);
            return true;
        }

        public TElement EnqueueDequeue(TElement element, TPriority priority) {
            if (heap.Count == 0 || Comparer.Compare(priority, heap[0].Priority) <= 0) return element;
            TElement top = heap[0].Element;
            heap[0] = new Entry { Element = element, Priority = priority };
            Down(0);
            return top;
        }

        public TElement DequeueEnqueue(TElement element, TPriority priority) {
            TElement top = Peek();
            heap[0] = new Entry { Element = element, Priority = priority };
            Down(0);
            return top;
        }

        public void EnqueueRange(IEnumerable<ValueTuple<TElement, TPriority>> items) {
            foreach (var item in items) Enqueue(item.Item1, item.Item2);
        }

        public void EnqueueRange(IEnumerable<TElement> elements, TPriority priority) {
            foreach (var element in elements) Enqueue(element, priority);
        }

        public void Clear() { heap.Clear(); }

        void Up(int index) {
            while (index > 0) {
                int parent = (index - 1) / 2;
                if (Comparer.Compare(heap[index].Priority, heap[parent].Priority) >= 0) break;
                var swap = heap[index]; heap[index] = heap[parent]; heap[parent] = swap;
                index = parent;
            }
        }

        void Down(int index) {
            while (true) {
                int smallest = index, left = 2 * index + 1, right = left + 1;
                if (left < heap.Count && Comparer.Compare(heap[left].Priority, heap[smallest].Priority) < 0) smallest = left;
                if (right < heap.Count && Comparer.Compare(heap[right].Priority, heap[smallest].Priority) < 0) smallest = right;
                if (smallest == index) return;
                var swap = heap[index]; heap[index] = heap[smallest]; heap[smallest] = swap;
                index = smallest;
            }
        }
    }
}

namespace System.Linq {
    public static class JudgedNewerLinq {
        public static TSource MaxBy<TSource, TKey>(this Collections.Generic.IEnumerable<TSource> source, Func<TSource, TKey> key) {
            return Best(source, key, 1);
        }

        public static TSource MinBy<TSource, TKey>(this Collections.Generic.IEnumerable<TSource> source, Func<TSource, TKey> key) {
            return Best(source, key, -1);
        }

        public static Collections.Generic.IEnumerable<TSource> DistinctBy<TSource, TKey>(
                this Collections.Generic.IEnumerable<TSource> source, Func<TSource, TKey> key) {
            var seen = new Collections.Generic.HashSet<TKey>();
            foreach (var item in source) if (seen.Add(key(item))) yield return item;
        }

        static TSource Best<TSource, TKey>(Collections.Generic.IEnumerable<TSource> source, Func<TSource, TKey> key, int sign) {
            var comparer = Collections.Generic.Comparer<TKey>.Default;
            bool any = false;
            TSource best = default(TSource);
            TKey bestKey = default(TKey);
            foreach (var item in source) {
                TKey itemKey = key(item);
                if (!any || sign * comparer.Compare(itemKey, bestKey) > 0) { best = item; bestKey = itemKey; any = true; }
            }
            if (!any && default(TSource) != null) throw new InvalidOperationException("Sequence contains no elements");
            return best;
        }
    }
}

namespace JudgedHarness {
    using Generic = System.Collections.Generic;

    class BadTest : System.Exception { public BadTest(string message) : base(message) {} }
    class Mismatch : System.Exception {}
    class Cycle : System.Exception { public Cycle(string message) : base(message) {} }

    struct Kind {
        public string Base;
        public int Depth;
        public static Kind Parse(string text) {
            int depth = 0;
            while (text.EndsWith("[]")) { text = text.Substring(0, text.Length - 2); depth++; }
            return new Kind { Base = text, Depth = depth };
        }
        public Kind Element { get { return new Kind { Base = Base, Depth = Depth - 1 }; } }
    }

    // Mono's double.Parse and ToString("R") are not correctly rounded for about one double in two hundred
    // (a JSON number read one unit in the last place off, or written so that it reads back as another);
    // these are exact, with BigInteger: a decimal is rounded half to even as IEEE 754 asks.
    static class ExactDouble {
        static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

        internal static double Parse(string token) {
            int at = 0;
            bool negative = token.Length > 0 && token[0] == '-';
            if (negative || (token.Length > 0 && token[0] == '+')) at++;
            var digits = new System.Text.StringBuilder();
            int exponent = 0;
            bool point = false;
            for (; at < token.Length; at++) {
                char c = token[at];
                if (c >= '0' && c <= '9') { digits.Append(c); if (point) exponent--; }
                else if (c == '.' && !point) point = true;
                else break;
            }
            if (digits.Length == 0) throw new System.FormatException("bad number");
            if (at < token.Length) {
                if (token[at] != 'e' && token[at] != 'E') throw new System.FormatException("bad number");
                exponent += int.Parse(token.Substring(at + 1), System.Globalization.NumberStyles.AllowLeadingSign, Invariant);
            }
            var mantissa = System.Numerics.BigInteger.Parse(digits.ToString(), Invariant);
            double magnitude;
            if (mantissa.IsZero || exponent + digits.Length < -400) magnitude = 0.0;
            else if (exponent + digits.Length > 400) magnitude = double.PositiveInfinity;
            else magnitude = FromRatio(mantissa, exponent);
            return negative ? -magnitude : magnitude;
        }

        // mantissa * 10^exponent, rounded to the nearest double (ties to even).
        static double FromRatio(System.Numerics.BigInteger mantissa, int exponent) {
            var numerator = mantissa;
            var denominator = System.Numerics.BigInteger.One;
            if (exponent >= 0) numerator *= System.Numerics.BigInteger.Pow(10, exponent);
            else denominator = System.Numerics.BigInteger.Pow(10, -exponent);
            // value = q * 2^k with 2^52 <= q < 2^53 (or k = -1074 and q smaller: a subnormal)
            int k = (int)System.Math.Floor(System.Numerics.BigInteger.Log(numerator, 2) - System.Numerics.BigInteger.Log(denominator, 2)) - 52;
            var low = System.Numerics.BigInteger.One << 52;
            var high = System.Numerics.BigInteger.One << 53;
            System.Numerics.BigInteger q, remainder, divisor;
            while (true) {
                if (k < -1074) k = -1074;
                var n = k >= 0 ? numerator : numerator << -k;
                divisor = k >= 0 ? denominator << k : denominator;
                q = System.Numerics.BigInteger.DivRem(n, divisor, out remainder);
                if (q >= high) { k++; continue; }
                if (q < low && k > -1074) { k--; continue; }
                break;
            }
            int half = (remainder * 2).CompareTo(divisor);
            if (half > 0 || (half == 0 && !q.IsEven)) q += 1;
            if (q == high) { q = low; k++; }
            if (k + 1075 >= 2047) return double.PositiveInfinity;
            return System.BitConverter.Int64BitsToDouble(((long)(k + 1074) << 52) + (long)q);
        }

        // The shortest text Mono writes, where it reads back as the same double; else 17 exact digits.
        internal static string Format(double number) {
            string text = number.ToString("R", Invariant);
            if (Parse(text) == number) return text;
            return Seventeen(number);
        }

        static string Seventeen(double number) {
            long bits = System.BitConverter.DoubleToInt64Bits(number);
            bool negative = bits < 0;
            int biased = (int)((bits >> 52) & 0x7FF);
            long fraction = bits & 0xFFFFFFFFFFFFFL;
            var m = new System.Numerics.BigInteger(biased == 0 ? fraction : fraction | (1L << 52));
            int e = (biased == 0 ? 1 : biased) - 1075;  // |number| = m * 2^e
            var numerator = e >= 0 ? m << e : m;
            var denominator = e >= 0 ? System.Numerics.BigInteger.One : System.Numerics.BigInteger.One << -e;
            int p = (int)System.Math.Floor(System.Math.Log10(System.Math.Abs(number)));  // 10^p <= |number|, adjusted below
            var lowest = System.Numerics.BigInteger.Pow(10, 16);
            var beyond = System.Numerics.BigInteger.Pow(10, 17);
            System.Numerics.BigInteger d;
            while (true) {
                int shift = p - 16;
                var n = shift >= 0 ? numerator : numerator * System.Numerics.BigInteger.Pow(10, -shift);
                var div = shift >= 0 ? denominator * System.Numerics.BigInteger.Pow(10, shift) : denominator;
                System.Numerics.BigInteger remainder;
                d = System.Numerics.BigInteger.DivRem(n, div, out remainder);
                if (d >= beyond) { p++; continue; }
                if (d < lowest) { p--; continue; }
                int half = (remainder * 2).CompareTo(div);
                if (half > 0 || (half == 0 && !d.IsEven)) d += 1;
                if (d == beyond) { d = lowest; p++; }
                break;
            }
            string digits = d.ToString(Invariant);
            return (negative ? "-" : "") + digits.Substring(0, 1) + "." + digits.Substring(1) + "E" + p.ToString(Invariant);
        }
    }

    // A small JSON reader: numbers as long (integers) or double, arrays as List<object>, null as null.
    class Json {
        const int MaxDepth = 1000;
        readonly string text;
        int at;
        Json(string text) { this.text = text; }

        public static object Parse(string text) {
            var reader = new Json(text);
            object value = reader.Value(0);
            reader.Space();
            if (reader.at != text.Length) throw new BadTest("not JSON: text after the value");
            return value;
        }

        void Space() { while (at < text.Length && " \t\r\n".IndexOf(text[at]) >= 0) at++; }

        BadTest Error(string what) { return new BadTest("not JSON: " + what + " at " + at); }

        object Value(int depth) {
            Space();
            if (at >= text.Length) throw Error("unexpected end");
            char c = text[at];
            if (c == '[') return Array(depth + 1);
            if (c == '"') return String();
            if (Word("true")) return true;
            if (Word("false")) return false;
            if (Word("null")) return null;
            if (c == '-' || (c >= '0' && c <= '9')) return Number();
            throw Error("unexpected character");
        }

        bool Word(string word) {
            if (string.CompareOrdinal(text, at, word, 0, word.Length) != 0) return false;
            at += word.Length;
            return true;
        }

        object Array(int depth) {
            if (depth > MaxDepth) throw new BadTest("arrays nested too deep");
            at++;
            var items = new Generic.List<object>();
            Space();
            if (at < text.Length && text[at] == ']') { at++; return items; }
            while (true) {
                items.Add(Value(depth));
                Space();
                if (at >= text.Length) throw Error("unexpected end");
                if (text[at] == ',') { at++; continue; }
                if (text[at] == ']') { at++; return items; }
                throw Error("expected , or ]");
            }
        }

        object Number() {
            int start = at;
            if (text[at] == '-') at++;
            while (at < text.Length && "0123456789+-.eE".IndexOf(text[at]) >= 0) at++;
            string token = text.Substring(start, at - start);
            long whole;
            if (token.IndexOfAny(new[] { '.', 'e', 'E' }) < 0
                && long.TryParse(token, System.Globalization.NumberStyles.AllowLeadingSign,
                                 System.Globalization.CultureInfo.InvariantCulture, out whole)) return whole;
            try { return ExactDouble.Parse(token); }
            catch (System.FormatException) { throw Error("bad number"); }
            catch (System.OverflowException) { throw Error("bad number"); }
        }

        string String() {
            at++;
            var built = new System.Text.StringBuilder();
            while (true) {
                if (at >= text.Length) throw Error("unterminated string");
                char c = text[at++];
                if (c == '"') return built.ToString();
                if (c != '\\') { built.Append(c); continue; }
                if (at >= text.Length) throw Error("unterminated string");
                char e = text[at++];
                switch (e) {
                    case 'n': built.Append('\n'); break;
                    case 't': built.Append('\t'); break;
                    case 'r': built.Append('\r'); break;
                    case 'b': built.Append('\b'); break;
                    case 'f': built.Append('\f'); break;
                    case 'u':
                        if (at + 4 > text.Length) throw Error("bad escape");
                        built.Append((char)System.Convert.ToInt32(text.Substring(at, 4), 16));
                        at += 4;
                        break;
                    default: built.Append(e); break;
                }
            }
        }
    }

    static class Harness {
        internal const int ExitUserError = 1, ExitBadTest = 3;
        const int MaxNodes = 1000000, ResultsFd = 3;

        [System.Runtime.InteropServices.DllImport("libc")]
        static extern int clock_gettime(int clock, out Timespec time);
        struct Timespec { public long Seconds; public long Nanoseconds; }

        internal static double CpuSeconds() {
            Timespec time;
            clock_gettime(2, out time); // CLOCK_PROCESS_CPUTIME_ID
            return time.Seconds + time.Nanoseconds / 1e9;
        }

        static string Show(object value) {
            string text = value == null ? "null" : value is string ? "\"" + value + "\"" : value.ToString();
            return text.Length > 40 ? text.Substring(0, 40) : text;
        }

        // Decoding: the JSON value checked against the signature's kind, then made the declared type.

        static bool IsInteger(object value, long low, long high) {
            return value is long && (long)value >= low && (long)value <= high;
        }

        internal static void Check(object value, Kind kind) {
            if (kind.Depth > 0) {
                var items = value as Generic.List<object>;
                if (items == null) throw new BadTest("expected an array, got " + Show(value));
                foreach (var item in items) Check(item, kind.Element);
                return;
            }
            bool ok;
            switch (kind.Base) {
                case "int": ok = IsInteger(value, int.MinValue, int.MaxValue); break;
                case "long": ok = value is long; break;
                case "double": ok = value is long || value is double; break;
                case "bool": ok = value is bool; break;
                case "string": ok = value is string; break;
                case "char": ok = value is string && ((string)value).Length == 1; break;
                case "ListNode": ok = CheckAll(value, 0, false); break;
                case "TreeNode": ok = CheckAll(value, 0, true); break;
                case "NestedInteger": ok = CheckNested(value); break;
                default: ok = CheckGraph(value); break;
            }
            string what = kind.Base == "int" || kind.Base == "long" ? "an integer" : kind.Base;
            if (!ok) throw new BadTest("expected " + what + ", got " + Show(value));
        }

        static bool CheckAll(object value, int _, bool nulls) {
            var items = value as Generic.List<object>;
            if (items == null) return false;
            foreach (var item in items)
                if (!(item == null && nulls) && !IsInteger(item, int.MinValue, int.MaxValue)) return false;
            return true;
        }

        static bool CheckNested(object value) {
            var items = value as Generic.List<object>;
            if (items == null) return IsInteger(value, int.MinValue, int.MaxValue);
            foreach (var item in items) if (!CheckNested(item)) return false;
            return true;
        }

        static bool CheckGraph(object value) {
            var rows = value as Generic.List<object>;
            if (rows == null) return false;
            foreach (var row in rows) {
                var items = row as Generic.List<object>;
                if (items == null) return false;
                foreach (var item in items) if (!IsInteger(item, 1, rows.Count)) return false;
            }
            return true;
        }

        static System.Type ElementOf(System.Type target) {
            if (target == typeof(object)) return typeof(object); // an `object` parameter: an object[] of values
            if (target.IsArray) return target.GetElementType();
            if (target.IsGenericType) return target.GetGenericArguments()[0];
            throw new BadTest("cannot pass an array as " + target);
        }

        internal static object Convert(object value, Kind kind, System.Type target) {
            if (kind.Depth > 0) {
                var items = (Generic.List<object>)value;
                System.Type element = ElementOf(target);
                if (target.IsArray || target == typeof(object)) {
                    System.Array array = System.Array.CreateInstance(element, items.Count);
                    for (int i = 0; i < items.Count; i++) array.SetValue(Convert(items[i], kind.Element, element), i);
                    return array;
                }
                var list = (System.Collections.IList)System.Activator.CreateInstance(
                    typeof(Generic.List<>).MakeGenericType(element));
                foreach (var item in items) list.Add(Convert(item, kind.Element, element));
                return list;
            }
            switch (kind.Base) {
                case "int": case "long": case "double": case "bool":
                    return System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
                case "string": return value;
                case "char": return target == typeof(string) ? value : (object)((string)value)[0];
//@begin ListNode
                case "ListNode": return DecodeList((Generic.List<object>)value);
//@end ListNode
//@begin TreeNode
                case "TreeNode": return DecodeTree((Generic.List<object>)value);
//@end TreeNode
//@begin Node
                case "Node": return DecodeGraph((Generic.List<object>)value);
//@end Node
//@begin NestedInteger
                case "NestedInteger": return DecodeNested(value);
//@end NestedInteger
            }
            throw new BadTest("no type " + kind.Base);
        }

//@begin NestedInteger
        static NestedInteger DecodeNested(object value) {
            var items = value as Generic.List<object>;
            if (items == null) return new NestedInteger((int)(long)value);
            var nested = new NestedInteger();
            foreach (var item in items) nested.Add(DecodeNested(item));
            return nested;
        }
//@end NestedInteger

//@begin ListNode
        static ListNode DecodeList(Generic.List<object> items) {
            ListNode head = null;
            for (int i = items.Count - 1; i >= 0; i--) head = new ListNode((int)(long)items[i], head);
            return head;
        }

        static string EncodeList(object value) {
            var items = new Generic.List<string>();
            for (var node = value as ListNode; value != null; value = node.next, node = node.next) {
                if (node == null) throw new Mismatch();
                if (items.Count == MaxNodes) throw new Cycle("ListNode has a cycle");
                items.Add(node.val.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            return "[" + string.Join(",", items) + "]";
        }
//@end ListNode
//@begin TreeNode
        static TreeNode DecodeTree(Generic.List<object> items) {
            if (items.Count == 0 || items[0] == null) return null;
            var root = new TreeNode((int)(long)items[0]);
            var parents = new Generic.Queue<TreeNode>();
            parents.Enqueue(root);
            int index = 1;
            while (index < items.Count) {
                if (parents.Count == 0) {
                    for (; index < items.Count; index++)
                        if (items[index] != null) throw new BadTest("tree node " + index + " has no parent");
                    break;
                }
                var parent = parents.Dequeue();
                if (items[index] != null) parents.Enqueue(parent.left = new TreeNode((int)(long)items[index]));
                index++;
                if (index < items.Count && items[index] != null)
                    parents.Enqueue(parent.right = new TreeNode((int)(long)items[index]));
                index++;
            }
            return root;
        }

        static string EncodeTree(object value) {
            var items = new Generic.List<string>();
            var queue = new Generic.Queue<TreeNode>();
            if (value != null && !(value is TreeNode)) throw new Mismatch();
            queue.Enqueue((TreeNode)value);
            int nodes = 0;
            while (queue.Count > 0) {
                var node = queue.Dequeue();
                if (node == null) { items.Add("null"); continue; }
                if (++nodes > MaxNodes) throw new Cycle("TreeNode has a cycle");
                items.Add(node.val.ToString(System.Globalization.CultureInfo.InvariantCulture));
                queue.Enqueue(node.left);
                queue.Enqueue(node.right);
            }
            int count = items.Count;
            while (count > 0 && items[count - 1] == "null") count--;
            return "[" + string.Join(",", items.GetRange(0, count)) + "]";
        }
//@end TreeNode
//@begin Node
        static Node DecodeGraph(Generic.List<object> rows) {
            var nodes = new Node[rows.Count];
            for (int i = 0; i < nodes.Length; i++) nodes[i] = new Node(i + 1);
            for (int i = 0; i < nodes.Length; i++)
                foreach (var item in (Generic.List<object>)rows[i]) nodes[i].neighbors.Add(nodes[(int)(long)item - 1]);
            return nodes.Length == 0 ? null : nodes[0];
        }

        // The adjacency list of the graph reachable from `start`, by value: its values must be 1..n, once each.
        static string EncodeGraph(object value) {
            if (value == null) return "[]";
            var start = value as Node;
            if (start == null) throw new Mismatch();
            var neighboursOf = new Generic.Dictionary<int, Generic.IList<Node>>();
            var seen = new Generic.HashSet<Node> { start };
            var queue = new Generic.Queue<Node>();
            queue.Enqueue(start);
            while (queue.Count > 0) {
                var node = queue.Dequeue();
                if (node.neighbors == null || neighboursOf.ContainsKey(node.val)) throw new Mismatch();
                neighboursOf[node.val] = node.neighbors;
                foreach (var neighbour in node.neighbors) {
                    if (neighbour == null) throw new Mismatch();
                    if (seen.Add(neighbour)) queue.Enqueue(neighbour);
                }
            }
            var rows = new Generic.List<string>();
            for (int number = 1; number <= neighboursOf.Count; number++) {
                Generic.IList<Node> neighbours;
                if (!neighboursOf.TryGetValue(number, out neighbours)) throw new Mismatch();
                var values = new Generic.List<string>();
                foreach (var neighbour in neighbours) values.Add(neighbour.val.ToString());
                rows.Add("[" + string.Join(",", values) + "]");
            }
            return "[" + string.Join(",", rows) + "]";
        }
//@end Node

        // Encoding results by the signature's kind, whatever collection type holds them.

        static string Text(string value) {
            var built = new System.Text.StringBuilder("\"");
            foreach (char c in value) {
                switch (c) {
                    case '"': built.Append("\\\""); break;
                    case '\\': built.Append("\\\\"); break;
                    case '\n': built.Append("\\n"); break;
                    case '\r': built.Append("\\r"); break;
                    case '\t': built.Append("\\t"); break;
                    case '\b': built.Append("\\b"); break;
                    case '\f': built.Append("\\f"); break;
                    default:
                        if (c < ' ') built.Append("\\u").Append(((int)c).ToString("x4"));
                        else built.Append(c);
                        break;
                }
            }
            return built.Append('"').ToString();
        }

        internal static string Double(double number) {
            if (double.IsNaN(number)) return "\"NaN\"";
            if (double.IsPositiveInfinity(number)) return "\"Infinity\"";
            if (double.IsNegativeInfinity(number)) return "\"-Infinity\"";
            if (number == 0) return 1 / number < 0 ? "-0.0" : "0.0"; // Mono's ToString writes -0 as "0"
            string text = ExactDouble.Format(number);
            if (text.IndexOfAny(new[] { '.', 'E', 'e' }) < 0) text += ".0"; // -0 stays a double
            return text;
        }

        internal static string Encode(object value, Kind kind) {
            if (kind.Depth > 0) {
                var items = value as System.Collections.IEnumerable;
                if (items == null || value is string) throw new Mismatch();
                var parts = new Generic.List<string>();
                foreach (var item in items) parts.Add(Encode(item, kind.Element));
                return "[" + string.Join(",", parts) + "]";
            }
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            switch (kind.Base) {
                case "int":
                case "long":
                    if (value is int || value is long || value is short || value is byte)
                        return System.Convert.ToInt64(value).ToString(culture);
                    throw new Mismatch();
                case "double":
                    if (value is double || value is float || value is int || value is long)
                        return Double(System.Convert.ToDouble(value));
                    throw new Mismatch();
                case "bool":
                    if (value is bool) return (bool)value ? "true" : "false";
                    throw new Mismatch();
                case "string":
                    if (value is string) return Text((string)value);
                    throw new Mismatch();
                case "char":
                    if (value is char) return Text(value.ToString());
                    throw new Mismatch();
//@begin ListNode
                case "ListNode": return EncodeList(value);
//@end ListNode
//@begin TreeNode
                case "TreeNode": return EncodeTree(value);
//@end TreeNode
//@begin Node
                case "Node": return EncodeGraph(value);
//@end Node
            }
            throw new Mismatch();
        }

        // Talking to the judge.

        // fd 3 is written with write(2) itself: Mono's FileStream refuses a descriptor it did not open.
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        static extern long write(int fd, byte[] buffer, long count);

        internal static void WriteResult(string line) {
            byte[] bytes = new System.Text.UTF8Encoding(false).GetBytes(line + "\n");
            int done = 0;
            while (done < bytes.Length) {
                byte[] rest = done == 0 ? bytes : new System.ArraySegment<byte>(bytes, done, bytes.Length - done).ToArray();
                long wrote = write(ResultsFd, rest, rest.Length);
                if (wrote < 0) {
                    int error = System.Runtime.InteropServices.Marshal.GetLastWin32Error();
                    if (error == 4 || error == 11) { System.Threading.Thread.Sleep(1); continue; } // EINTR, EAGAIN
                    throw new System.IO.IOException("cannot write results: errno " + error);
                }
                done += (int)wrote;
            }
        }

        static string Describe(System.Exception error) {
            return string.IsNullOrEmpty(error.Message) ? error.GetType().FullName : error.GetType().FullName + ": " + error.Message;
        }

        internal static int ReportError(System.Exception error, double seconds) {
            WriteResult("{\"e\":" + Text(Describe(error)) + ",\"t\":" + Double(seconds) + "}");
            System.Console.Error.WriteLine(error.ToString());
            return ExitUserError;
        }

        // Run mode's per-run boundary between two tests' prints (docs/harness-protocol.md); null when judging.
        static readonly string CaseMark = TakeCaseMark();
        static readonly System.IO.TextWriter Stdout = System.Console.Out; // before the user's code can replace it

        static string TakeCaseMark() {
            string mark = System.Environment.GetEnvironmentVariable("JUDGED_CASE_MARK");
            System.Environment.SetEnvironmentVariable("JUDGED_CASE_MARK", null);
            return mark;
        }

        // Run mode: the user's buffered prints go out, then the marker where the next test's prints begin, through
        // stdout itself, so it falls exactly between two tests' prints. Nothing when judging.
        internal static void MarkCase() {
            if (CaseMark == null) return;
            System.Console.Out.Flush();
            Stdout.Write(CaseMark);
            Stdout.Flush();
        }

//@begin function
        static System.Reflection.MethodInfo FindMethod(string name, int count) {
            var type = typeof(Solution);
            var flags = System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic
                | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static;
            foreach (var method in type.GetMethods(flags))
                if (method.Name == name && method.GetParameters().Length == count) return method;
            foreach (var method in type.GetMethods(flags))
                if (string.Equals(method.Name, name, System.StringComparison.OrdinalIgnoreCase)
                    && method.GetParameters().Length == count) return method;
            throw new System.MissingMethodException("Solution has no method " + name + " with " + count + " parameters");
        }

        public static int Run(string name, string[] paramTypes, string returns) {
            var kinds = System.Array.ConvertAll(paramTypes, Kind.Parse);
            bool inPlace = returns == "void";
            Kind resultKind = inPlace ? kinds[0] : Kind.Parse(returns);
            var tests = new System.IO.StreamReader(System.Console.OpenStandardInput(), new System.Text.UTF8Encoding(false));
            System.Reflection.MethodInfo method;
            System.Type[] declared;
            try {
                method = FindMethod(name, kinds.Length);
                declared = System.Array.ConvertAll(method.GetParameters(), p => p.ParameterType);
            } catch (System.Exception error) {
                return ReportError(error, 0);
            }
            int number = 0;
            string line;
            while ((line = tests.ReadLine()) != null) {
                if (line.Trim().Length == 0) continue;
                number++;
                object[] args;
                try {
                    var values = Json.Parse(line) as Generic.List<object>;
                    if (values == null || values.Count != kinds.Length)
                        throw new BadTest("expected an array of " + kinds.Length + " arguments");
                    args = new object[kinds.Length];
                    for (int i = 0; i < kinds.Length; i++) {
                        Check(values[i], kinds[i]);
                        args[i] = Convert(values[i], kinds[i], declared[i]);
                    }
                } catch (System.Exception error) {
                    System.Console.Error.WriteLine("judged harness: cannot decode test " + number + ": " + error.Message);
                    return ExitBadTest;
                }
                MarkCase();
                double start = CpuSeconds();
                object returned;
                try {
                    object solution = method.IsStatic ? null : new Solution();
                    returned = method.Invoke(solution, args);
                } catch (System.Reflection.TargetInvocationException error) {
                    return ReportError(error.InnerException ?? error, CpuSeconds() - start);
                } catch (System.Exception error) {
                    return ReportError(error, CpuSeconds() - start);
                }
                double spent = CpuSeconds() - start;
                string text;
                try {
                    text = Encode(inPlace ? args[0] : returned, resultKind);
                } catch (Mismatch) {
                    text = "null";
                } catch (Cycle error) {
                    WriteResult("{\"e\":" + Text(error.Message) + ",\"t\":" + Double(spent) + "}");
                    return ExitUserError;
                } catch (System.Exception error) {
                    return ReportError(error, spent);
                }
                WriteResult("{\"v\":" + text + ",\"t\":" + Double(spent) + "}");
            }
            return 0;
        }
//@end function
    }

//@begin function
    static class Program {
        static int Main() {
            return Harness.Run(@METHOD@, new string[] { @PARAMS@ }, @RETURNS@);
        }
    }
//@end function
}
