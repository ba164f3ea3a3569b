package siteplan.dsl;

import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.DynamicVariable;
import org.codehaus.groovy.ast.GenericsType;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.*;
import org.codehaus.groovy.ast.stmt.CatchStatement;
import org.codehaus.groovy.ast.stmt.ForStatement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Types;

/**
 * Deny-by-default: every call, property read or write, subscript, operator and text a definition
 * writes is compiled into a call to {@link SandboxRuntime}, which decides at run time, when the
 * receiver's class is known, whether the definition may do it (an allow-list of the DSL's words and
 * plain value types). Nothing a definition writes reaches Groovy's dynamic dispatch unchecked.
 *
 * <p>Every place a type can be named (variables, tuples, `for`, `catch`, function return types and
 * parameters, closure parameters, generics) must name a plain value type: Groovy converts a list or
 * text into any declared type by calling its constructor, so a declared type is a constructor call.
 */
final class Interceptor extends CompilationCustomizer {
    static final ClassNode RUNTIME = ClassHelper.make(SandboxRuntime.class);

    Interceptor() {
        super(CompilePhase.CANONICALIZATION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) return; // classes are refused by the syntax guard
        Rewriter r = new Rewriter(source, classNode);
        for (MethodNode m : classNode.getMethods()) {
            // The compiler's own methods (main, the constructors) are not the user's; run() holds the file's statements.
            if (m.getName().equals("run") && m.getParameters().length == 0 || m.getLineNumber() > 0) r.visitMethod(m);
        }
    }

    private static final class Rewriter extends ClassCodeExpressionTransformer {
        private final SourceUnit source;
        private final ClassNode script;
        private boolean inClosure;

        Rewriter(SourceUnit source, ClassNode script) {
            this.source = source;
            this.script = script;
        }

        @Override protected SourceUnit getSourceUnit() { return source; }

        @Override
        public void visitMethod(MethodNode node) {
            if (!node.getName().equals("run")) {
                if (node.isStatic()) addError("static functions are not allowed in a site definition — drop 'static'", node);
                checkType(node, node.getReturnType(), "a function returning");
                for (Parameter p : node.getParameters()) checkType(node, p.getType(), "a parameter of type");
            }
            super.visitMethod(node);
        }

        @Override
        public void visitForLoop(ForStatement loop) {
            Parameter v = loop.getVariable();
            if (v != null && !v.isDynamicTyped()) checkType(loop, v.getType(), "a loop variable of type");
            super.visitForLoop(loop);
        }

        /** A case's value decides by its isCase: checked at run time (a pattern within the regular-expression time limit). */
        @Override
        public void visitCaseStatement(org.codehaus.groovy.ast.stmt.CaseStatement c) {
            super.visitCaseStatement(c);
            c.setExpression(runtime("caseOf", c.getExpression(), c.getExpression()));
        }

        @Override
        public void visitCatchStatement(CatchStatement c) {
            ClassNode t = c.getExceptionType();
            String n = t == null ? "java.lang.Exception" : t.getName();
            if (!n.equals("java.lang.Exception") && !n.equals("java.lang.Throwable") && !n.equals("java.lang.RuntimeException")) {
                addError("catching '" + n + "' is not allowed in a site definition — catch (e) catches everything a definition can raise", c);
            }
            super.visitCatchStatement(c);
        }

        /** Declared types are constructor calls in Groovy (a list becomes the type's constructor arguments). */
        private void checkType(ASTNode where, ClassNode type, String how) {
            if (type == null) return;
            if (type.isArray()) {
                addError(how + " '" + type.toString(false) + "' is not allowed in a site definition: arrays are not available — use a list", where);
                return;
            }
            String name = type.redirect().getName();
            if (!Sandbox.isValueType(name) && !type.isScript() && !type.equals(script)) {
                addError(how + " '" + name + "' is not allowed in a site definition: " + Sandbox.WHY, where);
                return;
            }
            GenericsType[] generics = type.getGenericsTypes();
            if (generics != null) {
                for (GenericsType g : generics) {
                    if (g.isPlaceholder() || g.isWildcard() && g.getUpperBounds() == null && g.getLowerBound() == null) continue;
                    checkType(where, g.getType(), how);
                    if (g.getUpperBounds() != null) for (ClassNode b : g.getUpperBounds()) checkType(where, b, how);
                    if (g.getLowerBound() != null) checkType(where, g.getLowerBound(), how);
                }
            }
        }

