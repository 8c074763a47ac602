# The Ruby design harness: appended to ruby_main.rb, whose codecs and protocol it uses.
#
# judged.harness.design_ruby.build appends one line after this text,
# `exit(JudgedHarness.run_design("MinStack", [], JSON.parse('{"getMin": ["get_min", [], "int"], ...}')))`.
# One test line is [operations, arguments]: the first operation constructs the
# design class (`MinStack.new(*args)`), the others call its methods by their
# snake_case names (`getMin` calls `get_min`, as LeetCode's Ruby stubs name
# them). The result line is {"v": [null, <return>, ...], "t": seconds}: null
# for the constructor and for void methods. A call that raises ends the run.

module JudgedHarness
  module_function

  def decode_operations(line, class_name, constructor, methods)
    begin
      test = JSON.parse(line)
    rescue JSON::ParserError => e
      raise BadTest, "not JSON: #{e.message[0, 80]}"
    end
    raise BadTest, 'expected [operations, arguments]' unless test.is_a?(Array) && test.length == 2

    operations, given = test
    unless operations.is_a?(Array) && given.is_a?(Array) && operations.length == given.length
      raise BadTest, 'expected two lists of one length'
    end

    decoded = operations.each_with_index.map do |operation, index|
      if index.zero?
        raise BadTest, "the first operation must be #{class_name}" unless operation == class_name

        kinds = constructor
      else
        raise BadTest, "unknown method #{operation}" unless methods.key?(operation)

        kinds = methods[operation][1]
      end
      args = given[index]
      raise BadTest, "#{operation}: expected #{kinds.length} arguments" unless args.is_a?(Array) && args.length == kinds.length

      args.zip(kinds).map { |value, kind| decode(value, kind) }
    end
    [operations, decoded]
  end

  def load_class(class_name, solution_path)
    text = File.read(solution_path, encoding: 'UTF-8')
    TOPLEVEL_BINDING.eval(text, SOLUTION_FILE, 1)
    return Object.const_get(class_name) if Object.const_defined?(class_name)

    raise NameError, "uninitialized constant #{class_name}: the solution must define class #{class_name}"
  end

  def encode_return(returned, kind)
    return 'null' if kind.nil?

    encode(returned, kind)
  rescue Mismatch
    'null' # no valid expected value is null
  end

  def run_design(class_name, constructor_types, method_types)
    constructor = constructor_types.map { |text| parse_kind(text) }
    methods = method_types.transform_values do |(ruby_name, params, returns)|
      [ruby_name, params.map { |text| parse_kind(text) }, returns == 'void' ? nil : parse_kind(returns)]
    end
    solution_path = File.join(__dir__, SOLUTION_FILE)
    tests = IO.new(0, 'rb', autoclose: false) # taken before the user's code can replace $stdin
    begin
      design_class = load_class(class_name, solution_path)
    rescue ScriptError, StandardError, SystemStackError, NoMemoryError => e
      return report_error(e, 0.0, solution_path)
    end
    each_test(tests, ->(line) { decode_operations(line, class_name, constructor, methods) }) do |operations, arguments|
      results = ['null']
      start = cpu_seconds
      begin
        instance = design_class.new(*arguments[0])
        (1...operations.length).each do |index|
          ruby_name, _, result_kind = methods[operations[index]]
          results << encode_return(instance.send(ruby_name, *arguments[index]), result_kind)
        end
      rescue ScriptError, StandardError, SystemStackError, NoMemoryError => e
        return report_error(e, cpu_seconds - start, solution_path)
      end
      write_result("{\"v\":[#{results.join(',')}],\"t\":#{cpu_seconds - start}}\n")
    end
  end
end
