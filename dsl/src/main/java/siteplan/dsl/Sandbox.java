package siteplan.dsl;

import groovy.transform.TimedInterrupt;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.AnnotatedNode;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.ast.expr.*;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.ASTTransformationCustomizer;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Types;

/**
 * A site definition comes from a pull request, so it must not reach the machine it is evaluated on.
 * Three layers, each closing what the one before cannot see:
 * <ol>
 * <li>syntax (CONVERSION, before any AST transform runs): no imports, no annotations (which would run
 *     transforms such as @Grab or @ASTTest at compile time), no classes;</li>
 * <li>resolved code (CANONICALIZATION): no Java class may be named, created or cast to except plain
 *     values; no method or property whose name leads to reflection, processes, files or the metaclass;
 *     no computed member names, field access or method pointers;</li>
 * <li>run time: computed subscript keys go through {@link SandboxRuntime#key}; a time limit stops
 *     endless loops.</li>
 * </ol>
 */
public final class Sandbox {
    private Sandbox() {}

    /** Names that lead from a value to its class, its metaclass, reflection, files or processes. */
    private static final Set<String> DENIED = Set.of(
            "class", "getClass", "metaClass", "getMetaClass", "setMetaClass", "classLoader", "getClassLoader",
            "invokeMethod", "getProperty", "setProperty", "properties", "getProperties", "metaPropertyValues", "getMetaPropertyValues",
            "hasProperty", "respondsTo", "getMetaMethod", "getMetaMethods", "getStaticMetaClass", "metaMethods",
            "execute", "exit", "halt", "forName", "newInstance", "evaluate", "parse", "invoke", "doMethodInvoke", "invokeStaticMethod",
            "invokeConstructor", "getAttribute", "setAttribute", "getRuntime", "runtime", "exec", "loadClass", "defineClass",
            "toURL", "toURI", "toPath", "getText", "text", "bytes", "withReader", "newReader", "eachLine", "readLines", "withInputStream",
            "newInputStream", "withWriter", "newWriter", "withOutputStream", "newOutputStream", "withObjectInputStream",
            "sleep", "getAt", "putAt", "asType", "setBinding", "addShutdownHook", "wait", "notify",
            "notifyAll", "finalize", "getResource", "getResourceAsStream", "traverse", "eachFile", "eachFileRecurse", "deleteDir",
            "mkdirs", "setDelegate", "setResolveStrategy", "rehydrate", "dehydrate",
            "declaredMethods", "declaredFields", "declaredConstructors", "methods", "fields", "constructors", "superclass",
            "getDeclaredMethod", "getDeclaredMethods", "getMethod", "getMethods", "getDeclaredField", "getDeclaredFields", "getField",
            "getFields", "getDeclaredConstructor", "getDeclaredConstructors", "getConstructor", "getConstructors", "getSuperclass",
            "enclosingClass", "protectionDomain", "module", "getModule", "thisObject", "owner", "getOwner", "getThisObject");

