// The judge's harness: reads tests on stdin, calls the user's function, writes one result line per test to fd 3.
// Every name here starts with "judged" so that it cannot clash with the user's helpers.

const judgedMaxNodes = 1000000

type judgedBadInput struct{ message string }

// judgedParser reads the judge's JSON test lines from stdin, buffered, without copying whole lines.
type judgedParser struct {
	buf  []byte
	pos  int
	end  int
	text []byte
}

func (p *judgedParser) peek() int {
	for p.pos >= p.end {
		n, err := judgedos.Stdin.Read(p.buf)
		p.pos, p.end = 0, n
		if n <= 0 && err != nil {
			return -1
		}
	}
	return int(p.buf[p.pos])
}

func (p *judgedParser) fail(expected string) {
	at := " at the end of input"
	if c := p.peek(); c >= 0 {
		at = " at '" + string(rune(c)) + "'"
	}
	panic(judgedBadInput{"expected " + expected + at})
}

func (p *judgedParser) skip() int {
	c := p.peek()
	for c == ' ' || c == '\n' || c == '\r' || c == '\t' {
		p.pos++
		c = p.peek()
	}
	return c
}

func (p *judgedParser) expect(c byte) {
	if p.skip() != int(c) {
		p.fail("'" + string(rune(c)) + "'")
	}
	p.pos++
}

// startArray consumes '[' and says whether an element follows.
func (p *judgedParser) startArray() bool {
	p.expect('[')
	if p.skip() != ']' {
		return true
	}
	p.pos++
	return false
}

// more consumes ',' (true: another element follows) or ']' (false).
func (p *judgedParser) more() bool {
	c := p.skip()
	if c != ',' && c != ']' {
		p.fail("',' or ']'")
	}
	p.pos++
	return c == ','
}

func (p *judgedParser) literal(word string) {
	for i := 0; i < len(word); i++ {
		if p.peek() != int(word[i]) {
			p.fail(word)
		}
		p.pos++
	}
}

func (p *judgedParser) readNull() bool {
	if p.skip() != 'n' {
		return false
	}
	p.literal("null")
	return true
}

func (p *judgedParser) readBool() bool {
	c := p.skip()
	if c == 't' {
		p.literal("true")
	} else {
		p.literal("false")
	}
	return c == 't'
}

func (p *judgedParser) readInt() int {
	c := p.skip()
	negative := c == '-'
	if negative {
		p.pos++
		c = p.peek()
	}
	if c < '0' || c > '9' {
		p.fail("an integer")
	}
	var v int64 // accumulated negated, so that the minimum fits
	for c >= '0' && c <= '9' {
		digit := int64(c - '0')
		if v < (judgedmath.MinInt64+digit)/10 {
			panic(judgedBadInput{"an integer out of range"})
		}
		v = v*10 - digit
		p.pos++
		c = p.peek()
	}
	if c == '.' || c == 'e' || c == 'E' {
		p.fail("an integer")
	}
	if negative {
		return int(v)
	}
	if v == judgedmath.MinInt64 {
		panic(judgedBadInput{"an integer out of range"})
	}
	return int(-v)
}

func (p *judgedParser) readFloat() float64 {
	c := p.skip()
	if c == '"' {
		switch s := p.readString(); s {
		case "NaN":
			return judgedmath.NaN()
		case "Infinity":
			return judgedmath.Inf(1)
		case "-Infinity":
			return judgedmath.Inf(-1)
		default:
			panic(judgedBadInput{"expected a number, got \"" + s + "\""})
		}
	}
	p.text = p.text[:0]
	for c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
		p.text = append(p.text, byte(c))
		p.pos++
		c = p.peek()
	}
	v, err := judgedstrconv.ParseFloat(string(p.text), 64)
	if err != nil {
		p.fail("a number")
	}
	return v
}

func (p *judgedParser) readString() string {
	if p.skip() != '"' {
		p.fail("a string")
	}
	p.pos++
	p.text = p.text[:0]
	for {
		c := p.peek()
		if c < 0 {
			p.fail("'\"'")
		}
		p.pos++
		if c == '"' {
			return string(p.text)
		}
		if c == '\\' {
			p.escape()
		} else {
			p.text = append(p.text, byte(c))
		}
	}
}

