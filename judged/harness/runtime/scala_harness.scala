// judged's Scala harness runtime: reads the judge's tests on stdin, calls the user's `object Solution`
// method, writes one result line per test to fd 3 (docs/harness-protocol.md).
//
// It is compiled ONCE, at install time, into /opt/judged/leetcode/scala/judged-harness.jar
// (scripts/leetcode_libraries.sh), so a submission's compile reads only the user's file and a
// one-line `JudgedMain` (judged/harness/lang_scala.py): scalac costs seconds per file it compiles.
// `JudgedMain` passes the SHA-256 of this file; a jar built from another version refuses to run.
//
// The method is found by reflection on `Solution$` (LeetCode's `object Solution`; a `class Solution`
// gets a new instance per test) and each argument converted to the container the user declared:
// `Array[Int]`, `List[Int]`, `Seq[Int]`, `Vector[Int]`, `Array[Array[Int]]`, `List[List[Int]]`, ...
// Scala erases `Int` inside generics to Object, so the element's kind comes from the signature's
// type string, the container's from the declaration. ListNode (`x`, `next`), TreeNode (`value`,
// `left`, `right`) and the graph Node (`value`, `neighbors: List[Node]`) are the user's file's
// classes (LeetCode's definitions, added by the generator when the user did not paste their own),
// reached by reflection. `t` is the calling thread's CPU time, which leaves out the JVM's own threads.
//
// A design problem's `JudgedMain` calls `Design.run` instead (judged/harness/design_scala.py): the user's class
// (`class LRUCache(_capacity: Int)`) is constructed and its methods called in each test's order, found by name
// and number of parameters, every argument and result converted as a function problem's are.
//
// In run mode (JUDGED_CASE_MARK set) the marker is printed on stdout before each call, after the user's
// buffered `Console.out` and `System.out` are flushed, so that the judge can show what each call printed.
package judged

import java.lang.reflect.{Field, Method, Modifier, ParameterizedType, Type, WildcardType}

/** A method this harness cannot call: reported as the first test's error. */
final class Unsupported(message: String) extends RuntimeException(message, null, false, false)

/** A judge's test line the harness cannot decode: a judge bug, exit 3. */
final class BadInput(message: String) extends RuntimeException(message, null, false, false)

/** A returned value that cannot be encoded (a cyclic list): the test's error. */
final class BadResult(message: String) extends RuntimeException(message, null, false, false)

/** Converts one declared type between JSON and JVM values. */
trait Conv {
  def read(in: JsonIn): AnyRef
  def write(value: Any, out: JsonOut): Unit
}

object Harness {
  val MaxNodes = 1000000
  private val CaseMark: String = System.getenv("JUDGED_CASE_MARK")
  private val Stdout: java.io.PrintStream = System.out // before the user's code can replace System.out

  /** Run mode's marker before a call: the user's buffered prints go out first, so they stay with their call. */
  private[judged] def markCase(): Unit = if (CaseMark != null) {
    Console.out.flush()
    System.out.flush()
    Stdout.print(CaseMark)
    Stdout.flush()
  }

  /** A jar built from another version of this file refuses to run (exit 4: the self-test fails at start). */
  private[judged] def checkVersion(sha: String): Unit = if (sha != Version.SourceSha) {
    System.err.println("judged: the Scala harness jar is out of date: run scripts/leetcode_libraries.sh")
    System.exit(4)
  }

  /** A judge's test line the harness cannot decode: said on stderr, exit 3 (the judge reports IE). */
  private[judged] def badInput(test: Int, e: BadInput): Nothing = {
    System.out.flush()
    System.err.println(s"harness: cannot decode test $test: ${e.getMessage}")
    System.exit(3)
    throw new IllegalStateException("exited")
  }

