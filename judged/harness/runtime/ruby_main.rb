# The Ruby harness: the main.rb that runs a user's solution.rb on the judge's tests.
#
# judged.harness.lang_ruby.build copies this text into main.rb and appends one
# line, `exit(JudgedHarness.run("two_sum", ["int[]", "int"], "int[]"))`. It runs as
# `ruby --disable-gems main.rb` with only Ruby's standard library, and speaks
# docs/harness-protocol.md: a JSON array of arguments per line on stdin, one
# {"v": ..., "t": ...} or {"e": ..., "t": ...} line per test on fd 3.
#
# The user's file is evaluated at the top level under its own name (so errors
# show the user's lines), with LeetCode's ListNode, TreeNode, graph Node and NestedInteger defined and
# `set` loaded; the method LeetCode's Ruby form defines (`def two_sum(nums,
# target)`, snake_case) is then called once per test. A result of the wrong
# type is written as null, which no valid expected value equals; so is an
# integer outside 64 bits.

require 'json'
require 'set'

RESULTS_FD = 3
EXIT_USER_ERROR = 1
EXIT_BAD_TEST = 3
LONG_MIN = -(2**63)
LONG_MAX = 2**63 - 1
MAX_NODES = 1_000_000 # a ListNode or TreeNode result with more nodes than this has a cycle
SOLUTION_FILE = 'solution.rb'
BACKTRACE_FRAMES = 50 # the innermost frames of a user's backtrace shown on stderr

# LeetCode's singly-linked list node.
class ListNode
  attr_accessor :val, :next

  def initialize(val = 0, _next = nil)
    @val = val
    @next = _next
  end
end

# LeetCode's binary tree node.
class TreeNode
  attr_accessor :val, :left, :right

  def initialize(val = 0, left = nil, right = nil)
    @val = val
    @left = left
    @right = right
  end
end

# LeetCode's graph node (clone graph): its value and its neighbours.
class Node
  attr_accessor :val, :neighbors

  def initialize(val = 0, neighbors = nil)
    @val = val
    @neighbors = neighbors.nil? ? [] : neighbors
  end
end

# LeetCode's nested list item: a single integer (`NestedInteger.new(5)`) or a list (`NestedInteger.new`, `add`).
class NestedInteger
  def initialize(value = nil)
    @integer = value
    @list = value.nil? ? [] : nil
  end

  def is_integer
    @list.nil?
  end

  def get_integer
    @integer
  end

  def set_integer(value)
    @integer = value
    @list = nil
  end

  def add(elem)
    if @list.nil?
      @integer = nil
      @list = []
    end
    @list << elem
  end

  def get_list
    @list
  end
end

