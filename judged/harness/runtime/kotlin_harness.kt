// judged's Kotlin harness runtime: reads the judge's tests on stdin, calls the user's `class Solution`
// method, writes one result line per test to fd 3 (docs/harness-protocol.md).
//
// It is compiled ONCE, at install time, into /opt/judged/leetcode/kotlin/judged-harness.jar
// (scripts/leetcode_libraries.sh), so a submission's compile reads only the user's file and a
// one-line `main` (judged/harness/lang_kotlin.py): kotlinc costs seconds per file it compiles.
// That `main` passes the SHA-256 of this file; a jar built from another version of it refuses to
// run (the language's self-test then fails at start) instead of judging with stale code.
//
// The method is found by reflection and each argument converted to the type the user declared:
// `IntArray` or `List<Int>`, `Array<IntArray>` or `List<List<Int>>`, `Array<String>` or
// `List<String>`, ... (Kotlin's `List` is java.util.List on the JVM). ListNode, TreeNode and the
// graph Node are the user's file's classes (LeetCode's definitions, added by the generator when
// the user did not paste their own), reached by reflection: `val`, `next`, `left`, `right`,
// `neighbors`. `t` is the calling thread's CPU time, which leaves out the JVM's own threads.
package judged

import java.lang.reflect.Constructor
import java.lang.reflect.Field
import java.lang.reflect.InvocationTargetException
import java.lang.reflect.Method
import java.lang.reflect.Modifier
import java.lang.reflect.ParameterizedType
import java.lang.reflect.Type
import java.lang.reflect.WildcardType

private const val MAX_NODES = 1000000

/** A method this harness cannot call: reported as the first test's error. */
class Unsupported(message: String) : RuntimeException(message, null, false, false)

/** A judge's test line the harness cannot decode: a judge bug, exit 3. */
class BadInput(message: String) : RuntimeException(message, null, false, false)

/** A returned value that cannot be encoded (a cyclic list): the test's error. */
class BadResult(message: String) : RuntimeException(message, null, false, false)

/** Converts one declared type between JSON and JVM values. */
interface Conv {
    fun read(input: JsonIn): Any?

    fun write(value: Any?, out: JsonOut)
}

object Harness {
    private val CASE_MARK: String? = System.getenv("JUDGED_CASE_MARK")
    private val STDOUT: java.io.PrintStream = System.out // before the user's code can replace System.out

    /** Run mode's marker before a call: the user's buffered prints go out first, so they stay with their call. */
    internal fun markCase() {
        if (CASE_MARK == null) return
        System.out.flush()
        STDOUT.print(CASE_MARK)
        STDOUT.flush()
    }

    /** A jar built from another version of this file refuses to run (exit 4: the self-test fails at start). */
    internal fun checkVersion(sha: String) {
        if (sha != SOURCE_SHA) {
            System.err.println("judged: the Kotlin harness jar is out of date: run scripts/leetcode_libraries.sh")
            System.exit(4)
        }
    }

    /** Run every test: `params` and `returns` are the signature's type strings ("int[]", "void", ...). */
    @JvmStatic
    fun run(sha: String, solution: Class<*>, name: String, params: Array<String>, returns: String) {
        checkVersion(sha)
        val results = java.io.FileOutputStream("/proc/self/fd/3")
        val out = JsonOut()
        val inPlace = returns == "void"
        val method: Method
        val convs: List<Conv>
        val result: Conv
        try {
            method = find(solution, name, params.size)
            val declared = method.genericParameterTypes
            convs = params.indices.map { conv(params[it], declared[it]) }
            result = if (inPlace) convs[0] else conv(returns, method.genericReturnType)
        } catch (e: Unsupported) {
            fail(results, out, e.message ?: "unsupported", 0.0)
            return
        }
        val receiver = instanceOf(solution)
        val clock = java.lang.management.ManagementFactory.getThreadMXBean()
        val input = JsonIn(System.`in`)
        val arguments = arrayOfNulls<Any?>(params.size)
        var test = 1
        while (read(input, convs, arguments, test)) {
            var value: Any? = null
            var thrown: Throwable? = null
            markCase()
            val start = clock.currentThreadCpuTime
            try {
                value = method.invoke(receiver ?: solution.getDeclaredConstructor().newInstance(), *arguments)
            } catch (e: java.lang.reflect.InvocationTargetException) {
                thrown = e.cause ?: e
            } catch (e: Throwable) {
                thrown = e
            }
            val seconds = (clock.currentThreadCpuTime - start) / 1e9
            if (thrown != null) fail(results, out, thrown.toString(), seconds)
            out.ascii("{\"v\": ")
            try {
                result.write(if (inPlace) arguments[0] else value, out)
            } catch (e: BadResult) {
                fail(results, out, e.message ?: "bad result", seconds)
            } catch (e: Throwable) {
                fail(results, out, e.toString(), seconds)
            }
            out.ascii(", \"t\": ")
            out.ascii(seconds.toString())
            out.ascii("}\n")
            out.writeTo(results)
            test++
        }
        System.out.flush()
        System.exit(0)
    }