  /** Run every test: `params` and `returns` are the signature's type strings ("int[]", "void", ...). */
  def run(sha: String, solution: String, name: String, params: Array[String], returns: String): Unit = {
    checkVersion(sha)
    val results = new java.io.FileOutputStream("/proc/self/fd/3")
    val out = new JsonOut
    val inPlace = returns == "void"
    val (cls, receiver) = target(solution)
    var method: Method = null
    var convs: Array[Conv] = null
    var result: Conv = null
    try {
      method = find(cls, name, params.length)
      val declared = method.getGenericParameterTypes
      convs = params.indices.map(i => conv(params(i), declared(i))).toArray
      result = if (inPlace) convs(0) else conv(returns, method.getGenericReturnType)
    } catch {
      case e: Unsupported => fail(results, out, e.getMessage, 0.0)
    }
    val clock = java.lang.management.ManagementFactory.getThreadMXBean
    val in = new JsonIn(System.in)
    val arguments = new Array[AnyRef](params.length)
    var test = 1
    while (read(in, convs, arguments, test)) {
      var value: AnyRef = null
      var thrown: Throwable = null
      markCase()
      val start = clock.getCurrentThreadCpuTime
      try {
        val self = if (receiver != null) receiver else cls.getDeclaredConstructor().newInstance().asInstanceOf[AnyRef]
        value = method.invoke(self, arguments: _*)
      } catch {
        case e: java.lang.reflect.InvocationTargetException => thrown = if (e.getCause != null) e.getCause else e
        case e: Throwable => thrown = e
      }
      val seconds = (clock.getCurrentThreadCpuTime - start) / 1e9
      if (thrown != null) fail(results, out, thrown.toString, seconds)
      out.ascii("{\"v\": ")
      try result.write(if (inPlace) arguments(0) else value, out)
      catch {
        case e: BadResult => fail(results, out, e.getMessage, seconds)
        case e: Throwable => fail(results, out, e.toString, seconds)
      }
      out.ascii(", \"t\": ")
      out.ascii(seconds.toString)
      out.ascii("}\n")
      out.writeTo(results)
      test += 1
    }
    System.out.flush()
    System.exit(0)
  }

  /** `object Solution`'s class and its one instance, or `class Solution` and null (a new one per test). */
  private def target(solution: String): (Class[_], AnyRef) = {
    try {
      val module = Class.forName(solution + "$")
      (module, module.getField("MODULE$").get(null))
    } catch {
      case _: ClassNotFoundException | _: NoSuchFieldException => (Class.forName(solution), null)
    }
  }

  private def read(in: JsonIn, convs: Array[Conv], arguments: Array[AnyRef], test: Int): Boolean = {
    try {
      if (in.skip() < 0) return false
      in.expect('[')
      for (i <- convs.indices) {
        if (i > 0) in.expect(',')
        arguments(i) = convs(i).read(in)
      }
      in.expect(']')
      true
    } catch {
      case e: BadInput =>
        System.out.flush()
        System.err.println(s"harness: cannot decode test $test: ${e.getMessage}")
        System.exit(3)
        false
    }
  }

  private[judged] def fail(results: java.io.OutputStream, out: JsonOut, message: String, seconds: Double): Nothing = {
    out.reset()
    out.ascii("{\"e\": ")
    out.str(message)
    out.ascii(", \"t\": ")
    out.ascii(seconds.toString)
    out.ascii("}\n")
    out.writeTo(results)
    System.out.flush()
    System.exit(1)
    throw new IllegalStateException("exited")
  }

  private def find(cls: Class[_], name: String, arity: Int): Method = {
    val found = cls.getDeclaredMethods.find { m =>
      m.getName == name && m.getParameterCount == arity && !m.isBridge && !m.isSynthetic &&
      !Modifier.isStatic(m.getModifiers)
    }
    found match {
      case Some(m) => m.setAccessible(true); m
      case None => throw new Unsupported(s"object Solution has no method $name with $arity parameter(s)")
    }
  }

  /** The converter of a value of signature type `kind` that the user's code declares as `declared`. */
  def conv(kind: String, declared: Type): Conv = declared match {
    case w: WildcardType if w.getUpperBounds.length == 1 => conv(kind, w.getUpperBounds()(0))
    case _ if kind.endsWith("[]") => arrayConv(kind.dropRight(2), declared)
    case c: Class[_] =>
      Scalars.get(kind) match {
        case Some((classes, scalar)) if classes.contains(c) || c == classOf[Object] => scalar
        case Some(_) => unsupported(kind, declared)
        case None if c.getName == kind && kind == "ListNode" => new ListNodes(c)
        case None if c.getName == kind && kind == "TreeNode" => new TreeNodes(c)
        case None if c.getName == kind && kind == "NestedInteger" => new NestedIntegers(c)
        case None if c.getName == kind => new GraphNodes(c)
        case None => unsupported(kind, declared)
      }
    case _ => unsupported(kind, declared)
  }

  private def unsupported(kind: String, declared: Type): Nothing =
    throw new Unsupported(s"the harness cannot pass or return ${declared.getTypeName} as $kind")

  private def arrayConv(element: String, declared: Type): Conv = declared match {
    case c: Class[_] if PrimitiveArrays.get(element).exists(_._1 == c) => PrimitiveArrays(element)._2
    case c: Class[_] if c.isArray && !c.getComponentType.isPrimitive =>
      new ArrayConv(c.getComponentType, conv(element, c.getComponentType))
    case p: ParameterizedType if p.getActualTypeArguments.length == 1 =>
      p.getRawType match {
        case raw: Class[_] => new SeqConv(raw, conv(element, p.getActualTypeArguments()(0)), element + "[]")
        case _ => unsupported(element + "[]", declared)
      }
    case _ => unsupported(element + "[]", declared)
  }