module JudgedHarness
  class BadTest < StandardError; end # a test line the harness cannot decode: the judge's bug
  class Mismatch < StandardError; end # a result that is not of the signature's type: written as null
  class Cycle < StandardError; end # a ListNode or TreeNode result too long to be anything but a cycle

  module_function

  def parse_kind(text)
    base = text.sub(/(\[\])+\z/, '')
    [base, (text.length - base.length) / 2]
  end

  def show(value)
    value.inspect[0, 40]
  end

  # Decoding the judge's arguments.

  def decode(value, kind)
    base, depth = kind
    return DECODERS.fetch(base).call(value) if depth.zero?
    raise BadTest, "expected an array, got #{show(value)}" unless value.is_a?(Array)

    value.map { |item| decode(item, [base, depth - 1]) }
  end

  def checked(what, &test)
    lambda do |value|
      raise BadTest, "expected #{what}, got #{show(value)}" unless test.call(value)

      value
    end
  end

  def decode_integer(value)
    raise BadTest, "expected an integer, got #{show(value)}" unless value.is_a?(Integer)

    value
  end

  def decode_list_node(value)
    raise BadTest, "expected an array of int, got #{show(value)}" unless value.is_a?(Array)

    value.reverse.reduce(nil) { |head, item| ListNode.new(decode_integer(item), head) }
  end

  def decode_tree_node(value)
    raise BadTest, "expected a level-order array, got #{show(value)}" unless value.is_a?(Array)
    return nil if value.empty?

    child = ->(index) { value[index].nil? ? nil : TreeNode.new(decode_integer(value[index])) }
    root = child.call(0)
    parents = [root]
    taken = 0 # the first parent still without children
    index = 1
    while index < value.length
      if taken == parents.length
        raise BadTest, "tree node #{index} has no parent" unless value[index..].all?(&:nil?)

        break
      end
      parent = parents[taken]
      taken += 1
      parent.left = child.call(index)
      parent.right = child.call(index + 1)
      parents << parent.left unless parent.left.nil?
      parents << parent.right unless parent.right.nil?
      index += 2
    end
    root
  end

  def decode_graph_node(value)
    raise BadTest, "expected an adjacency list, got #{show(value)}" unless value.is_a?(Array)

    nodes = (1..value.length).map { |number| Node.new(number) }
    value.each_with_index do |neighbours, index|
      raise BadTest, "expected a list of neighbours, got #{show(neighbours)}" unless neighbours.is_a?(Array)

      neighbours.each do |neighbour|
        number = decode_integer(neighbour)
        raise BadTest, "no node #{number} in a graph of #{nodes.length}" unless number.between?(1, nodes.length)

        nodes[index].neighbors << nodes[number - 1]
      end
    end
    nodes.first
  end

  def decode_nested_integer(value)
    return NestedInteger.new(decode_integer(value)) unless value.is_a?(Array)

    nested = NestedInteger.new
    value.each { |item| nested.add(decode_nested_integer(item)) }
    nested
  end

  DECODERS = {
    'int' => method(:decode_integer),
    'long' => method(:decode_integer),
    'double' => lambda { |value|
      raise BadTest, "expected a number, got #{show(value)}" unless value.is_a?(Numeric)

      value.to_f
    },
    'bool' => checked('a bool') { |value| [true, false].include?(value) },
    'string' => checked('a string') { |value| value.is_a?(String) },
    'char' => checked('a one-character string') { |value| value.is_a?(String) && value.length == 1 },
    'ListNode' => method(:decode_list_node),
    'TreeNode' => method(:decode_tree_node),
    'Node' => method(:decode_graph_node),
    'NestedInteger' => method(:decode_nested_integer),
  }.freeze

  def decode_test(line, kinds)
    begin
      values = JSON.parse(line)
    rescue JSON::ParserError => e
      raise BadTest, "not JSON: #{e.message[0, 80]}"
    end
    raise BadTest, "expected an array of #{kinds.length} arguments" unless values.is_a?(Array) && values.length == kinds.length

    values.zip(kinds).map { |value, kind| decode(value, kind) }
  end

  # Encoding results.

  def encode(value, kind)
    base, depth = kind
    return ENCODERS.fetch(base).call(value) if depth.zero?
    raise Mismatch unless value.is_a?(Array)

    "[#{value.map { |item| encode(item, [base, depth - 1]) }.join(',')}]"
  end

  def encode_integer(value)
    raise Mismatch unless value.is_a?(Integer) && value >= LONG_MIN && value <= LONG_MAX

    value.to_s
  end

  def encode_double(value)
    raise Mismatch unless value.is_a?(Integer) || value.is_a?(Float)

    number = value.to_f
    return '"NaN"' if number.nan?
    return number.positive? ? '"Infinity"' : '"-Infinity"' if number.infinite?

    number.to_s # the shortest round-trip form; `1.0e+20` is JSON too
  end

  def encode_text(value)
    JSON.generate(value)
  rescue JSON::GeneratorError, EncodingError
    raise Mismatch # not valid UTF-8
  end

  def node?(value)
    value.respond_to?(:val)
  end

  def encode_list_node(head)
    items = []
    node = head
    until node.nil?
      raise Mismatch unless node?(node)
      raise Cycle, 'ListNode has a cycle' if items.length == MAX_NODES

      items << encode_integer(node.val)
      node = node.respond_to?(:next) ? node.next : nil
    end
    "[#{items.join(',')}]"
  end

  def encode_tree_node(root)
    items = []
    queue = [root]
    nodes = 0
    index = 0
    while index < queue.length
      node = queue[index]
      index += 1
      if node.nil?
        items << 'null'
        next
      end
      raise Mismatch unless node?(node)

      nodes += 1
      raise Cycle, 'TreeNode has a cycle' if nodes > MAX_NODES

      items << encode_integer(node.val)
      queue << (node.respond_to?(:left) ? node.left : nil) << (node.respond_to?(:right) ? node.right : nil)
    end
    items.pop while items.last == 'null'
    "[#{items.join(',')}]"
  end

  # The adjacency list of the graph reachable from `start`, by value: its values must be 1..n, once each.
  def encode_graph_node(start)
    return '[]' if start.nil?

    neighbours_of = {}
    seen = { start.object_id => true }
    queue = [start]
    index = 0
    while index < queue.length
      node = queue[index]
      index += 1
      raise Mismatch unless node?(node) && node.respond_to?(:neighbors) && node.neighbors.is_a?(Array)
      raise Mismatch unless node.val.is_a?(Integer) && !neighbours_of.key?(node.val)

      neighbours_of[node.val] = node.neighbors
      node.neighbors.each do |neighbour|
        raise Mismatch unless node?(neighbour)
        next if seen.key?(neighbour.object_id)

        seen[neighbour.object_id] = true
        queue << neighbour
      end
    end
    rows = (1..neighbours_of.length).map do |value|
      raise Mismatch unless neighbours_of.key?(value)

      "[#{neighbours_of[value].map(&:val).join(',')}]"
    end
    "[#{rows.join(',')}]"
  end

  ENCODERS = {
    'int' => method(:encode_integer),
    'long' => method(:encode_integer),
    'double' => method(:encode_double),
    'bool' => ->(value) { [true, false].include?(value) ? value.to_s : raise(Mismatch) },
    'string' => ->(value) { value.is_a?(String) ? encode_text(value) : raise(Mismatch) },
    'char' => ->(value) { value.is_a?(String) && value.length == 1 ? encode_text(value) : raise(Mismatch) },
    'ListNode' => method(:encode_list_node),
    'TreeNode' => method(:encode_tree_node),
    'Node' => method(:encode_graph_node),
  }.freeze

  # Talking to the judge.

  RESULTS = IO.new(RESULTS_FD, 'w')
  RESULTS.sync = true
  RESULTS.binmode
  # Run mode's per-run boundary between two tests' prints (docs/harness-protocol.md); nil when judging.
  CASE_MARK = ENV.delete('JUDGED_CASE_MARK')

  def write_result(line)
    RESULTS.write(line) # IO#write waits out a non-blocking pipe's EAGAIN
  end

  def describe(error)
    message = begin
      error.message.to_s
    rescue StandardError
      ''
    end
    message.empty? ? error.class.name.to_s : "#{error.class}: #{message}"
  end

  def report_error(error, seconds, solution_path)
    write_result("#{JSON.generate({ 'e' => describe(error).scrub, 't' => seconds })}\n")
    trace = error.backtrace || []
    first = trace.index { |frame| frame.start_with?(solution_path) || frame.start_with?(SOLUTION_FILE) }
    trace = first.nil? ? [] : trace[first..].reject { |frame| frame.include?('main.rb') }
    shown = trace.first(BACKTRACE_FRAMES)
    STDERR.write("#{describe(error).scrub}\n#{shown.map { |frame| "\tfrom #{frame}\n" }.join}")
    STDERR.write("\t(#{trace.length - shown.length} more calls not shown)\n") if trace.length > shown.length
    EXIT_USER_ERROR
  end

  def cpu_seconds
    Process.clock_gettime(Process::CLOCK_PROCESS_CPUTIME_ID)
  end

  def load_solution(name, solution_path)
    text = File.read(solution_path, encoding: 'UTF-8')
    TOPLEVEL_BINDING.eval(text, SOLUTION_FILE, 1)
    top = TOPLEVEL_BINDING.receiver
    return top.method(name) if top.respond_to?(name, true)

    raise NoMethodError, "undefined method `#{name}': the solution must define #{name}"
  end

  # Run mode: the user's buffered prints go out, then the marker where the next test's prints begin, through STDOUT
  # itself, so it falls exactly between two tests' prints. Nothing when judging.
  def mark_case
    return if CASE_MARK.nil?

    $stdout.flush if $stdout.respond_to?(:flush)
    STDOUT.write(CASE_MARK)
    STDOUT.flush
  rescue IOError, SystemCallError
    nil # stdout closed by the user: nothing of theirs to split either
  end

  # Every non-blank test line on `tests`, decoded by `decode` and given to the block after the run-mode marker;
  # 0 when all ran. A line `decode` cannot read (BadTest) ends the run with EXIT_BAD_TEST; the block ends it
  # early by returning from its method.
  def each_test(tests, decode)
    number = 0
    while (line = tests.gets)
      next if line.strip.empty?

      number += 1
      begin
        test = decode.call(line)
      rescue BadTest => e
        STDERR.write("judged harness: cannot decode test #{number}: #{e.message}\n")
        return EXIT_BAD_TEST
      end
      mark_case
      yield test
    end
    0
  end

  def run(name, param_types, returns)
    kinds = param_types.map { |text| parse_kind(text) }
    in_place = returns == 'void'
    result_kind = in_place ? kinds[0] : parse_kind(returns)
    solution_path = File.join(__dir__, SOLUTION_FILE)
    tests = IO.new(0, 'rb', autoclose: false) # taken before the user's code can replace $stdin
    begin
      solve = load_solution(name, solution_path)
    rescue ScriptError, StandardError, SystemStackError, NoMemoryError => e
      return report_error(e, 0.0, solution_path)
    end
    each_test(tests, ->(line) { decode_test(line, kinds) }) do |args|
      start = cpu_seconds
      begin
        returned = solve.call(*args)
      rescue ScriptError, StandardError, SystemStackError, NoMemoryError => e
        return report_error(e, cpu_seconds - start, solution_path)
      end
      spent = cpu_seconds - start
      begin
        text = encode(in_place ? args[0] : returned, result_kind)
      rescue Mismatch
        text = 'null'
      rescue Cycle => e
        write_result("#{JSON.generate({ 'e' => e.message, 't' => spent })}\n")
        return EXIT_USER_ERROR
      rescue ScriptError, StandardError, SystemStackError => e # the user's node raised
        return report_error(e, spent, solution_path)
      end
      write_result("{\"v\":#{text},\"t\":#{spent}}\n")
    end
  end
end