    /** An `object Solution`'s one instance; null for a class (a new instance per test, as LeetCode makes). */
    private fun instanceOf(solution: Class<*>): Any? {
        val field = solution.declaredFields.firstOrNull { it.name == "INSTANCE" && Modifier.isStatic(it.modifiers) }
        return field?.get(null)
    }

    private fun read(input: JsonIn, convs: List<Conv>, arguments: Array<Any?>, test: Int): Boolean {
        try {
            if (input.skip() < 0) return false
            input.expect('[')
            for (i in convs.indices) {
                if (i > 0) input.expect(',')
                arguments[i] = convs[i].read(input)
            }
            input.expect(']')
            return true
        } catch (e: BadInput) {
            System.out.flush()
            System.err.println("harness: cannot decode test $test: ${e.message}")
            System.exit(3)
            return false
        }
    }

    internal fun fail(results: java.io.OutputStream, out: JsonOut, message: String, seconds: Double): Nothing {
        out.reset()
        out.ascii("{\"e\": ")
        out.str(message)
        out.ascii(", \"t\": ")
        out.ascii(seconds.toString())
        out.ascii("}\n")
        out.writeTo(results)
        System.out.flush()
        System.exit(1)
        throw IllegalStateException("exited")
    }

    /** A judge's test line the harness cannot decode: said on stderr, exit 3 (the judge reports IE). */
    internal fun badInput(test: Int, e: BadInput): Nothing {
        System.out.flush()
        System.err.println("harness: cannot decode test $test: ${e.message}")
        System.exit(3)
        throw IllegalStateException("exited")
    }

    private fun find(solution: Class<*>, name: String, arity: Int): Method {
        for (m in solution.declaredMethods) {
            if (m.name == name && m.parameterCount == arity && !m.isBridge && !m.isSynthetic) {
                m.isAccessible = true
                return m
            }
        }
        throw Unsupported("class Solution has no method $name with $arity parameter(s)")
    }

    /** The converter of a value of signature type `type` that the user's code declares as `declared`. */
    fun conv(type: String, declared: Type): Conv {
        if (declared is WildcardType && declared.upperBounds.size == 1) return conv(type, declared.upperBounds[0])
        if (type.endsWith("[]")) return arrayConv(type.substring(0, type.length - 2), declared)
        val scalar = SCALARS[type]
        if (scalar != null) {
            val (classes, conv) = scalar
            if (declared is Class<*> && declared in classes) return conv
        } else if (declared is Class<*> && declared.name == type) {
            return when (type) {
                "ListNode" -> ListNodes(declared)
                "TreeNode" -> TreeNodes(declared)
                "NestedInteger" -> NestedIntegers(declared)
                else -> GraphNodes(declared)
            }
        }
        throw Unsupported("the harness cannot pass or return ${declared.typeName} as $type")
    }

    private fun arrayConv(element: String, declared: Type): Conv {
        if (declared is Class<*>) {
            PRIMITIVE_ARRAYS[element]?.let { (cls, conv) -> if (declared == cls) return conv }
            if (declared.isArray && !declared.componentType.isPrimitive) {
                return ArrayConv(declared.componentType, conv(element, declared.componentType))
            }
        }
        if (declared is ParameterizedType && declared.actualTypeArguments.size == 1) {
            val raw = declared.rawType
            if (raw is Class<*>) {
                val item = conv(element, declared.actualTypeArguments[0])
                if (raw.isAssignableFrom(java.util.ArrayList::class.java)) return ListConv(item, false)
                if (raw.isAssignableFrom(java.util.LinkedList::class.java)) return ListConv(item, true)
            }
        }
        throw Unsupported("the harness cannot pass or return ${declared.typeName} as $element[]")
    }
}

/** A design problem's tests: `[["LRUCache","put","get"],[[2],[1,1],[2]]]` in, `{"v": [null,null,1], ...}` out. */
object Design {
    /** One constructor or method of the user's class, with its parameters' converters and its result's (null: void). */
    private class Call(val invoke: (Any?, Array<Any?>) -> Any?, val params: List<Conv>, val result: Conv?)