  private val Int_ = new Conv {
    def read(in: JsonIn): AnyRef = Int.box(in.readInt())
    def write(value: Any, out: JsonOut): Unit =
      if (value == null) out.ascii("null") else out.num(value.asInstanceOf[Number].longValue)
  }
  private val Long_ = new Conv {
    def read(in: JsonIn): AnyRef = Long.box(in.readLong())
    def write(value: Any, out: JsonOut): Unit =
      if (value == null) out.ascii("null") else out.num(value.asInstanceOf[Number].longValue)
  }
  private val Double_ = new Conv {
    def read(in: JsonIn): AnyRef = Double.box(in.readDouble())
    def write(value: Any, out: JsonOut): Unit =
      if (value == null) out.ascii("null") else out.dbl(value.asInstanceOf[Number].doubleValue)
  }
  private val Bool_ = new Conv {
    def read(in: JsonIn): AnyRef = Boolean.box(in.readBool())
    def write(value: Any, out: JsonOut): Unit =
      out.ascii(if (value == null) "null" else if (value.asInstanceOf[Boolean]) "true" else "false")
  }
  private val Char_ = new Conv {
    def read(in: JsonIn): AnyRef = Char.box(in.readChar())
    def write(value: Any, out: JsonOut): Unit =
      if (value == null) out.ascii("null") else out.str(value.asInstanceOf[Char].toString)
  }
  private val String_ = new Conv {
    def read(in: JsonIn): AnyRef = in.readString()
    def write(value: Any, out: JsonOut): Unit = if (value == null) out.ascii("null") else out.str(value.asInstanceOf[String])
  }

  private val Scalars: Map[String, (Set[Class[_]], Conv)] = Map(
    "int" -> ((Set(classOf[Int], classOf[java.lang.Integer]), Int_)),
    "long" -> ((Set(classOf[Long], classOf[java.lang.Long]), Long_)),
    "double" -> ((Set(classOf[Double], classOf[java.lang.Double]), Double_)),
    "bool" -> ((Set(classOf[Boolean], classOf[java.lang.Boolean]), Bool_)),
    "char" -> ((Set(classOf[Char], classOf[java.lang.Character]), Char_)),
    "string" -> ((Set(classOf[String]), String_))
  )

  /** A primitive array (Array[Int] is int[]): read into a growing buffer, written item by item. */
  private final class PrimitiveArray[T: scala.reflect.ClassTag](item: Conv, next: JsonIn => T) extends Conv {
    def read(in: JsonIn): AnyRef = {
      val items = scala.collection.mutable.ArrayBuilder.make[T]
      var more = in.startArray()
      while (more) {
        items += next(in)
        more = in.more()
      }
      items.result()
    }
    def write(value: Any, out: JsonOut): Unit = writeItems(value, item, out)
  }

  private val PrimitiveArrays: Map[String, (Class[_], Conv)] = Map(
    "int" -> ((classOf[Array[Int]], new PrimitiveArray[Int](Int_, _.readInt()))),
    "long" -> ((classOf[Array[Long]], new PrimitiveArray[Long](Long_, _.readLong()))),
    "double" -> ((classOf[Array[Double]], new PrimitiveArray[Double](Double_, _.readDouble()))),
    "bool" -> ((classOf[Array[Boolean]], new PrimitiveArray[Boolean](Bool_, _.readBool()))),
    "char" -> ((classOf[Array[Char]], new PrimitiveArray[Char](Char_, _.readChar())))
  )

  /** `[...]` of every item of a JVM array, a Scala collection or a Java one; null for anything else. */
  def writeItems(value: Any, item: Conv, out: JsonOut): Unit = {
    val items: Iterator[Any] = value match {
      case null => null
      case a: Array[_] => a.iterator
      case s: IterableOnce[_] => s.iterator
      case j: java.lang.Iterable[_] => scala.jdk.CollectionConverters.IteratorHasAsScala(j.iterator).asScala
      case _ => null
    }
    if (items == null) {
      out.ascii("null")
      return
    }
    out.raw('[')
    var first = true
    for (x <- items) {
      if (!first) out.raw(',')
      first = false
      item.write(x, out)
    }
    out.raw(']')
  }

  private def readAll(in: JsonIn, element: Conv): scala.collection.mutable.ArrayBuffer[AnyRef] = {
    val items = scala.collection.mutable.ArrayBuffer[AnyRef]()
    var more = in.startArray()
    while (more) {
      items += element.read(in)
      more = in.more()
    }
    items
  }

  /** An array of objects: Array[String], Array[Array[Int]], Array[List[Int]] ... */
  private final class ArrayConv(component: Class[_], element: Conv) extends Conv {
    def read(in: JsonIn): AnyRef = {
      val items = readAll(in, element)
      val array = java.lang.reflect.Array.newInstance(component, items.size)
      for (i <- items.indices) java.lang.reflect.Array.set(array, i, items(i))
      array
    }
    def write(value: Any, out: JsonOut): Unit = writeItems(value, element, out)
  }