        /** A number type, which Groovy makes from text by reading its digits. */
        private static boolean numeric(ClassNode type) {
            ClassNode t = ClassHelper.getWrapper(type.redirect());
            return ClassHelper.isNumberType(t) || t.getName().equals("java.math.BigInteger") || t.getName().equals("java.math.BigDecimal")
                    || t.getName().equals("java.lang.Number");
        }

        private static StaticMethodCallExpression runtime(String method, ASTNode at, Expression... args) {
            StaticMethodCallExpression call = new StaticMethodCallExpression(RUNTIME, method, new ArgumentListExpression(args));
            call.setSourcePosition(at);
            return call;
        }

        private static ConstantExpression text(String s) {
            return new ConstantExpression(s);
        }

        private static ConstantExpression flag(boolean b) {
            return b ? ConstantExpression.PRIM_TRUE : ConstantExpression.PRIM_FALSE;
        }

        private static ConstantExpression number(int i) {
            return new ConstantExpression(i, true);
        }

        /**
         * The closure itself, from inside its body: Groovy has no expression for it. asWritable() is a
         * method of Closure, which the closure's metaclass picks before its delegate or owner.
         */
        private static Expression closureItself() {
            MethodCallExpression writable = new MethodCallExpression(VariableExpression.THIS_EXPRESSION, "asWritable", ArgumentListExpression.EMPTY_ARGUMENTS);
            writable.setImplicitThis(true);
            return new MethodCallExpression(writable, "getOwner", ArgumentListExpression.EMPTY_ARGUMENTS);
        }

        /** The receiver of a name written without one: the closure inside a closure, else the script. */
        private Expression implicitReceiver() {
            return inClosure ? closureItself() : VariableExpression.THIS_EXPRESSION;
        }

        private Expression arguments(Expression args) {
            List<Expression> out = new ArrayList<>();
            if (args instanceof TupleExpression t) {
                for (Expression a : t.getExpressions()) out.add(transform(a));
            } else {
                out.add(transform(args));
            }
            return new ListExpression(out);
        }

        /** A second read of a local variable (an AST node must not appear twice). */
        private static VariableExpression readOf(VariableExpression v) {
            VariableExpression copy = new VariableExpression(v.getAccessedVariable() != null ? v.getAccessedVariable() : v);
            copy.setClosureSharedVariable(v.isClosureSharedVariable());
            copy.setSourcePosition(v);
            return copy;
        }

        private static boolean isDynamic(Expression e) {
            return e instanceof VariableExpression v && !v.isThisExpression() && !v.isSuperExpression()
                    && v.getAccessedVariable() instanceof DynamicVariable;
        }

        private static boolean isLocal(Expression e) {
            return e instanceof VariableExpression v && !v.isThisExpression() && !v.isSuperExpression()
                    && !(v.getAccessedVariable() instanceof DynamicVariable);
        }