    /**
     * Run every test: `cls` is the user's class, `constructor` its constructor's parameter types, `methods` the
     * methods' names with `params` their parameter types and `returns` their result types ("void" for none).
     */
    @JvmStatic
    fun run(
        sha: String,
        cls: Class<*>,
        constructor: Array<String>,
        methods: Array<String>,
        params: Array<Array<String>>,
        returns: Array<String>,
    ) {
        Harness.checkVersion(sha)
        val results = java.io.FileOutputStream("/proc/self/fd/3")
        val out = JsonOut()
        val init: Call
        val calls = HashMap<String, Call>()
        try {
            init = constructorOf(cls, constructor)
            for (i in methods.indices) calls[methods[i]] = methodOf(cls, methods[i], params[i], returns[i])
        } catch (e: Unsupported) {
            Harness.fail(results, out, e.message ?: "unsupported", 0.0)
        }
        val clock = java.lang.management.ManagementFactory.getThreadMXBean()
        val input = JsonIn(System.`in`)
        var test = 1
        while (true) {
            val operations = ArrayList<Call>()
            val arguments = ArrayList<Array<Any?>>()
            try {
                if (input.skip() < 0) break
                read(input, init, calls, operations, arguments)
            } catch (e: BadInput) {
                Harness.badInput(test, e)
            }
            Harness.markCase()
            out.ascii("{\"v\": [null")
            var thrown: Throwable? = null
            var message: String? = null
            val start = clock.currentThreadCpuTime
            try {
                val instance = init.invoke(null, arguments[0])
                for (i in 1 until operations.size) {
                    val value = operations[i].invoke(instance, arguments[i])
                    out.raw(',')
                    val result = operations[i].result
                    if (result == null) out.ascii("null") else result.write(value, out)
                }
            } catch (e: InvocationTargetException) {
                thrown = e.cause ?: e
            } catch (e: BadResult) {
                message = e.message
            } catch (e: Throwable) {
                thrown = e
            }
            val seconds = (clock.currentThreadCpuTime - start) / 1e9
            if (thrown != null || message != null) Harness.fail(results, out, message ?: thrown.toString(), seconds)
            out.ascii("], \"t\": ")
            out.ascii(seconds.toString())
            out.ascii("}\n")
            out.writeTo(results)
            test++
        }
        System.out.flush()
        System.exit(0)
    }

    /** `[`, the operations' names, `,`, their argument lists and `]`: each argument read as its call declares it. */
    private fun read(
        input: JsonIn,
        init: Call,
        calls: Map<String, Call>,
        operations: MutableList<Call>,
        arguments: MutableList<Array<Any?>>,
    ) {
        input.expect('[')
        var more = input.startArray()
        while (more) {
            val name = input.readString()
            operations.add(if (operations.isEmpty()) init else calls[name] ?: throw BadInput("unknown method $name"))
            more = input.more()
        }
        input.expect(',')
        more = input.startArray()
        while (more) {
            if (arguments.size == operations.size) throw BadInput("more argument lists than operations")
            val convs = operations[arguments.size].params
            input.expect('[')
            arguments.add(Array(convs.size) { if (it > 0) input.expect(','); convs[it].read(input) })
            input.expect(']')
            more = input.more()
        }
        if (arguments.size != operations.size) throw BadInput("fewer argument lists than operations")
        input.expect(']')
    }

    private fun constructorOf(cls: Class<*>, types: Array<String>): Call {
        var refusal: Unsupported? = null
        for (c in cls.declaredConstructors) {
            if (c.parameterCount != types.size || c.isSynthetic) continue
            try {
                val convs = convs(types, c.genericParameterTypes)
                c.isAccessible = true
                return Call({ _, args -> newInstance(c, args) }, convs, null)
            } catch (e: Unsupported) {
                refusal = refusal ?: e
            }
        }
        throw refusal ?: Unsupported("class ${cls.simpleName} has no constructor with ${types.size} parameter(s)")
    }

    private fun newInstance(c: Constructor<*>, args: Array<Any?>): Any = c.newInstance(*args)

    /** The method `name` of `cls` or of a class it extends, whose parameters the harness can pass. */
    private fun methodOf(cls: Class<*>, name: String, types: Array<String>, returns: String): Call {
        var refusal: Unsupported? = null
        val candidates = generateSequence(cls) { it.superclass }.flatMap { it.declaredMethods.asSequence() } +
            cls.methods.asSequence()
        for (m in candidates) {
            if (m.name != name || m.parameterCount != types.size || m.isBridge || m.isSynthetic) continue
            if (Modifier.isStatic(m.modifiers)) continue
            try {
                val convs = convs(types, m.genericParameterTypes)
                val result = if (returns == "void") null else Harness.conv(returns, m.genericReturnType)
                m.isAccessible = true
                return Call({ self, args -> m.invoke(self, *args) }, convs, result)
            } catch (e: Unsupported) {
                refusal = refusal ?: e
            }
        }
        throw refusal ?: Unsupported("class ${cls.simpleName} has no method $name with ${types.size} parameter(s)")
    }