  /** A Scala (or Java) collection the user declared: List, Seq, IndexedSeq, Vector, ArrayBuffer, ListBuffer... */
  private final class SeqConv(raw: Class[_], element: Conv, kind: String) extends Conv {
    private val make: scala.collection.mutable.ArrayBuffer[AnyRef] => AnyRef =
      if (raw.isAssignableFrom(classOf[scala.collection.immutable.List[_]])) _.toList
      else if (raw.isAssignableFrom(classOf[scala.collection.immutable.Vector[_]])) _.toVector
      else if (raw.isAssignableFrom(classOf[scala.collection.mutable.ArrayBuffer[_]])) identity
      else if (raw.isAssignableFrom(classOf[scala.collection.mutable.ListBuffer[_]])) b => scala.collection.mutable.ListBuffer.from(b)
      else if (raw.isAssignableFrom(classOf[java.util.ArrayList[_]])) b => new java.util.ArrayList[AnyRef](scala.jdk.CollectionConverters.SeqHasAsJava(b).asJava)
      else throw new Unsupported(s"the harness cannot pass or return ${raw.getName} as $kind")
    def read(in: JsonIn): AnyRef = make(readAll(in, element))
    def write(value: Any, out: JsonOut): Unit = writeItems(value, element, out)
  }

  private def field(cls: Class[_], names: String*): Field = {
    val known = cls.getDeclaredFields.map(_.getName).toSet
    val name = names.find(known).getOrElse(throw new Unsupported(s"${cls.getName} has no field ${names.head}"))
    val f = cls.getDeclaredField(name)
    f.setAccessible(true)
    f
  }

  /** A node's constructor called with a value: the first constructor whose first parameter is an Int. */
  private def maker(cls: Class[_]): Int => AnyRef = {
    val ctor = cls.getDeclaredConstructors
      .find(c => c.getParameterCount >= 1 && c.getParameterTypes()(0) == classOf[Int])
      .getOrElse(throw new Unsupported(s"${cls.getName} has no constructor taking its value"))
    ctor.setAccessible(true)
    val rest = ctor.getParameterTypes.drop(1).map(t => if (t == classOf[Int]) Int.box(0) else null)
    v => ctor.newInstance((Int.box(v) +: rest): _*).asInstanceOf[AnyRef]
  }

  /** LeetCode's `ListNode(_x: Int = 0, _next: ListNode = null)` with `x` and `next`, as the array of its values. */
  private final class ListNodes(cls: Class[_]) extends Conv {
    private val make = maker(cls)
    private val value = field(cls, "x", "value", "val")
    private val next = field(cls, "next")
    def read(in: JsonIn): AnyRef = {
      var head: AnyRef = null
      var tail: AnyRef = null
      var more = in.startArray()
      while (more) {
        val node = make(in.readInt())
        if (tail == null) head = node else next.set(tail, node)
        next.set(node, null)
        tail = node
        more = in.more()
      }
      head
    }
    def write(v: Any, out: JsonOut): Unit = {
      out.raw('[')
      var count = 0
      var node = v.asInstanceOf[AnyRef]
      while (node != null) {
        count += 1
        if (count > MaxNodes) throw new BadResult("ListNode has a cycle")
        if (count > 1) out.raw(',')
        out.num(value.getInt(node).toLong)
        node = next.get(node)
      }
      out.raw(']')
    }
  }

  /** LeetCode's `TreeNode(_value: Int = 0, _left: TreeNode = null, _right: TreeNode = null)`, level order. */
  private final class TreeNodes(cls: Class[_]) extends Conv {
    private val make = maker(cls)
    private val value = field(cls, "value", "x", "val")
    private val left = field(cls, "left")
    private val right = field(cls, "right")
    def read(in: JsonIn): AnyRef = {
      if (!in.startArray()) return null
      val root = make(in.readInt())
      val queue = scala.collection.mutable.ArrayBuffer[AnyRef](root)
      var head = 0
      var isLeft = true
      while (in.more()) {
        val node = if (in.readNull()) null else make(in.readInt())
        if (head == queue.size) {
          if (node != null) throw new BadInput("a tree node without a parent")
        } else {
          if (isLeft) left.set(queue(head), node)
          else {
            right.set(queue(head), node)
            head += 1
          }
          isLeft = !isLeft
          if (node != null) queue += node
        }
      }
      root
    }
    def write(v: Any, out: JsonOut): Unit = {
      val order = scala.collection.mutable.ArrayBuffer[AnyRef](v.asInstanceOf[AnyRef])
      var last = -1
      var i = 0
      while (i < order.size) {
        val node = order(i)
        if (node != null) {
          if (i / 2 > MaxNodes) throw new BadResult("TreeNode has a cycle")
          last = i
          order += left.get(node)
          order += right.get(node)
        }
        i += 1
      }
      out.raw('[')
      for (j <- 0 to last) {
        if (j > 0) out.raw(',')
        val node = order(j)
        if (node == null) out.ascii("null") else out.num(value.getInt(node).toLong)
      }
      out.raw(']')
    }
  }