// escape decodes one escape after its backslash onto p.text.
func (p *judgedParser) escape() {
	c := p.peek()
	p.pos++
	switch c {
	case '"', '\\', '/':
		p.text = append(p.text, byte(c))
	case 'b':
		p.text = append(p.text, '\b')
	case 'f':
		p.text = append(p.text, '\f')
	case 'n':
		p.text = append(p.text, '\n')
	case 'r':
		p.text = append(p.text, '\r')
	case 't':
		p.text = append(p.text, '\t')
	case 'u':
		code := p.hex4()
		if code >= 0xD800 && code < 0xDC00 && p.peek() == '\\' {
			p.pos++
			p.literal("u")
			code = 0x10000 + (code-0xD800)<<10 + (p.hex4() - 0xDC00)
		}
		p.text = append(p.text, string(rune(code))...)
	default:
		panic(judgedBadInput{"a bad escape in a string"})
	}
}

func (p *judgedParser) hex4() int {
	code := 0
	for i := 0; i < 4; i++ {
		c := p.peek()
		switch {
		case c >= '0' && c <= '9':
			code = code*16 + c - '0'
		case c >= 'a' && c <= 'f':
			code = code*16 + c - 'a' + 10
		case c >= 'A' && c <= 'F':
			code = code*16 + c - 'A' + 10
		default:
			p.fail("a hex digit")
		}
		p.pos++
	}
	return code
}

func (p *judgedParser) readByte() byte {
	s := p.readString()
	if len(s) != 1 {
		panic(judgedBadInput{"expected a char, got \"" + s + "\""})
	}
	return s[0]
}

func judgedSlice[T any](p *judgedParser, read func(*judgedParser) T) []T {
	items := []T{}
	for more := p.startArray(); more; more = p.more() {
		items = append(items, read(p))
	}
	return items
}

func judgedSlice2[T any](p *judgedParser, read func(*judgedParser) T) [][]T {
	return judgedSlice(p, func(p *judgedParser) []T { return judgedSlice(p, read) })
}

//@begin ListNode
func (p *judgedParser) readList() *ListNode {
	head := &ListNode{}
	tail := head
	for more := p.startArray(); more; more = p.more() {
		tail.Next = &ListNode{Val: p.readInt()}
		tail = tail.Next
	}
	return head.Next
}

//@end ListNode
//@begin TreeNode
func (p *judgedParser) readTree() *TreeNode {
	if !p.startArray() {
		return nil
	}
	root := &TreeNode{Val: p.readInt()}
	queue := []*TreeNode{root}
	head, left := 0, true
	for p.more() {
		var node *TreeNode
		if !p.readNull() {
			node = &TreeNode{Val: p.readInt()}
		}
		if head == len(queue) {
			if node != nil {
				panic(judgedBadInput{"a tree node without a parent"})
			}
			continue // trailing nulls
		}
		if left {
			queue[head].Left = node
		} else {
			queue[head].Right = node
			head++
		}
		left = !left
		if node != nil {
			queue = append(queue, node)
		}
	}
	return root
}

//@end TreeNode
//@begin Node
// readGraph gives node 1 of the graph an adjacency list describes (item i: the values of node i+1's neighbours).
func (p *judgedParser) readGraph() *Node {
	rows := judgedSlice2(p, (*judgedParser).readInt)
	nodes := make([]*Node, len(rows))
	for i := range nodes {
		nodes[i] = &Node{Val: i + 1}
	}
	for i, row := range rows {
		for _, value := range row {
			if value < 1 || value > len(nodes) {
				panic(judgedBadInput{"a Node neighbour is not a node of the graph"})
			}
			nodes[i].Neighbors = append(nodes[i].Neighbors, nodes[value-1])
		}
	}
	if len(nodes) == 0 {
		return nil
	}
	return nodes[0]
}

//@end Node
//@begin NestedInteger
// readNested gives an int, or a list of ints and such lists, as LeetCode's NestedInteger.
func (p *judgedParser) readNested() *NestedInteger {
	if p.skip() != '[' {
		return &NestedInteger{judgedValue: p.readInt(), judgedIsInt: true}
	}
	return &NestedInteger{judgedList: judgedSlice(p, (*judgedParser).readNested)}
}

//@end NestedInteger