    private fun convs(types: Array<String>, declared: Array<Type>): List<Conv> =
        types.indices.map { Harness.conv(types[it], declared[it]) }
}

private val INT = object : Conv {
    override fun read(input: JsonIn): Any? = input.readInt()

    override fun write(value: Any?, out: JsonOut) = if (value == null) out.ascii("null") else out.num((value as Number).toLong())
}
private val LONG = object : Conv {
    override fun read(input: JsonIn): Any? = input.readLong()

    override fun write(value: Any?, out: JsonOut) = if (value == null) out.ascii("null") else out.num((value as Number).toLong())
}
private val DOUBLE = object : Conv {
    override fun read(input: JsonIn): Any? = input.readDouble()

    override fun write(value: Any?, out: JsonOut) = if (value == null) out.ascii("null") else out.dbl((value as Number).toDouble())
}
private val BOOL = object : Conv {
    override fun read(input: JsonIn): Any? = input.readBool()

    override fun write(value: Any?, out: JsonOut) = out.ascii(if (value == null) "null" else if (value as Boolean) "true" else "false")
}
private val CHAR = object : Conv {
    override fun read(input: JsonIn): Any? = input.readChar()

    override fun write(value: Any?, out: JsonOut) = if (value == null) out.ascii("null") else out.str((value as Char).toString())
}
private val STRING = object : Conv {
    override fun read(input: JsonIn): Any? = input.readString()

    override fun write(value: Any?, out: JsonOut) = if (value == null) out.ascii("null") else out.str(value as String)
}

private val SCALARS: Map<String, Pair<Set<Class<*>>, Conv>> = mapOf(
    "int" to Pair(setOf(Int::class.javaPrimitiveType!!, Int::class.javaObjectType), INT),
    "long" to Pair(setOf(Long::class.javaPrimitiveType!!, Long::class.javaObjectType), LONG),
    "double" to Pair(setOf(Double::class.javaPrimitiveType!!, Double::class.javaObjectType), DOUBLE),
    "bool" to Pair(setOf(Boolean::class.javaPrimitiveType!!, Boolean::class.javaObjectType), BOOL),
    "char" to Pair(setOf(Char::class.javaPrimitiveType!!, Char::class.javaObjectType), CHAR),
    "string" to Pair(setOf<Class<*>>(String::class.java), STRING),
)

private val INTS = object : Conv {
    override fun read(input: JsonIn): Any? {
        var a = IntArray(16)
        var n = 0
        var more = input.startArray()
        while (more) {
            if (n == a.size) a = a.copyOf(n * 2)
            a[n++] = input.readInt()
            more = input.more()
        }
        return a.copyOf(n)
    }

    override fun write(value: Any?, out: JsonOut) {
        if (value == null) return out.ascii("null")
        val a = value as IntArray
        out.raw('[')
        for (i in a.indices) {
            if (i > 0) out.raw(',')
            out.num(a[i].toLong())
        }
        out.raw(']')
    }
}
private val LONGS = object : Conv {
    override fun read(input: JsonIn): Any? {
        var a = LongArray(16)
        var n = 0
        var more = input.startArray()
        while (more) {
            if (n == a.size) a = a.copyOf(n * 2)
            a[n++] = input.readLong()
            more = input.more()
        }
        return a.copyOf(n)
    }

    override fun write(value: Any?, out: JsonOut) {
        if (value == null) return out.ascii("null")
        val a = value as LongArray
        out.raw('[')
        for (i in a.indices) {
            if (i > 0) out.raw(',')
            out.num(a[i])
        }
        out.raw(']')
    }
}
private val DOUBLES = object : Conv {
    override fun read(input: JsonIn): Any? {
        var a = DoubleArray(16)
        var n = 0
        var more = input.startArray()
        while (more) {
            if (n == a.size) a = a.copyOf(n * 2)
            a[n++] = input.readDouble()
            more = input.more()
        }
        return a.copyOf(n)
    }

    override fun write(value: Any?, out: JsonOut) {
        if (value == null) return out.ascii("null")
        val a = value as DoubleArray
        out.raw('[')
        for (i in a.indices) {
            if (i > 0) out.raw(',')
            out.dbl(a[i])
        }
        out.raw(']')
    }
}
private val BOOLS = object : Conv {
    override fun read(input: JsonIn): Any? {
        var a = BooleanArray(16)
        var n = 0
        var more = input.startArray()
        while (more) {
            if (n == a.size) a = a.copyOf(n * 2)
            a[n++] = input.readBool()
            more = input.more()
        }
        return a.copyOf(n)
    }

    override fun write(value: Any?, out: JsonOut) {
        if (value == null) return out.ascii("null")
        val a = value as BooleanArray
        out.raw('[')
        for (i in a.indices) {
            if (i > 0) out.raw(',')
            out.ascii(if (a[i]) "true" else "false")
        }
        out.raw(']')
    }
}
private val CHARS = object : Conv {
    override fun read(input: JsonIn): Any? {
        var a = CharArray(16)
        var n = 0
        var more = input.startArray()
        while (more) {
            if (n == a.size) a = a.copyOf(n * 2)
            a[n++] = input.readChar()
            more = input.more()
        }
        return a.copyOf(n)
    }

    override fun write(value: Any?, out: JsonOut) {
        if (value == null) return out.ascii("null")
        val a = value as CharArray
        out.raw('[')
        for (i in a.indices) {
            if (i > 0) out.raw(',')
            out.str(a[i].toString())
        }
        out.raw(']')
    }
}