  /** LeetCode's NestedInteger (an empty and an integer constructor, `add`), read from `[1,[2,3]]`; never a result. */
  private final class NestedIntegers(cls: Class[_]) extends Conv {
    private val empty = cls.getDeclaredConstructor()
    private val single = cls.getDeclaredConstructor(classOf[Int])
    private val add = cls.getMethod("add", cls)
    empty.setAccessible(true)
    single.setAccessible(true)
    def read(in: JsonIn): AnyRef = {
      if (in.skip() != '[') return single.newInstance(Int.box(in.readInt())).asInstanceOf[AnyRef]
      val node = empty.newInstance().asInstanceOf[AnyRef]
      var more = in.startArray()
      while (more) {
        add.invoke(node, read(in))
        more = in.more()
      }
      node
    }
    def write(value: Any, out: JsonOut): Unit = throw new BadResult("a NestedInteger is never a result")
  }

  /** LeetCode's graph `Node(var _value: Int)` with `value` and `neighbors: List[Node]`, as an adjacency list. */
  private final class GraphNodes(cls: Class[_]) extends Conv {
    private val make = maker(cls)
    private val value = field(cls, "value", "_value", "x", "val")
    private val neighbors = field(cls, "neighbors")
    private val fill: Seq[AnyRef] => AnyRef =
      if (neighbors.getType.isAssignableFrom(classOf[scala.collection.immutable.List[_]])) _.toList
      else if (neighbors.getType.isAssignableFrom(classOf[scala.collection.mutable.ArrayBuffer[_]])) s => scala.collection.mutable.ArrayBuffer.from(s)
      else s => new java.util.ArrayList[AnyRef](scala.jdk.CollectionConverters.SeqHasAsJava(s).asJava)
    def read(in: JsonIn): AnyRef = {
      val rows = scala.collection.mutable.ArrayBuffer[Seq[Int]]()
      var more = in.startArray()
      while (more) {
        val row = scala.collection.mutable.ArrayBuffer[Int]()
        var inner = in.startArray()
        while (inner) {
          row += in.readInt()
          inner = in.more()
        }
        rows += row.toSeq
        more = in.more()
      }
      val nodes = Array.tabulate(rows.size)(i => make(i + 1))
      for (i <- nodes.indices) {
        for (v <- rows(i)) if (v < 1 || v > nodes.length) throw new BadInput("a Node neighbour is not a node of the graph")
        neighbors.set(nodes(i), fill(rows(i).map(v => nodes(v - 1))))
      }
      if (nodes.isEmpty) null else nodes(0)
    }
    private def items(node: AnyRef): Iterator[Any] = neighbors.get(node) match {
      case s: IterableOnce[_] => s.iterator
      case j: java.lang.Iterable[_] => scala.jdk.CollectionConverters.IteratorHasAsScala(j.iterator).asScala
      case _ => null
    }
    /** The graph reachable from the node, by value; null unless its values are 1..n, once each. */
    def write(v: Any, out: JsonOut): Unit = {
      val byValue = scala.collection.mutable.ArrayBuffer[AnyRef]()
      val queue = scala.collection.mutable.ArrayBuffer[AnyRef]()
      def meet(node: Any): Boolean = node match {
        case n: AnyRef =>
          val x = value.getInt(n)
          if (x < 1 || x > MaxNodes) return false
          while (byValue.size < x) byValue += null
          val known = byValue(x - 1)
          if (known != null) return known eq n
          byValue(x - 1) = n
          queue += n
          true
        case _ => false
      }
      var ok = v == null || meet(v)
      var i = 0
      while (ok && i < queue.size) {
        val next = items(queue(i))
        if (next == null) ok = false else for (n <- next) ok = ok && meet(n)
        i += 1
      }
      if (!ok || byValue.size != queue.size) {
        out.ascii("null")
        return
      }
      out.raw('[')
      for (j <- byValue.indices) {
        if (j > 0) out.raw(',')
        out.raw('[')
        var first = true
        for (n <- items(byValue(j))) {
          if (!first) out.raw(',')
          first = false
          out.num(value.getInt(n).toLong)
        }
        out.raw(']')
      }
      out.raw(']')
    }
  }
}

/** A JSON reader over a byte stream: exactly what the judge's test lines hold, read without copying lines. */
final class JsonIn(stream: java.io.InputStream) {
  private val buf = new Array[Byte](1 << 16)
  private var pos = 0
  private var len = 0
  private var text = new Array[Byte](64)