// judgedWriter holds one result line; failure is set when the value cannot be encoded, failed once the line is an error.
type judgedWriter struct {
	buf     []byte
	failure string
	failed  bool
}

func (w *judgedWriter) writeInt(v int) {
	w.buf = judgedstrconv.AppendInt(w.buf, int64(v), 10)
}

func (w *judgedWriter) writeFloat(v float64) {
	switch {
	case judgedmath.IsNaN(v):
		w.buf = append(w.buf, `"NaN"`...)
	case judgedmath.IsInf(v, 1):
		w.buf = append(w.buf, `"Infinity"`...)
	case judgedmath.IsInf(v, -1):
		w.buf = append(w.buf, `"-Infinity"`...)
	default:
		start := len(w.buf)
		w.buf = judgedstrconv.AppendFloat(w.buf, v, 'g', -1, 64)
		for _, c := range w.buf[start:] {
			if c == '.' || c == 'e' {
				return
			}
		}
		w.buf = append(w.buf, ".0"...)
	}
}

func (w *judgedWriter) writeBool(v bool) {
	if v {
		w.buf = append(w.buf, "true"...)
	} else {
		w.buf = append(w.buf, "false"...)
	}
}

func (w *judgedWriter) writeString(s string) {
	const hex = "0123456789abcdef"
	w.buf = append(w.buf, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			w.buf = append(w.buf, '\\', c)
		case c == '\n':
			w.buf = append(w.buf, '\\', 'n')
		case c == '\r':
			w.buf = append(w.buf, '\\', 'r')
		case c == '\t':
			w.buf = append(w.buf, '\\', 't')
		case c == '\b':
			w.buf = append(w.buf, '\\', 'b')
		case c == '\f':
			w.buf = append(w.buf, '\\', 'f')
		case c < 0x20:
			w.buf = append(w.buf, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			w.buf = append(w.buf, c)
		}
	}
	w.buf = append(w.buf, '"')
}

func (w *judgedWriter) writeByte(c byte) {
	w.writeString(string([]byte{c}))
}

func judgedWriteSlice[T any](w *judgedWriter, items []T, write func(*judgedWriter, T)) {
	w.buf = append(w.buf, '[')
	for i, item := range items {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		write(w, item)
	}
	w.buf = append(w.buf, ']')
}

func judgedWriteSlice2[T any](w *judgedWriter, items [][]T, write func(*judgedWriter, T)) {
	judgedWriteSlice(w, items, func(w *judgedWriter, row []T) { judgedWriteSlice(w, row, write) })
}

//@begin ListNode
func (w *judgedWriter) writeList(head *ListNode) {
	w.buf = append(w.buf, '[')
	count := 0
	for node := head; node != nil; node = node.Next {
		if count++; count > judgedMaxNodes {
			w.failure = "ListNode has a cycle"
			return
		}
		if count > 1 {
			w.buf = append(w.buf, ',')
		}
		w.writeInt(node.Val)
	}
	w.buf = append(w.buf, ']')
}

//@end ListNode
//@begin TreeNode
func (w *judgedWriter) writeTree(root *TreeNode) {
	order := []*TreeNode{root}
	last := -1
	for i := 0; i < len(order); i++ {
		if order[i] == nil {
			continue
		}
		if i/2 > judgedMaxNodes {
			w.failure = "TreeNode has a cycle"
			return
		}
		last = i
		order = append(order, order[i].Left, order[i].Right)
	}
	w.buf = append(w.buf, '[')
	for i := 0; i <= last; i++ {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		if order[i] == nil {
			w.buf = append(w.buf, "null"...)
		} else {
			w.writeInt(order[i].Val)
		}
	}
	w.buf = append(w.buf, ']')
}