private val PRIMITIVE_ARRAYS: Map<String, Pair<Class<*>, Conv>> = mapOf(
    "int" to Pair(IntArray::class.java, INTS),
    "long" to Pair(LongArray::class.java, LONGS),
    "double" to Pair(DoubleArray::class.java, DOUBLES),
    "bool" to Pair(BooleanArray::class.java, BOOLS),
    "char" to Pair(CharArray::class.java, CHARS),
)

/** An array of objects: Array<String>, Array<IntArray>, Array<List<Int>> ... */
private class ArrayConv(val component: Class<*>, val element: Conv) : Conv {
    override fun read(input: JsonIn): Any? {
        val items = ArrayList<Any?>()
        var more = input.startArray()
        while (more) {
            items.add(element.read(input))
            more = input.more()
        }
        val array = java.lang.reflect.Array.newInstance(component, items.size)
        for (i in items.indices) java.lang.reflect.Array.set(array, i, items[i])
        return array
    }

    override fun write(value: Any?, out: JsonOut) {
        if (value == null) return out.ascii("null")
        val a = value as Array<*>
        out.raw('[')
        for (i in a.indices) {
            if (i > 0) out.raw(',')
            element.write(a[i], out)
        }
        out.raw(']')
    }
}

/** A List<T> (or MutableList, Collection, Iterable, ArrayList, LinkedList) of a convertible T. */
private class ListConv(val element: Conv, val linked: Boolean) : Conv {
    override fun read(input: JsonIn): Any? {
        val items: MutableList<Any?> = if (linked) java.util.LinkedList() else ArrayList()
        var more = input.startArray()
        while (more) {
            items.add(element.read(input))
            more = input.more()
        }
        return items
    }

    override fun write(value: Any?, out: JsonOut) {
        if (value == null) return out.ascii("null")
        out.raw('[')
        var first = true
        for (item in value as Iterable<*>) {
            if (!first) out.raw(',')
            first = false
            element.write(item, out)
        }
        out.raw(']')
    }
}

private fun field(cls: Class<*>, name: String): Field {
    val field = cls.getDeclaredField(name)
    field.isAccessible = true
    return field
}

/** LeetCode's `class ListNode(var `val`: Int) { var next: ListNode? = null }`, as the array of its values. */
private class ListNodes(val cls: Class<*>) : Conv {
    val make = cls.getDeclaredConstructor(Int::class.javaPrimitiveType).also { it.isAccessible = true }
    val value = field(cls, "val")
    val next = field(cls, "next")

    override fun read(input: JsonIn): Any? {
        var head: Any? = null
        var tail: Any? = null
        var more = input.startArray()
        while (more) {
            val node = make.newInstance(input.readInt())
            if (tail == null) head = node else next.set(tail, node)
            tail = node
            more = input.more()
        }
        return head
    }

    override fun write(value: Any?, out: JsonOut) {
        out.raw('[')
        var count = 0
        var node = value
        while (node != null) {
            if (++count > MAX_NODES) throw BadResult("ListNode has a cycle")
            if (count > 1) out.raw(',')
            out.num(this.value.getInt(node).toLong())
            node = next.get(node)
        }
        out.raw(']')
    }
}

