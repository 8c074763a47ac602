
// The design harness's entry point (judged.harness.design_csharp), in place of the function harness's: one line
// per test, [OPERATIONS, ARGUMENTS]; the class's constructor and each method found by reflection (PascalCase
// name and number of parameters), every argument converted to the type the user declared.
namespace JudgedHarness {
    static class DesignProgram {
        static readonly string[] CtorParams = { @CTOR@ };
        static readonly string[] Methods = { @METHODS@ };
        static readonly string[][] MethodParams = { @PARAMS@ };
        static readonly string[] Returns = { @RETURNS@ };
        const System.Reflection.BindingFlags Any = System.Reflection.BindingFlags.Public
            | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;

        static System.Reflection.MethodInfo Find(System.Type type, string name, int count) {
            string pascal = char.ToUpperInvariant(name[0]) + name.Substring(1);
            foreach (var method in type.GetMethods(Any))
                if (method.Name == pascal && method.GetParameters().Length == count) return method;
            foreach (var method in type.GetMethods(Any))
                if (string.Equals(method.Name, name, System.StringComparison.OrdinalIgnoreCase)
                    && method.GetParameters().Length == count) return method;
            throw new System.MissingMethodException(type.Name + " has no method " + pascal + " with " + count + " parameters");
        }

        static object[] Arguments(object given, string[] kinds, System.Reflection.ParameterInfo[] declared) {
            var values = given as System.Collections.Generic.List<object>;
            if (values == null || values.Count != kinds.Length)
                throw new BadTest("expected " + kinds.Length + " arguments, got " + (values == null ? "none" : values.Count.ToString()));
            var args = new object[kinds.Length];
            for (int i = 0; i < kinds.Length; i++) {
                var kind = Kind.Parse(kinds[i]);
                Harness.Check(values[i], kind);
                args[i] = Harness.Convert(values[i], kind, declared[i].ParameterType);
            }
            return args;
        }

        static int Main() {
            var type = typeof(@CLASS@);
            System.Reflection.ConstructorInfo ctor = null;
            var methods = new System.Reflection.MethodInfo[Methods.Length];
            var index = new System.Collections.Generic.Dictionary<string, int>();
            try {
                foreach (var candidate in type.GetConstructors(Any))
                    if (candidate.GetParameters().Length == CtorParams.Length) ctor = candidate;
                if (ctor == null)
                    throw new System.MissingMethodException(type.Name + " has no constructor with " + CtorParams.Length + " parameters");
                for (int i = 0; i < Methods.Length; i++) {
                    methods[i] = Find(type, Methods[i], MethodParams[i].Length);
                    index[Methods[i]] = i;
                }
            } catch (System.Exception error) {
                return Harness.ReportError(error, 0);
            }
            var tests = new System.IO.StreamReader(System.Console.OpenStandardInput(), new System.Text.UTF8Encoding(false));
            int number = 0;
            string line;
            while ((line = tests.ReadLine()) != null) {
                if (line.Trim().Length == 0) continue;
                number++;
                int[] calls;
                object[][] args;
                try {
                    var test = Json.Parse(line) as System.Collections.Generic.List<object>;
                    var operations = test == null || test.Count != 2 ? null : test[0] as System.Collections.Generic.List<object>;
                    var arguments = operations == null ? null : test[1] as System.Collections.Generic.List<object>;
                    if (arguments == null || arguments.Count != operations.Count || operations.Count == 0)
                        throw new BadTest("expected [operations, arguments] of one length");
                    calls = new int[operations.Count];
                    args = new object[operations.Count][];
                    args[0] = Arguments(arguments[0], CtorParams, ctor.GetParameters());
                    for (int i = 1; i < operations.Count; i++) {
                        var name = operations[i] as string;
                        if (name == null || !index.TryGetValue(name, out calls[i])) throw new BadTest("unknown method " + name);
                        args[i] = Arguments(arguments[i], MethodParams[calls[i]], methods[calls[i]].GetParameters());
                    }
                } catch (System.Exception error) {
                    System.Console.Error.WriteLine("judged harness: cannot decode test " + number + ": " + error.Message);
                    return Harness.ExitBadTest;
                }
                Harness.MarkCase();
                var returns = new System.Collections.Generic.List<string> { "null" };
                double start = Harness.CpuSeconds();
                try {
                    object instance = ctor.Invoke(args[0]);
                    for (int i = 1; i < calls.Length; i++) {
                        object returned = methods[calls[i]].Invoke(instance, args[i]);
                        string kind = Returns[calls[i]];
                        if (kind == "void") { returns.Add("null"); continue; }
                        try {
                            returns.Add(Harness.Encode(returned, Kind.Parse(kind)));
                        } catch (Mismatch) {
                            returns.Add("null");
                        }
                    }
                } catch (System.Reflection.TargetInvocationException error) {
                    return Harness.ReportError(error.InnerException ?? error, Harness.CpuSeconds() - start);
                } catch (System.Exception error) {
                    return Harness.ReportError(error, Harness.CpuSeconds() - start);
                }
                double spent = Harness.CpuSeconds() - start;
                Harness.WriteResult("{\"v\":[" + string.Join(",", returns) + "],\"t\":" + Harness.Double(spent) + "}");
            }
            return 0;
        }
    }
}