  def peek(): Int = {
    if (pos < len) return buf(pos) & 0xff
    len = try math.max(stream.read(buf, 0, buf.length), 0)
    catch { case e: java.io.IOException => throw new BadInput(e.toString) }
    pos = 0
    if (len > 0) buf(0) & 0xff else -1
  }

  def skip(): Int = {
    var c = peek()
    while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      pos += 1
      c = peek()
    }
    c
  }

  private def bad(expected: String): BadInput = {
    val c = peek()
    new BadInput(s"expected $expected" + (if (c < 0) " at the end of input" else s" at '${c.toChar}'"))
  }

  def expect(c: Char): Unit = {
    if (skip() != c) throw bad(s"'$c'")
    pos += 1
  }

  /** Consume '[' and say whether an element follows. */
  def startArray(): Boolean = {
    expect('[')
    if (skip() != ']') return true
    pos += 1
    false
  }

  /** After an element: consume ',' (true, another follows) or ']' (false). */
  def more(): Boolean = {
    val c = skip()
    if (c != ',' && c != ']') throw bad("',' or ']'")
    pos += 1
    c == ','
  }

  def readNull(): Boolean = {
    if (skip() != 'n') return false
    literal("null")
    true
  }

  private def literal(word: String): Unit = for (ch <- word) {
    if (peek() != ch) throw bad(word)
    pos += 1
  }

  def readBool(): Boolean = {
    val c = skip()
    literal(if (c == 't') "true" else "false")
    c == 't'
  }

  def readLong(): Long = {
    var c = skip()
    val negative = c == '-'
    if (negative) {
      pos += 1
      c = peek()
    }
    if (c < '0' || c > '9') throw bad("an integer")
    var v = 0L // accumulated negated, so that Long.MinValue fits
    while (c >= '0' && c <= '9') {
      val digit = c - '0'
      if (v < (Long.MinValue + digit) / 10) throw new BadInput("an integer out of range")
      v = v * 10 - digit
      pos += 1
      c = peek()
    }
    if (c == '.' || c == 'e' || c == 'E') throw bad("an integer")
    if (negative) return v
    if (v == Long.MinValue) throw new BadInput("an integer out of range")
    -v
  }

  def readInt(): Int = {
    val v = readLong()
    if (v != v.toInt) throw new BadInput(s"$v does not fit an int")
    v.toInt
  }

  def readDouble(): Double = {
    var c = skip()
    if (c == '"') {
      return readString() match {
        case "NaN" => Double.NaN
        case "Infinity" => Double.PositiveInfinity
        case "-Infinity" => Double.NegativeInfinity
        case s => throw new BadInput("expected a number, got \"" + s + "\"")
      }
    }
    val number = new StringBuilder
    while (c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E') {
      number.append(c.toChar)
      pos += 1
      c = peek()
    }
    number.toString.toDoubleOption.getOrElse(throw bad("a number"))
  }

  def readChar(): Char = {
    val s = readString()
    if (s.length != 1) throw new BadInput("expected a char, got \"" + s + "\"")
    s.charAt(0)
  }

  def readString(): String = {
    if (skip() != '"') throw bad("a string")
    pos += 1
    var n = 0
    var done = false
    while (!done) {
      val c = peek()
      if (c < 0) throw bad("'\"'")
      pos += 1
      if (c == '"') done = true
      else {
        if (n + 4 > text.length) text = java.util.Arrays.copyOf(text, text.length * 2)
        if (c != '\\') {
          text(n) = c.toByte
          n += 1
        } else n = escape(n)
      }
    }
    new String(text, 0, n, java.nio.charset.StandardCharsets.UTF_8)
  }

  /** Decode one escape after its backslash into text[n...] as UTF-8; the new length. */
  private def escape(start: Int): Int = {
    var n = start
    def put(b: Int): Unit = {
      text(n) = b.toByte
      n += 1
    }
    val c = peek()
    pos += 1
    c match {
      case '"' | '\\' | '/' => put(c)
      case 'b' => put('\b')
      case 'f' => put('\f')
      case 'n' => put('\n')
      case 'r' => put('\r')
      case 't' => put('\t')
      case 'u' =>
        var code = hex4()
        if (code >= 0xd800 && code < 0xdc00 && peek() == '\\') {
          pos += 1
          literal("u")
          code = Character.toCodePoint(code.toChar, hex4().toChar)
        }
        for (b <- new String(Character.toChars(code)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) put(b)
      case _ => throw new BadInput("a bad escape in a string")
    }
    n
  }

  private def hex4(): Int = {
    var code = 0
    for (_ <- 0 until 4) {
      val digit = Character.digit(peek(), 16)
      if (digit < 0) throw bad("a hex digit")
      pos += 1
      code = code * 16 + digit
    }
    code
  }
}