    /** Types a definition may name in a cast, `as`, `instanceof`, a typed variable or `new`. */
    private static final Set<String> VALUE_TYPES = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.CharSequence", "java.lang.Number", "java.lang.Integer", "java.lang.Long",
            "java.lang.Double", "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Boolean", "java.lang.Character",
            "java.math.BigDecimal", "java.math.BigInteger", "java.util.List", "java.util.Map", "java.util.Set", "java.util.Collection",
            "java.util.ArrayList", "java.util.LinkedHashMap", "java.util.HashMap", "java.util.LinkedHashSet", "java.util.HashSet",
            "java.util.TreeMap", "java.util.TreeSet", "java.lang.StringBuilder", "groovy.lang.Closure", "groovy.lang.GString",
            "groovy.lang.Range", "groovy.lang.IntRange",
            "int", "long", "double", "float", "short", "byte", "boolean", "char", "void");

    /** Implicit reads on the script itself that lead to its class or metaclass. */
    private static final Set<String> VARIABLES_DENIED = Set.of("class", "metaClass", "properties", "metaPropertyValues");

    static boolean isValueType(String className) {
        return VALUE_TYPES.contains(className);
    }

    /**
     * The run-time interception (every call checked against {@link Allowed}). Only a test switches it
     * off, to show that the isolation of the evaluating process holds on its own.
     */
    static boolean intercepting() {
        return !"off".equals(System.getProperty("siteplan.test.interception"));
    }

    static boolean isDenied(String name) {
        return DENIED.contains(name) || name.startsWith("$") || name.startsWith("__");
    }

    static CompilerConfiguration configuration() {
        return configuration(STATIC);
    }

    static CompilerConfiguration configuration(boolean staticCompilation) {
        CompilerConfiguration config = new CompilerConfiguration();
        config.setScriptBaseClass(EstateScript.class.getName());
        // @Grab would download and load code; disable the global transform outright.
        config.setDisabledGlobalASTTransformations(Set.of("groovy.grape.GrabAnnotationTransformation"));
        if (!intercepting()) {
            // Test-only: no checks at all, to prove that the evaluator's isolation holds by itself.
            config.addCompilationCustomizers(new ASTTransformationCustomizer(Map.of("value", timeoutSeconds()), TimedInterrupt.class));
            return config;
        }
        if (intercepting()) {
            config.addCompilationCustomizers(new SyntaxGuard(), new CodeGuard(), new Interceptor(),
                    new ASTTransformationCustomizer(Map.of("value", timeoutSeconds()), TimedInterrupt.class));
            return config; // every call goes through SandboxRuntime, so there is nothing left to compile statically
        }
        config.addCompilationCustomizers(
                new SyntaxGuard(),
                new CodeGuard(),
                new ASTTransformationCustomizer(Map.of("value", timeoutSeconds()), TimedInterrupt.class));
        if (staticCompilation) {
            config.addCompilationCustomizers(new ASTTransformationCustomizer(
                    Map.of("extensions", List.of(DynamicFallback.class.getName())), groovy.transform.CompileStatic.class));
        }
        return config;
    }

    /** Static compilation with dynamic fallback; -Dsiteplan.dsl.static=false turns it off. */
    static final boolean STATIC = !"false".equals(System.getProperty("siteplan.dsl.static"));

    /** How long one file may run; 120 s unless the siteplan.dsl.timeoutSeconds property says otherwise. */
    static long timeoutSeconds() {
        return Long.getLong("siteplan.dsl.timeoutSeconds", 120L);
    }

    static final String WHY = "definitions cannot reach the machine (no files, network, processes or reflection)";

    /** Layer 1: runs at CONVERSION, before annotation-driven transforms are collected. */
    static final class SyntaxGuard extends CompilationCustomizer {
        SyntaxGuard() {
            super(CompilePhase.CONVERSION);
        }

        @Override
        public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) throws CompilationFailedException {
            ModuleNode module = source.getAST();
            if (module.getPackage() != null) error(source, module.getPackage(), "a package declaration is not allowed in a site definition");
            for (ImportNode i : allImports(module)) {
                error(source, i, "imports are not allowed in a site definition: " + WHY);
            }
            if (!classNode.isScript()) {
                error(source, classNode, "declaring classes is not allowed in a site definition — use functions (def name() { … }) or closures");
                return;
            }
            new AnnotationFinder(source).visitClass(classNode);
        }

        private static List<ImportNode> allImports(ModuleNode m) {
            java.util.ArrayList<ImportNode> all = new java.util.ArrayList<>(m.getImports());
            all.addAll(m.getStarImports());
            all.addAll(m.getStaticImports().values());
            all.addAll(m.getStaticStarImports().values());
            return all;
        }
    }

    private static final class AnnotationFinder extends org.codehaus.groovy.ast.ClassCodeVisitorSupport {
        private final SourceUnit source;

        AnnotationFinder(SourceUnit source) {
            this.source = source;
        }

        @Override protected SourceUnit getSourceUnit() { return source; }

        @Override public void visitAnnotations(AnnotatedNode node) {
            for (org.codehaus.groovy.ast.AnnotationNode a : node.getAnnotations()) {
                if (node instanceof ClassNode && isCompilersBaseScript(a)) continue;
                String name = a.getClassNode().getNameWithoutPackage();
                addError("annotations such as @" + name + " are not allowed in a site definition: they run code while compiling", node);
                return;
            }
        }

        /**
         * The compiler marks the script class with a member-less @BaseScript for the configured base
         * class. A user cannot put an annotation on the script class (that needs an import or package
         * statement, both refused above), so this one is always the compiler's.
         */
        private static boolean isCompilersBaseScript(org.codehaus.groovy.ast.AnnotationNode a) {
            return a.getClassNode().getName().equals("groovy.transform.BaseScript") && a.getMembers().isEmpty();
        }

        @Override public void visitDeclarationExpression(DeclarationExpression e) {
            visitAnnotations(e);
            super.visitDeclarationExpression(e);
        }

        // Parameters that are not a method's: a closure's or a lambda's, a for-in variable, a catch variable.
        @Override public void visitClosureExpression(org.codehaus.groovy.ast.expr.ClosureExpression e) {
            if (e.getParameters() != null) for (org.codehaus.groovy.ast.Parameter p : e.getParameters()) visitAnnotations(p);
            super.visitClosureExpression(e);
        }

        // A for-in variable's annotations: Groovy's parser drops them (they never reach the AST, so never run).
        @Override public void visitForLoop(org.codehaus.groovy.ast.stmt.ForStatement loop) {
            if (loop.getVariable() != null) visitAnnotations(loop.getVariable());
            super.visitForLoop(loop);
        }

        @Override public void visitCatchStatement(org.codehaus.groovy.ast.stmt.CatchStatement c) {
            if (c.getVariable() != null) visitAnnotations(c.getVariable());
            super.visitCatchStatement(c);
        }
    }

    private static void error(SourceUnit source, ASTNode node, String message) {
        source.getErrorCollector().addError(new org.codehaus.groovy.control.messages.SyntaxErrorMessage(
                new org.codehaus.groovy.syntax.SyntaxException(message, node.getLineNumber(), node.getColumnNumber()), source), false);
    }

    /** Layer 2: checks resolved code and routes computed subscript keys through the run-time check. */
    static final class CodeGuard extends CompilationCustomizer {
        CodeGuard() {
            super(CompilePhase.CANONICALIZATION);
        }

        @Override
        public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
            new Checker(source, classNode).visitClass(classNode);
        }
    }

    private static final class Checker extends ClassCodeExpressionTransformer {
        private final SourceUnit source;
        private final ClassNode script;
        private static final ClassNode RUNTIME = ClassHelper.make(SandboxRuntime.class);

        Checker(SourceUnit source, ClassNode script) {
            this.source = source;
            this.script = script;
        }

        @Override protected SourceUnit getSourceUnit() { return source; }

        /** Puts a line marker (SandboxRuntime.line) before each statement the user wrote. */
        @Override
        public void visitBlockStatement(org.codehaus.groovy.ast.stmt.BlockStatement block) {
            List<org.codehaus.groovy.ast.stmt.Statement> marked = new java.util.ArrayList<>();
            for (org.codehaus.groovy.ast.stmt.Statement st : block.getStatements()) {
                if (st.getLineNumber() > 0) {
                    var call = new StaticMethodCallExpression(RUNTIME, "line", new ArgumentListExpression(
                            new ConstantExpression(script.getName()), new ConstantExpression(st.getLineNumber(), true)));
                    var marker = new org.codehaus.groovy.ast.stmt.ExpressionStatement(call);
                    marked.add(marker);
                }
                marked.add(st);
            }
            super.visitBlockStatement(block);
            block.getStatements().clear();
            block.getStatements().addAll(marked);
        }

        private void deny(ASTNode node, String message) {
            addError(message, node);
        }

        private void checkType(ASTNode node, ClassNode type, String how) {
            if (type != null && !VALUE_TYPES.contains(type.redirect().getName()) && !type.isScript() && !type.equals(script)) {
                deny(node, how + " '" + type.getName() + "' is not allowed in a site definition: " + WHY);
            }
        }

        private void checkName(ASTNode node, Expression nameExpr, String what) {
            if (!(nameExpr instanceof ConstantExpression c)) {
                deny(node, what + " names must be written out in a site definition, not computed");
                return;
            }
            String name = String.valueOf(c.getValue());
            if (isDenied(name)) deny(node, "'" + name + "' is not available in a site definition: " + WHY);
        }

        @Override
        public Expression transform(Expression e) {
            // Code the compiler generated (the script's main method) has no source position; only
            // what the user wrote is checked.
            if (e == null || e.getLineNumber() < 1) return e;
            if (e instanceof ClassExpression) {
                deny(e, "'" + e.getType().getName() + "' is not available in a site definition: " + WHY);
                return e;
            }
            if (e instanceof ConstructorCallExpression c) {
                checkType(e, c.getType(), "creating");
            } else if (e instanceof CastExpression c) {
                checkType(e, c.getType(), "converting to");
            } else if (e instanceof MethodPointerExpression) {
                deny(e, "method references (.& and ::) are not allowed in a site definition");
                return e;
            } else if (e instanceof AttributeExpression) {
                deny(e, "direct field access (.@) is not allowed in a site definition");
                return e;
            } else if (e instanceof MethodCallExpression m) {
                checkName(e, m.getMethod(), "method");
                if (m.getObjectExpression() instanceof VariableExpression v && v.isSuperExpression()) deny(e, "'super' is not available in a site definition");
            } else if (e instanceof StaticMethodCallExpression s) {
                if (!s.getOwnerType().equals(script) && !s.getOwnerType().isScript()) deny(e, "'" + s.getOwnerType().getName() + "' is not available in a site definition: " + WHY);
                else if (isDenied(s.getMethod())) deny(e, "'" + s.getMethod() + "' is not available in a site definition: " + WHY);
            } else if (e instanceof PropertyExpression p) {
                checkName(e, p.getProperty(), "property");
            } else if (e instanceof VariableExpression v) {
                if (v.isSuperExpression()) deny(e, "'super' is not available in a site definition");
                else if (VARIABLES_DENIED.contains(v.getName())) deny(e, "'" + v.getName() + "' is not available in a site definition: " + WHY);
            } else if (e instanceof DeclarationExpression d && d.getLeftExpression() instanceof VariableExpression v && !v.isDynamicTyped()) {
                checkType(e, v.getOriginType(), "a variable of type");
            } else if (e instanceof ClosureExpression c) {
                c.getCode().visit(this);
                return e;
            } else if (e instanceof BinaryExpression b) {
                int op = b.getOperation().getType();
                if ((op == Types.KEYWORD_INSTANCEOF || op == Types.COMPARE_NOT_INSTANCEOF) && b.getRightExpression() instanceof ClassExpression ce) {
                    checkType(e, ce.getType(), "testing for");
                    b.setLeftExpression(transform(b.getLeftExpression()));
                    return e;
                }
                if (intercepting() && op == Types.LEFT_SQUARE_BRACKET) {
                    // The interceptor checks every subscript at run time; a written-out denied key is still named here.
                    if (b.getRightExpression() instanceof ConstantExpression k && k.getValue() instanceof String s && isDenied(s)) {
                        deny(e, "'" + s + "' is not available in a site definition: " + WHY);
                    }
                    return e.transformExpression(this);
                }
                if (intercepting() && Types.ofType(op, Types.ASSIGNMENT_OPERATOR) && b.getLeftExpression() instanceof BinaryExpression target
                        && target.getOperation().getType() == Types.LEFT_SQUARE_BRACKET) {
                    if (target.getRightExpression() instanceof ConstantExpression k && k.getValue() instanceof String s && isDenied(s)) {
                        deny(e, "'" + s + "' is not available in a site definition: " + WHY);
                    }
                    return e.transformExpression(this);
                }
                if (Types.ofType(op, Types.ASSIGNMENT_OPERATOR) && b.getLeftExpression() instanceof BinaryExpression target
                        && target.getOperation().getType() == Types.LEFT_SQUARE_BRACKET) {
                    // An assignment to a subscript stays a subscript; only its key is checked.
                    if (target.getRightExpression() instanceof ConstantExpression k && k.getValue() instanceof String s && isDenied(s)) {
                        deny(e, "'" + s + "' is not available in a site definition: " + WHY);
                    }
                    target.setLeftExpression(transform(target.getLeftExpression()));
                    Expression guardedKey = new StaticMethodCallExpression(RUNTIME, "key", new ArgumentListExpression(transform(target.getRightExpression())));
                    guardedKey.setSourcePosition(target.getRightExpression());
                    target.setRightExpression(guardedKey);
                    b.setRightExpression(transform(b.getRightExpression()));
                    return e;
                }
                if (op == Types.LEFT_SQUARE_BRACKET && (!(b.getRightExpression() instanceof ConstantExpression k0) || !(k0.getValue() instanceof Number))) {
                    if (b.getRightExpression() instanceof ConstantExpression k && k.getValue() instanceof String s && isDenied(s)) {
                        deny(e, "'" + s + "' is not available in a site definition: " + WHY);
                        return e;
                    }
                    // A read: one dynamic, checked call, whatever the static types (see SandboxRuntime.index).
                    Expression call = new StaticMethodCallExpression(RUNTIME, "index",
                            new ArgumentListExpression(transform(b.getLeftExpression()), transform(b.getRightExpression())));
                    call.setSourcePosition(b);
                    return call;
                }
                if (op == Types.LEFT_SQUARE_BRACKET && !(b.getRightExpression() instanceof ConstantExpression)) {
                    Expression guarded = new StaticMethodCallExpression(RUNTIME, "key", new ArgumentListExpression(transform(b.getRightExpression())));
                    guarded.setSourcePosition(b.getRightExpression());
                    b.setLeftExpression(transform(b.getLeftExpression()));
                    b.setRightExpression(guarded);
                    return e;
                }
                if (op == Types.LEFT_SQUARE_BRACKET && b.getRightExpression() instanceof ConstantExpression k
                        && k.getValue() instanceof String s && isDenied(s)) {
                    deny(e, "'" + s + "' is not available in a site definition: " + WHY);
                }
            }
            return e.transformExpression(this);
        }
    }
}