/** LeetCode's `TreeNode(var `val`: Int)` with `left` and `right`, as its level-order array. */
private class TreeNodes(val cls: Class<*>) : Conv {
    val make = cls.getDeclaredConstructor(Int::class.javaPrimitiveType).also { it.isAccessible = true }
    val value = field(cls, "val")
    val left = field(cls, "left")
    val right = field(cls, "right")

    override fun read(input: JsonIn): Any? {
        if (!input.startArray()) return null
        val root = make.newInstance(input.readInt())
        val queue = ArrayList<Any>()
        queue.add(root)
        var head = 0
        var isLeft = true
        while (input.more()) {
            val node = if (input.readNull()) null else make.newInstance(input.readInt())
            if (head == queue.size) {
                if (node != null) throw BadInput("a tree node without a parent")
                continue // trailing nulls
            }
            if (isLeft) left.set(queue[head], node) else right.set(queue[head++], node)
            isLeft = !isLeft
            if (node != null) queue.add(node)
        }
        return root
    }

    override fun write(value: Any?, out: JsonOut) {
        val order = ArrayList<Any?>()
        order.add(value)
        var last = -1
        var i = 0
        while (i < order.size) {
            val node = order[i]
            if (node != null) {
                if (i / 2 > MAX_NODES) throw BadResult("TreeNode has a cycle")
                last = i
                order.add(left.get(node))
                order.add(right.get(node))
            }
            i++
        }
        out.raw('[')
        for (j in 0..last) {
            if (j > 0) out.raw(',')
            val node = order[j]
            if (node == null) out.ascii("null") else out.num(this.value.getInt(node).toLong())
        }
        out.raw(']')
    }
}

/** LeetCode's graph `Node(var `val`: Int)` with `neighbors: ArrayList<Node?>`, as an adjacency list. */
private class GraphNodes(val cls: Class<*>) : Conv {
    val make = cls.getDeclaredConstructor(Int::class.javaPrimitiveType).also { it.isAccessible = true }
    val value = field(cls, "val")
    val neighbors = field(cls, "neighbors")

    override fun read(input: JsonIn): Any? {
        val rows = ArrayList<IntArray>()
        var more = input.startArray()
        while (more) {
            val row = ArrayList<Int>()
            var inner = input.startArray()
            while (inner) {
                row.add(input.readInt())
                inner = input.more()
            }
            rows.add(row.toIntArray())
            more = input.more()
        }
        val nodes = Array(rows.size) { make.newInstance(it + 1) }
        for (i in nodes.indices) {
            @Suppress("UNCHECKED_CAST")
            val list = neighbors.get(nodes[i]) as MutableList<Any?>
            for (v in rows[i]) {
                if (v < 1 || v > nodes.size) throw BadInput("a Node neighbour is not a node of the graph")
                list.add(nodes[v - 1])
            }
        }
        return if (nodes.isEmpty()) null else nodes[0]
    }

    /** The graph reachable from the node, by value; null unless its values are 1..n, once each. */
    override fun write(value: Any?, out: JsonOut) {
        val byValue = ArrayList<Any?>()
        val queue = ArrayList<Any>()
        var ok = value == null || meet(value, byValue, queue)
        var i = 0
        while (ok && i < queue.size) {
            val next = neighbors.get(queue[i]) as Iterable<*>?
            if (next == null) ok = false else for (node in next) ok = ok && meet(node, byValue, queue)
            i++
        }
        if (!ok || byValue.size != queue.size) return out.ascii("null")
        out.raw('[')
        for (j in byValue.indices) {
            if (j > 0) out.raw(',')
            out.raw('[')
            var first = true
            for (node in neighbors.get(byValue[j]) as Iterable<*>) {
                if (!first) out.raw(',')
                first = false
                out.num(this.value.getInt(node).toLong())
            }
            out.raw(']')
        }
        out.raw(']')
    }

    private fun meet(node: Any?, byValue: ArrayList<Any?>, queue: ArrayList<Any>): Boolean {
        if (node == null) return false
        val v = value.getInt(node)
        if (v < 1 || v > MAX_NODES) return false
        while (byValue.size < v) byValue.add(null)
        val known = byValue[v - 1]
        if (known != null) return known === node
        byValue[v - 1] = node
        queue.add(node)
        return true
    }
}

/** LeetCode's NestedInteger (`constructor()`, `constructor(value: Int)`, `add`), read from `[1,[2,3]]`; never a result. */
private class NestedIntegers(val cls: Class<*>) : Conv {
    val empty = cls.getDeclaredConstructor().also { it.isAccessible = true }
    val single = cls.getDeclaredConstructor(Int::class.javaPrimitiveType).also { it.isAccessible = true }
    val add = cls.getDeclaredMethod("add", cls).also { it.isAccessible = true }