/** The bytes of one result line, written to fd 3 in one call. */
final class JsonOut {
  private var buf = new Array[Byte](1 << 16)
  private var len = 0

  private def ensure(more: Int): Unit =
    if (len + more > buf.length) buf = java.util.Arrays.copyOf(buf, math.max(buf.length * 2, len + more))

  private def put(b: Int): Unit = {
    buf(len) = b.toByte
    len += 1
  }

  def reset(): Unit = len = 0

  def raw(c: Char): Unit = {
    ensure(1)
    put(c)
  }

  def ascii(s: String): Unit = {
    ensure(s.length)
    for (ch <- s) put(ch)
  }

  def num(v: Long): Unit = ascii(v.toString)

  def dbl(d: Double): Unit =
    if (d.isNaN) ascii("\"NaN\"")
    else if (d.isInfinite) ascii(if (d > 0) "\"Infinity\"" else "\"-Infinity\"")
    else ascii(d.toString)

  /** A JSON string: room for every character as one byte is made first, and for more when one needs it. */
  def str(s: String): Unit = {
    val n = s.length
    ensure(n + 2)
    put('"')
    var i = 0
    while (i < n) {
      val c = s.charAt(i)
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') put(c)
      else {
        ensure(n - i + 6)
        if (c < 0x80) control(c)
        else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
          i += 1
          utf8(Character.toCodePoint(c, s.charAt(i)))
        } else utf8(c)
      }
      i += 1
    }
    put('"')
  }

  private def control(c: Char): Unit = {
    put('\\')
    c match {
      case '"' => put('"')
      case '\\' => put('\\')
      case '\n' => put('n')
      case '\r' => put('r')
      case '\t' => put('t')
      case '\b' => put('b')
      case '\f' => put('f')
      case _ =>
        put('u')
        put('0')
        put('0')
        put(Character.forDigit(c >> 4, 16))
        put(Character.forDigit(c & 15, 16))
    }
  }

  private def utf8(code: Int): Unit = {
    if (code < 0x800) put(0xc0 | code >> 6)
    else if (code < 0x10000) {
      put(0xe0 | code >> 12)
      put(0x80 | (code >> 6 & 0x3f))
    } else {
      put(0xf0 | code >> 18)
      put(0x80 | (code >> 12 & 0x3f))
      put(0x80 | (code >> 6 & 0x3f))
    }
    put(0x80 | (code & 0x3f))
  }

  def writeTo(stream: java.io.OutputStream): Unit = {
    stream.write(buf, 0, len)
    stream.flush()
    len = 0
  }
}

/** Starts a Scala program: judged's `JudgedMain` (a function problem's harness), else the one object of the
  * build folder with a `main` (an I/O program: `object Main extends App`, `object Solution { def main... }`). */
/** A design problem's tests: `[["LRUCache","put","get"],[[2],[1,1],[2]]]` in, `{"v": [null,null,1], ...}` out. */
object Design {
  /** One constructor or method of the user's class, with its parameters' converters and its result's (null: void). */
  private final class Call(val invoke: (AnyRef, Array[AnyRef]) => AnyRef, val params: Array[Conv], val result: Conv)

  /** Run every test: `cls` is the user's class, `constructor` its constructor's parameter types, `methods`
    * the methods' names with `params` their parameter types and `returns` their result types ("void" for none). */
  def run(
      sha: String,
      cls: Class[_],
      constructor: Array[String],
      methods: Array[String],
      params: Array[Array[String]],
      returns: Array[String]
  ): Unit = {
    Harness.checkVersion(sha)
    val results = new java.io.FileOutputStream("/proc/self/fd/3")
    val out = new JsonOut
    val (init, calls) =
      try {
        (constructorOf(cls, constructor), methods.indices.map(i => methods(i) -> methodOf(cls, methods(i), params(i), returns(i))).toMap)
      } catch {
        case e: Unsupported => Harness.fail(results, out, e.getMessage, 0.0)
      }
    val clock = java.lang.management.ManagementFactory.getThreadMXBean
    val in = new JsonIn(System.in)
    var test = 1
    while (in.skip() >= 0) {
      val operations = scala.collection.mutable.ArrayBuffer[Call]()
      val arguments = scala.collection.mutable.ArrayBuffer[Array[AnyRef]]()
      try read(in, init, calls, operations, arguments)
      catch { case e: BadInput => Harness.badInput(test, e) }
      Harness.markCase()
      out.ascii("{\"v\": [null")
      var error: String = null
      val start = clock.getCurrentThreadCpuTime
      try {
        val instance = init.invoke(null, arguments(0))
        for (i <- 1 until operations.size) {
          val value = operations(i).invoke(instance, arguments(i))
          out.raw(',')
          val result = operations(i).result
          if (result == null) out.ascii("null") else result.write(value, out)
        }
      } catch {
        case e: java.lang.reflect.InvocationTargetException => error = (if (e.getCause != null) e.getCause else e).toString
        case e: BadResult => error = e.getMessage
        case e: Throwable => error = e.toString
      }
      val seconds = (clock.getCurrentThreadCpuTime - start) / 1e9
      if (error != null) Harness.fail(results, out, error, seconds)
      out.ascii("], \"t\": ")
      out.ascii(seconds.toString)
      out.ascii("}\n")
      out.writeTo(results)
      test += 1
    }
    System.out.flush()
    System.exit(0)
  }

