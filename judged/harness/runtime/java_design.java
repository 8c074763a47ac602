    // The design harness's main, put in `Main` in place of the function harness's (judged.harness.design_java).

    static final String DESIGN_CLASS = "@CLASS@";
    static final int DESIGN_ARITY = @ARITY@;
    static final String[] DESIGN_METHODS = {@METHODS@};
    static final int[] DESIGN_ARITIES = {@ARITIES@};
    static final boolean[] DESIGN_VOID = {@VOIDS@};

    public static void main(String[] args) throws java.io.IOException {
        java.io.OutputStream results = new java.io.FileOutputStream("/proc/self/fd/3");
        Out out = new Out();
        java.lang.reflect.Constructor<?> init;
        Conv[] initParams;
        java.util.Map<String, java.lang.reflect.Method> methods = new java.util.HashMap<>();
        java.util.Map<String, Conv[]> params = new java.util.HashMap<>();
        java.util.Map<String, Conv> returns = new java.util.HashMap<>();
        try {
            init = designConstructor();
            initParams = convs(init.getGenericParameterTypes());
            for (int i = 0; i < DESIGN_METHODS.length; i++) {
                java.lang.reflect.Method m = designMethod(DESIGN_METHODS[i], DESIGN_ARITIES[i]);
                methods.put(DESIGN_METHODS[i], m);
                params.put(DESIGN_METHODS[i], convs(m.getGenericParameterTypes()));
                returns.put(DESIGN_METHODS[i], DESIGN_VOID[i] ? null : conv(m.getGenericReturnType()));
            }
        } catch (Unsupported e) {
            fail(results, out, e.getMessage(), 0);
            return;
        }
        java.lang.management.ThreadMXBean clock = java.lang.management.ManagementFactory.getThreadMXBean();
        In in = new In(System.in);
        for (int test = 1; ; test++) {
            String[] operations;
            Object[][] arguments;
            try {
                if (in.skip() < 0) break;
                operations = readOperations(in);
                arguments = readArguments(in, operations, initParams, params);
            } catch (BadInput e) {
                System.out.flush();
                System.err.println("harness: cannot decode test " + test + ": " + e.getMessage());
                System.exit(3);
                return;
            }
            markCase();
            out.ascii("{\"v\": [null");
            Throwable thrown = null;
            long start = clock.getCurrentThreadCpuTime();
            try {
                Object instance = init.newInstance(arguments[0]);
                for (int i = 1; i < operations.length; i++) {
                    Object value = methods.get(operations[i]).invoke(instance, arguments[i]);
                    out.ascii(",");
                    Conv result = returns.get(operations[i]);
                    if (result == null) out.ascii("null");
                    else result.write(value, out);
                }
            } catch (Throwable e) {
                thrown = thrownBy(e);
            }
            double seconds = (clock.getCurrentThreadCpuTime() - start) / 1e9;
            if (thrown != null) fail(results, out, thrown.toString(), seconds);
            endResult(results, out, "], \"t\": ", seconds);
        }
        System.out.flush();
        System.exit(0);
    }

    /** `[` and the operations' names, up to the `,` before the argument lists. */
    static String[] readOperations(In in) {
        in.expect('[');
        java.util.List<String> names = new java.util.ArrayList<>();
        if (in.startArray()) {
            do names.add(in.readString()); while (in.more());
        }
        in.expect(',');
        return names.toArray(new String[0]);
    }

    static Object[][] readArguments(In in, String[] operations, Conv[] initParams, java.util.Map<String, Conv[]> params) {
        Object[][] arguments = new Object[operations.length][];
        in.expect('[');
        for (int i = 0; i < operations.length; i++) {
            if (i > 0) in.expect(',');
            Conv[] convs = i == 0 ? initParams : params.get(operations[i]);
            if (convs == null) throw new BadInput("unknown method " + operations[i]);
            in.expect('[');
            arguments[i] = new Object[convs.length];
            for (int j = 0; j < convs.length; j++) {
                if (j > 0) in.expect(',');
                arguments[i][j] = convs[j].read(in);
            }
            in.expect(']');
        }
        in.expect(']');
        in.expect(']');
        return arguments;
    }

    static Conv[] convs(java.lang.reflect.Type[] types) {
        Conv[] found = new Conv[types.length];
        for (int i = 0; i < types.length; i++) found[i] = conv(types[i]);
        return found;
    }

    static java.lang.reflect.Constructor<?> designConstructor() {
        for (java.lang.reflect.Constructor<?> c : @CLASS@.class.getDeclaredConstructors()) {
            if (c.getParameterCount() == DESIGN_ARITY && !c.isSynthetic()) {
                c.setAccessible(true);
                return c;
            }
        }
        throw new Unsupported("class " + DESIGN_CLASS + " has no constructor with " + DESIGN_ARITY + " parameter(s)");
    }

    static java.lang.reflect.Method designMethod(String name, int arity) {
        for (java.lang.reflect.Method m : @CLASS@.class.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity && !m.isBridge() && !m.isSynthetic()) {
                m.setAccessible(true);
                return m;
            }
        }
        throw new Unsupported("class " + DESIGN_CLASS + " has no method " + name + " with " + arity + " parameter(s)");
    }