        @Override
        public Expression transform(Expression e) {
            if (e == null) return null;
            if (e instanceof StaticMethodCallExpression s && s.getOwnerType().equals(RUNTIME)) return e; // line markers
            if (e instanceof ClosureExpression c) return closure(c);
            if (e instanceof MethodCallExpression m) return call(m);
            if (e instanceof StaticMethodCallExpression s) {
                addError("'" + s.getMethod() + "' cannot be called here: static calls are not available in a site definition", s);
                return e;
            }
            // Refused here as well as by the code guard: the guard does not see every place code can be
            // written (a closure parameter's default value, for one), this rewrite does.
            if (e instanceof AttributeExpression || e instanceof FieldExpression) {
                addError("direct field access (.@) is not allowed in a site definition", e);
                return e;
            }
            if (e instanceof MethodPointerExpression) {
                addError("method references (.& and ::) are not allowed in a site definition", e);
                return e;
            }
            if (e instanceof ClassExpression) {
                addError("'" + e.getType().getName() + "' is not available in a site definition: " + Sandbox.WHY, e);
                return e;
            }
            if (e instanceof PropertyExpression p) return property(p);
            if (e instanceof VariableExpression v && isDynamic(v)) {
                return inClosure ? runtime("getImplicit", v, closureItself(), text(v.getName()))
                        : runtime("getScript", v, VariableExpression.THIS_EXPRESSION, text(v.getName()));
            }
            if (e instanceof DeclarationExpression d) return declaration(d);
            if (e instanceof BinaryExpression b) return binary(b);
            if (e instanceof PrefixExpression || e instanceof PostfixExpression) return step(e);
            if (e instanceof GStringExpression g) {
                for (Expression v : g.getValues()) {
                    // Groovy hands such a closure its own Writer: a value the sandbox does not know.
                    if (v instanceof ClosureExpression c && c.getParameters() != null && c.getParameters().length > 0) {
                        addError("a closure inside text may not take a parameter in a site definition — write \"${-> value}\"", v);
                    }
                }
                return runtime("text", g, g.transformExpression(this));
            }
            if (e instanceof ArrayExpression) {
                addError("arrays are not available in a site definition — use a list", e);
                return e;
            }
            if (e instanceof CastExpression c) {
                checkType(c, c.getType(), "converting to");
                // The value converted is checked first as well: text of millions of digits would take minutes to read as a number.
                Expression value = transform(c.getExpression());
                CastExpression inner = new CastExpression(c.getType(), numeric(c.getType()) ? runtime("digits", c, value) : value, c.isIgnoringAutoboxing());
                inner.setCoerce(c.isCoerce());
                inner.setStrict(c.isStrict());
                inner.setSourcePosition(c);
                return runtime("converted", c, inner, text(c.getType().getName()));
            }
            if (e instanceof ConstructorCallExpression c && c.isSpecialCall()) {
                addError("this(…) and super(…) are not available in a site definition", c);
                return e;
            }
            if (e instanceof ConstructorCallExpression c) checkType(c, c.getType(), "creating");
            if (e instanceof ConstructorCallExpression c && c.getArguments() instanceof TupleExpression t
                    && t.getExpressions().size() == 1 && t.getExpression(0) instanceof NamedArgumentListExpression) {
                // new T(name: value) calls T's setters, which are not on any allow-list
                addError("creating a value with named arguments (new T(name: value)) is not available in a site definition", c);
                return e;
            }
            if (e instanceof ConstructorCallExpression c && numeric(c.getType()) && c.getArguments() instanceof TupleExpression t
                    && !c.isSpecialCall()) {
                // new BigInteger(text): its arguments are checked like a conversion's (millions of digits take minutes to read).
                List<Expression> checkedArgs = new ArrayList<>();
                for (Expression a : t.getExpressions()) checkedArgs.add(runtime("digits", a, transform(a)));
                ConstructorCallExpression n = new ConstructorCallExpression(c.getType(), new ArgumentListExpression(checkedArgs));
                n.setSourcePosition(c);
                return n;
            }
            return e.transformExpression(this);
        }

        private Expression closure(ClosureExpression c) {
            if (c.getParameters() != null) {
                for (Parameter p : c.getParameters()) {
                    if (!p.isDynamicTyped()) checkType(c, p.getType(), "a closure parameter of type");
                    if (p.hasInitialExpression()) p.setInitialExpression(transform(p.getInitialExpression()));
                }
            }
            boolean outer = inClosure;
            inClosure = true;
            try {
                c.getCode().visit(this);
            } finally {
                inClosure = outer;
            }
            return c;
        }