  /** `[`, the operations' names, `,`, their argument lists and `]`: each argument read as its call declares it. */
  private def read(
      in: JsonIn,
      init: Call,
      calls: Map[String, Call],
      operations: scala.collection.mutable.ArrayBuffer[Call],
      arguments: scala.collection.mutable.ArrayBuffer[Array[AnyRef]]
  ): Unit = {
    in.expect('[')
    var more = in.startArray()
    while (more) {
      val name = in.readString()
      operations += (if (operations.isEmpty) init else calls.getOrElse(name, throw new BadInput(s"unknown method $name")))
      more = in.more()
    }
    in.expect(',')
    more = in.startArray()
    while (more) {
      if (arguments.size == operations.size) throw new BadInput("more argument lists than operations")
      val convs = operations(arguments.size).params
      in.expect('[')
      arguments += Array.tabulate[AnyRef](convs.length) { j =>
        if (j > 0) in.expect(',')
        convs(j).read(in)
      }
      in.expect(']')
      more = in.more()
    }
    if (arguments.size != operations.size) throw new BadInput("fewer argument lists than operations")
    in.expect(']')
  }

  private def constructorOf(cls: Class[_], types: Array[String]): Call = {
    var refusal: Unsupported = null
    for (c <- cls.getDeclaredConstructors if c.getParameterCount == types.length && !c.isSynthetic) {
      try {
        val convs = convsOf(types, c.getGenericParameterTypes)
        c.setAccessible(true)
        return new Call((_, args) => c.newInstance(args: _*).asInstanceOf[AnyRef], convs, null)
      } catch { case e: Unsupported => if (refusal == null) refusal = e }
    }
    throw if (refusal != null) refusal
    else new Unsupported(s"class ${cls.getName} has no constructor with ${types.length} parameter(s)")
  }

  /** The method `name` of `cls` or of a class it extends (a trait's forwarder too), whose parameters the harness can
    * pass. */
  private def methodOf(cls: Class[_], name: String, types: Array[String], returns: String): Call = {
    var refusal: Unsupported = null
    val candidates = Iterator.iterate[Class[_]](cls)(_.getSuperclass).takeWhile(_ != null)
      .flatMap(_.getDeclaredMethods.iterator) ++ cls.getMethods.iterator
    for (m <- candidates) {
      if (m.getName == name && m.getParameterCount == types.length && !m.isBridge && !m.isSynthetic &&
          !Modifier.isStatic(m.getModifiers)) {
        try {
          val convs = convsOf(types, m.getGenericParameterTypes)
          val result = if (returns == "void") null else Harness.conv(returns, m.getGenericReturnType)
          m.setAccessible(true)
          return new Call((self, args) => m.invoke(self, args: _*), convs, result)
        } catch { case e: Unsupported => if (refusal == null) refusal = e }
      }
    }
    throw if (refusal != null) refusal
    else new Unsupported(s"class ${cls.getName} has no method $name with ${types.length} parameter(s)")
  }

  private def convsOf(types: Array[String], declared: Array[Type]): Array[Conv] =
    types.indices.map(i => Harness.conv(types(i), declared(i))).toArray
}

object Launch {
  def main(args: Array[String]): Unit = {
    val folder = new java.io.File(args(0))
    val names = Option(folder.list()).getOrElse(Array.empty[String]).toSeq.sorted
      .filter(n => n.endsWith(".class") && !n.contains('$')).map(_.stripSuffix(".class"))
    val mains = (if (names.contains("JudgedMain")) Seq("JudgedMain") else names).flatMap { name =>
      try {
        val m = Class.forName(name).getMethod("main", classOf[Array[String]])
        if (Modifier.isStatic(m.getModifiers)) Some(m) else None
      } catch { case _: ReflectiveOperationException | _: LinkageError => None }
    }
    if (mains.size != 1) {
      System.err.println(s"judged: the program needs exactly one object with a main method (found ${mains.size})")
      System.exit(1)
    }
    try mains.head.invoke(null, args.drop(1))
    catch { case e: java.lang.reflect.InvocationTargetException => throw e.getCause }
  }
}