    override fun read(input: JsonIn): Any? {
        if (input.skip() != '['.code) return single.newInstance(input.readInt())
        val node = empty.newInstance()
        var more = input.startArray()
        while (more) {
            add.invoke(node, read(input))
            more = input.more()
        }
        return node
    }

    override fun write(value: Any?, out: JsonOut) = throw BadResult("a NestedInteger is never a result")
}

/** A JSON reader over a byte stream: exactly what the judge's test lines hold, read without copying lines. */
class JsonIn(private val stream: java.io.InputStream) {
    private val buf = ByteArray(1 shl 16)
    private var pos = 0
    private var len = 0
    private var text = ByteArray(64)

    fun peek(): Int {
        if (pos < len) return buf[pos].toInt() and 0xff
        len = try {
            maxOf(stream.read(buf, 0, buf.size), 0)
        } catch (e: java.io.IOException) {
            throw BadInput(e.toString())
        }
        pos = 0
        return if (len > 0) buf[0].toInt() and 0xff else -1
    }

    fun skip(): Int {
        var c = peek()
        while (c == ' '.code || c == '\n'.code || c == '\r'.code || c == '\t'.code) {
            pos++
            c = peek()
        }
        return c
    }

    private fun bad(expected: String): BadInput {
        val c = peek()
        return BadInput("expected $expected" + if (c < 0) " at the end of input" else " at '${c.toChar()}'")
    }

    fun expect(c: Char) {
        if (skip() != c.code) throw bad("'$c'")
        pos++
    }

    /** Consume '[' and say whether an element follows. */
    fun startArray(): Boolean {
        expect('[')
        if (skip() != ']'.code) return true
        pos++
        return false
    }

    /** After an element: consume ',' (true, another follows) or ']' (false). */
    fun more(): Boolean {
        val c = skip()
        if (c != ','.code && c != ']'.code) throw bad("',' or ']'")
        pos++
        return c == ','.code
    }

    fun readNull(): Boolean {
        if (skip() != 'n'.code) return false
        literal("null")
        return true
    }

    private fun literal(word: String) {
        for (ch in word) {
            if (peek() != ch.code) throw bad(word)
            pos++
        }
    }

    fun readBool(): Boolean {
        val c = skip()
        literal(if (c == 't'.code) "true" else "false")
        return c == 't'.code
    }

    fun readLong(): Long {
        var c = skip()
        val negative = c == '-'.code
        if (negative) {
            pos++
            c = peek()
        }
        if (c < '0'.code || c > '9'.code) throw bad("an integer")
        var v = 0L // accumulated negated, so that Long.MIN_VALUE fits
        while (c >= '0'.code && c <= '9'.code) {
            val digit = c - '0'.code
            if (v < (Long.MIN_VALUE + digit) / 10) throw BadInput("an integer out of range")
            v = v * 10 - digit
            pos++
            c = peek()
        }
        if (c == '.'.code || c == 'e'.code || c == 'E'.code) throw bad("an integer")
        if (negative) return v
        if (v == Long.MIN_VALUE) throw BadInput("an integer out of range")
        return -v
    }

    fun readInt(): Int {
        val v = readLong()
        if (v != v.toInt().toLong()) throw BadInput("$v does not fit an int")
        return v.toInt()
    }

    fun readDouble(): Double {
        var c = skip()
        if (c == '"'.code) {
            return when (val s = readString()) {
                "NaN" -> Double.NaN
                "Infinity" -> Double.POSITIVE_INFINITY
                "-Infinity" -> Double.NEGATIVE_INFINITY
                else -> throw BadInput("expected a number, got \"$s\"")
            }
        }
        val number = StringBuilder()
        while (c >= '0'.code && c <= '9'.code || c == '-'.code || c == '+'.code || c == '.'.code || c == 'e'.code || c == 'E'.code) {
            number.append(c.toChar())
            pos++
            c = peek()
        }
        return number.toString().toDoubleOrNull() ?: throw bad("a number")
    }

    fun readChar(): Char {
        val s = readString()
        if (s.length != 1) throw BadInput("expected a char, got \"$s\"")
        return s[0]
    }

    fun readString(): String {
        if (skip() != '"'.code) throw bad("a string")
        pos++
        var n = 0
        while (true) {
            val c = peek()
            if (c < 0) throw bad("'\"'")
            pos++
            if (c == '"'.code) break
            if (n + 4 > text.size) text = text.copyOf(text.size * 2)
            if (c != '\\'.code) text[n++] = c.toByte() else n = escape(n)
        }
        return String(text, 0, n, Charsets.UTF_8)
    }