        private Expression call(MethodCallExpression m) {
            if (!(m.getMethod() instanceof ConstantExpression name)) {
                addError("method names must be written out in a site definition, not computed", m);
                return m;
            }
            Expression args = arguments(m.getArguments());
            if (m.isImplicitThis()) {
                return inClosure ? runtime("callImplicit", m, closureItself(), text(name.getText()), args)
                        : runtime("callScript", m, VariableExpression.THIS_EXPRESSION, text(name.getText()), args);
            }
            if (m.getObjectExpression() instanceof VariableExpression v && v.isSuperExpression()) {
                addError("'super' is not available in a site definition", m);
                return m;
            }
            return runtime("call", m, transform(m.getObjectExpression()), text(name.getText()), args, flag(m.isSafe()), flag(m.isSpreadSafe()));
        }

        private Expression property(PropertyExpression p) {
            if (!(p.getProperty() instanceof ConstantExpression name)) {
                addError("property names must be written out in a site definition, not computed", p);
                return p;
            }
            if (p.isImplicitThis()) {
                return inClosure ? runtime("getImplicit", p, closureItself(), text(name.getText()))
                        : runtime("getScript", p, VariableExpression.THIS_EXPRESSION, text(name.getText()));
            }
            if (p.getObjectExpression() instanceof ClassExpression ce) {
                addError("'" + ce.getType().getName() + "' is not available in a site definition: " + Sandbox.WHY, p);
                return p;
            }
            return runtime("getProperty", p, transform(p.getObjectExpression()), text(name.getText()), flag(p.isSafe()), flag(p.isSpreadSafe()));
        }

        private Expression declaration(DeclarationExpression d) {
            if (d.isMultipleAssignmentDeclaration()) {
                for (Expression v : d.getTupleExpression().getExpressions()) {
                    if (v instanceof VariableExpression var && !var.isDynamicTyped()) checkType(d, var.getOriginType(), "a variable of type");
                }
            } else if (!d.getVariableExpression().isDynamicTyped()) {
                checkType(d, d.getVariableExpression().getOriginType(), "a variable of type");
            }
            d.setRightExpression(transform(d.getRightExpression()));
            return d;
        }

        private Expression step(Expression e) {
            Expression operand = e instanceof PrefixExpression p ? p.getExpression() : ((PostfixExpression) e).getExpression();
            if (isLocal(operand)) return e;
            addError("++ and -- work on local variables only in a site definition — declare it with def, or write x = x + 1", e);
            return e;
        }

        private Expression binary(BinaryExpression b) {
            int op = b.getOperation().getType();
            if (op == Types.KEYWORD_INSTANCEOF || op == Types.COMPARE_NOT_INSTANCEOF) {
                b.setLeftExpression(transform(b.getLeftExpression()));
                if (b.getRightExpression() instanceof ClassExpression ce) checkType(b, ce.getType(), "testing for");
                return b;
            }
            if (op == Types.ASSIGN || op == Types.EQUAL) return assign(b, null);
            if (Types.ofType(op, Types.ASSIGNMENT_OPERATOR)) {
                int base = baseOf(op);
                if (base < 0) {
                    addError("the operator " + b.getOperation().getText() + " is not available in a site definition", b);
                    return b;
                }
                return assign(b, base);
            }
            Expression left = transform(b.getLeftExpression());
            Expression right = transform(b.getRightExpression());
            if (op == Types.LEFT_SQUARE_BRACKET) return runtime("index", b, left, right);
            if (op == Types.FIND_REGEX) return runtime("findRegex", b, left, right);
            if (op == Types.MATCH_REGEX) return runtime("matchRegex", b, left, right);
            if (op == Types.KEYWORD_IN) return runtime("isIn", b, left, right);
            if (op == Types.COMPARE_NOT_IN) return new NotExpression(runtime("isIn", b, left, right));
            if (SandboxRuntime.operatorMethod(op) != null) return runtime("op", b, left, number(op), right);
            b.setLeftExpression(left);
            b.setRightExpression(right);
            return b; // comparisons, equality and logic call only value types' own compareTo/equals/asBoolean
        }