//@end TreeNode
//@begin Node
// writeGraph writes the adjacency list of the graph reachable from start, by value; null unless its values are 1..n.
func (w *judgedWriter) writeGraph(start *Node) {
	var byValue, queue []*Node
	meet := func(node *Node) bool {
		if node == nil || node.Val < 1 || node.Val > judgedMaxNodes {
			return false
		}
		for len(byValue) < node.Val {
			byValue = append(byValue, nil)
		}
		if known := byValue[node.Val-1]; known != nil {
			return known == node
		}
		byValue[node.Val-1] = node
		queue = append(queue, node)
		return true
	}
	ok := start == nil || meet(start)
	for i := 0; ok && i < len(queue); i++ {
		for _, next := range queue[i].Neighbors {
			if ok = meet(next); !ok {
				break
			}
		}
	}
	if !ok || len(byValue) != len(queue) {
		w.buf = append(w.buf, "null"...)
		return
	}
	w.buf = append(w.buf, '[')
	for i, node := range byValue {
		if i > 0 {
			w.buf = append(w.buf, ',')
		}
		w.buf = append(w.buf, '[')
		for j, next := range node.Neighbors {
			if j > 0 {
				w.buf = append(w.buf, ',')
			}
			w.writeInt(next.Val)
		}
		w.buf = append(w.buf, ']')
	}
	w.buf = append(w.buf, ']')
}

//@end Node

// start begins a result line; finish ends it, or replaces it by an error line when the value could not be encoded.
func (w *judgedWriter) start() {
	w.buf = append(w.buf[:0], `{"v": `...)
	w.failure, w.failed = "", false
}

func (w *judgedWriter) finish(seconds float64) {
	if w.failure != "" {
		w.fail(w.failure, seconds)
		return
	}
	w.buf = append(w.buf, `, "t": `...)
	w.writeFloat(seconds)
	w.buf = append(w.buf, "}\n"...)
}

func (w *judgedWriter) fail(message string, seconds float64) {
	w.failed = true
	w.buf = append(w.buf[:0], `{"e": `...)
	w.writeString(message)
	w.buf = append(w.buf, `, "t": `...)
	w.writeFloat(seconds)
	w.buf = append(w.buf, "}\n"...)
}

// judgedCPU is the process's CPU time (user + system) in microseconds.
func judgedCPU() int64 {
	var usage judgedsyscall.Rusage
	_ = judgedsyscall.Getrusage(judgedsyscall.RUSAGE_SELF, &usage)
	return int64(usage.Utime.Sec+usage.Stime.Sec)*1000000 + int64(usage.Utime.Usec+usage.Stime.Usec)
}

// judgedCall runs the user's call, timed, and turns a panic into its message.
func judgedCall(call func()) (seconds float64, message string, ok bool) {
	start := judgedCPU()
	defer func() {
		seconds = float64(judgedCPU()-start) / 1e6
		if r := recover(); r != nil {
			message, ok = "panic: "+judgedfmt.Sprint(r), false
		}
	}()
	call()
	return 0, "", true
}

// judgedDecode reads the next test's '[', its arguments (decode) and ']'; false at the end of input.
// A line it cannot decode is the judge's bug: a message on stderr and exit status 3.
func judgedDecode(p *judgedParser, test int, decode func()) bool {
	defer func() {
		if r := recover(); r != nil {
			bad, isBad := r.(judgedBadInput)
			if !isBad {
				panic(r)
			}
			judgedfmt.Fprintf(judgedos.Stderr, "harness: cannot decode test %d: %s\n", test, bad.message)
			judgedos.Exit(3)
		}
	}()
	if p.skip() < 0 {
		return false
	}
	judgedMarkCase()
	p.expect('[')
	decode()
	p.expect(']')
	return true
}

// judgedCaseMark is run mode's per-run boundary between two tests' prints (docs/harness-protocol.md); "" when judging.
var judgedCaseMark string

// judgedMarkCase marks where the next test's prints begin: os.Stdout is unbuffered, so the marker written to it falls
// exactly between two tests' prints (a bufio.Writer of the user's own is theirs to flush).
func judgedMarkCase() {
	if judgedCaseMark != "" {
		judgedos.Stdout.WriteString(judgedCaseMark)
	}
}

func main() {
	judgedCaseMark = judgedos.Getenv("JUDGED_CASE_MARK")
	judgedos.Unsetenv("JUDGED_CASE_MARK")
	results := judgedos.NewFile(3, "results")
	p := &judgedParser{buf: make([]byte, 1<<16)}
	w := &judgedWriter{}
	for test := 1; judgedTest(p, w, test); test++ {
		if _, err := results.Write(w.buf); err != nil {
			judgedos.Exit(2)
		}
		if w.failed {
			judgedos.Exit(1)
		}
	}
}