    /** Decode one escape after its backslash into text[n...] as UTF-8; the new length. */
    private fun escape(start: Int): Int {
        var n = start
        val c = peek()
        pos++
        when (c.toChar()) {
            '"', '\\', '/' -> text[n++] = c.toByte()
            'b' -> text[n++] = '\b'.code.toByte()
            'f' -> text[n++] = 12
            'n' -> text[n++] = '\n'.code.toByte()
            'r' -> text[n++] = '\r'.code.toByte()
            't' -> text[n++] = '\t'.code.toByte()
            'u' -> {
                var code = hex4()
                if (code in 0xD800 until 0xDC00 && peek() == '\\'.code) {
                    pos++
                    literal("u")
                    code = Character.toCodePoint(code.toChar(), hex4().toChar())
                }
                for (b in String(Character.toChars(code)).toByteArray(Charsets.UTF_8)) text[n++] = b
            }
            else -> throw BadInput("a bad escape in a string")
        }
        return n
    }

    private fun hex4(): Int {
        var code = 0
        repeat(4) {
            val digit = Character.digit(peek(), 16)
            if (digit < 0) throw bad("a hex digit")
            pos++
            code = code * 16 + digit
        }
        return code
    }
}

/** The bytes of one result line, written to fd 3 in one call. */
class JsonOut {
    private var buf = ByteArray(1 shl 16)
    private var len = 0

    private fun ensure(more: Int) {
        if (len + more > buf.size) buf = buf.copyOf(maxOf(buf.size * 2, len + more))
    }

    fun reset() {
        len = 0
    }

    fun raw(c: Char) {
        ensure(1)
        buf[len++] = c.code.toByte()
    }

    fun ascii(s: String) {
        ensure(s.length)
        for (ch in s) buf[len++] = ch.code.toByte()
    }

    fun num(v: Long) = ascii(v.toString())

    fun dbl(d: Double) {
        if (d.isNaN()) ascii("\"NaN\"")
        else if (d.isInfinite()) ascii(if (d > 0) "\"Infinity\"" else "\"-Infinity\"")
        else ascii(d.toString())
    }

    /** A JSON string: room for every character as one byte is made first, and for more when one needs it. */
    fun str(s: String) {
        val n = s.length
        ensure(n + 2)
        buf[len++] = '"'.code.toByte()
        var i = 0
        while (i < n) {
            val c = s[i]
            if (c.code in 0x20 until 0x80 && c != '"' && c != '\\') {
                buf[len++] = c.code.toByte()
                i++
                continue
            }
            ensure(n - i + 6)
            if (c.code < 0x80) {
                control(c)
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1])) {
                utf8(Character.toCodePoint(c, s[++i]))
            } else {
                utf8(c.code)
            }
            i++
        }
        buf[len++] = '"'.code.toByte()
    }

    private fun control(c: Char) {
        buf[len++] = '\\'.code.toByte()
        when (c) {
            '"' -> buf[len++] = '"'.code.toByte()
            '\\' -> buf[len++] = '\\'.code.toByte()
            '\n' -> buf[len++] = 'n'.code.toByte()
            '\r' -> buf[len++] = 'r'.code.toByte()
            '\t' -> buf[len++] = 't'.code.toByte()
            '\b' -> buf[len++] = 'b'.code.toByte()
            '\u000c' -> buf[len++] = 'f'.code.toByte()
            else -> {
                buf[len++] = 'u'.code.toByte()
                buf[len++] = '0'.code.toByte()
                buf[len++] = '0'.code.toByte()
                buf[len++] = Character.forDigit(c.code shr 4, 16).code.toByte()
                buf[len++] = Character.forDigit(c.code and 15, 16).code.toByte()
            }
        }
    }

    private fun utf8(code: Int) {
        if (code < 0x800) {
            buf[len++] = (0xC0 or (code shr 6)).toByte()
        } else if (code < 0x10000) {
            buf[len++] = (0xE0 or (code shr 12)).toByte()
            buf[len++] = (0x80 or ((code shr 6) and 0x3F)).toByte()
        } else {
            buf[len++] = (0xF0 or (code shr 18)).toByte()
            buf[len++] = (0x80 or ((code shr 12) and 0x3F)).toByte()
            buf[len++] = (0x80 or ((code shr 6) and 0x3F)).toByte()
        }
        buf[len++] = (0x80 or (code and 0x3F)).toByte()
    }

    fun writeTo(stream: java.io.OutputStream) {
        stream.write(buf, 0, len)
        stream.flush()
        len = 0
    }
}