        private static int baseOf(int compound) {
            return switch (compound) {
                case Types.PLUS_EQUAL -> Types.PLUS;
                case Types.MINUS_EQUAL -> Types.MINUS;
                case Types.MULTIPLY_EQUAL -> Types.MULTIPLY;
                case Types.DIVIDE_EQUAL -> Types.DIVIDE;
                case Types.INTDIV_EQUAL -> Types.INTDIV;
                case Types.MOD_EQUAL -> Types.MOD;
                case Types.POWER_EQUAL -> Types.POWER;
                case Types.LEFT_SHIFT_EQUAL -> Types.LEFT_SHIFT;
                case Types.RIGHT_SHIFT_EQUAL -> Types.RIGHT_SHIFT;
                case Types.RIGHT_SHIFT_UNSIGNED_EQUAL -> Types.RIGHT_SHIFT_UNSIGNED;
                case Types.BITWISE_AND_EQUAL -> Types.BITWISE_AND;
                case Types.BITWISE_OR_EQUAL -> Types.BITWISE_OR;
                case Types.BITWISE_XOR_EQUAL -> Types.BITWISE_XOR;
                case Types.ELVIS_EQUAL -> SandboxRuntime.ELVIS;
                default -> -1;
            };
        }

        /** x = v, and x op= v (base is the operator, null for plain assignment); x is checked like a read and a write. */
        private Expression assign(BinaryExpression b, Integer base) {
            Expression target = b.getLeftExpression();
            Expression value = transform(b.getRightExpression());
            if (isLocal(target)) {
                if (base == null) {
                    b.setRightExpression(value);
                    return b;
                }
                BinaryExpression plain = new BinaryExpression(target, org.codehaus.groovy.syntax.Token.newSymbol(Types.ASSIGN, -1, -1),
                        runtime("op", b, readOf((VariableExpression) target), number(base), value));
                plain.setSourcePosition(b);
                return plain;
            }
            if (target instanceof TupleExpression) {
                for (Expression v : ((TupleExpression) target).getExpressions()) {
                    if (!isLocal(v)) addError("assigning to several names at once works with local variables only in a site definition", b);
                }
                b.setRightExpression(value);
                return b;
            }
            if (isDynamic(target)) {
                String name = ((VariableExpression) target).getName();
                Expression receiver = implicitReceiver();
                String set = inClosure ? "setImplicit" : "setScript";
                String get = inClosure ? "getImplicit" : "getScript";
                Expression v = base == null ? value : runtime("op", b, runtime(get, b, implicitReceiver(), text(name)), number(base), value);
                return runtime(set, b, receiver, text(name), v);
            }
            if (target instanceof AttributeExpression) return b; // refused by the code guard
            if (target instanceof PropertyExpression p && p.getProperty() instanceof ConstantExpression name) {
                Expression receiver = p.isImplicitThis() ? implicitReceiver() : transform(p.getObjectExpression());
                if (p.isImplicitThis()) {
                    String set = inClosure ? "setImplicit" : "setScript";
                    String get = inClosure ? "getImplicit" : "getScript";
                    Expression v = base == null ? value : runtime("op", b, runtime(get, b, implicitReceiver(), text(name.getText())), number(base), value);
                    return runtime(set, b, receiver, text(name.getText()), v);
                }
                return runtime("setProperty", b, receiver, text(name.getText()), number(base == null ? Types.ASSIGN : base), value,
                        flag(p.isSafe()), flag(p.isSpreadSafe()));
            }
            if (target instanceof BinaryExpression sub && sub.getOperation().getType() == Types.LEFT_SQUARE_BRACKET) {
                return runtime("putIndex", b, transform(sub.getLeftExpression()), transform(sub.getRightExpression()),
                        number(base == null ? Types.ASSIGN : base), value);
            }
            if (!(target instanceof PropertyExpression)) addError("this cannot be assigned to in a site definition", b);
            return b;
        }
    }
}
