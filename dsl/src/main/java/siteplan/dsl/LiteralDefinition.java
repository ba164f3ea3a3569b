package siteplan.dsl;

import groovy.lang.Closure;
import groovy.lang.MissingMethodException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.codehaus.groovy.runtime.InvokerHelper;
import siteplan.diag.Location;

/**
 * The fast path for declarative definitions: a file made only of DSL words, literal values (text,
 * numbers with units, true/false, lists, named arguments, secret()/env()) and blocks is read by this
 * small parser and applied to the same script and context objects Groovy would drive, so the model and
 * every message are the same, without compiling Groovy (whose parser takes seconds per megabyte of
 * nested blocks). Anything else (a variable, a loop, an operator, include, a word the block does not
 * have) throws {@link NotLiteral} before or while applying, and the file is evaluated by Groovy in the
 * sandbox instead, from scratch.
 */
final class LiteralDefinition {
    /** The file is not purely declarative; evaluate it with Groovy. */
    static final class NotLiteral extends RuntimeException {
        NotLiteral(String why) {
            super(why, null, false, false);
        }
    }

    record Statement(String word, List<Object> args, Map<String, Object> named, List<Statement> block, int line) {}

    /** secret('name') or env('NAME'), resolved when applied. */
    private record Call(String fn, String arg) {}

    /** A number with its unit, {@code 900.GB}, converted when applied. */
    private record Measure(Unit unit, String number) {}

    // ------------------------------------------------------------------ tokens

    private enum T { IDENT, STRING, NUMBER, LPAREN, RPAREN, LBRACE, RBRACE, LBRACK, RBRACK, COMMA, COLON, SEMI, DOT, NL, EOF }

    private record Tok(T t, String text, Object value, int line) {}

    private static List<Tok> tokens(String s) {
        List<Tok> out = new ArrayList<>(s.length() / 4);
        int line = 1;
        for (GroovyScanner.Token piece : GroovyScanner.scan(s)) {
            line = piece.line();
            switch (piece.kind()) {
                case NEWLINE -> out.add(new Tok(T.NL, null, null, line));
                case COMMENT -> {
                    if (!piece.closed()) throw new NotLiteral("unclosed comment");
                }
                case STRING -> out.add(new Tok(T.STRING, null, text(s, piece), line));
                case OPEN, CLOSE -> out.add(new Tok(switch (piece.bracket(s)) {
                    case '(' -> T.LPAREN;
                    case ')' -> T.RPAREN;
                    case '{' -> T.LBRACE;
                    case '}' -> T.RBRACE;
                    case '[' -> T.LBRACK;
                    default -> T.RBRACK;
                }, null, null, line));
                case CODE -> code(s, piece.start(), piece.end(), line, out);
            }
        }
        out.add(new Tok(T.EOF, null, null, line));
        return out;
    }

    /** The tokens of a run of code: names, numbers and punctuation; anything else is Groovy's. */
    private static void code(String s, int i, int n, int line, List<Tok> out) {
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r') { i++; continue; }
            if (Character.isJavaIdentifierStart(c) && c != '$') {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(s.charAt(j)) && s.charAt(j) != '$') j++;
                out.add(new Tok(T.IDENT, s.substring(i, j), null, line));
                i = j;
                continue;
            }
            if (c >= '0' && c <= '9') {
                int j = i;
                while (j < n && ascii(s.charAt(j))) j++;
                boolean decimal = j + 1 < n && s.charAt(j) == '.' && ascii(s.charAt(j + 1));
                if (decimal) {
                    j++;
                    while (j < n && ascii(s.charAt(j))) j++;
                }
                if (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) throw new NotLiteral("number with a suffix");
                String text = s.substring(i, j);
                // Groovy reads these otherwise than plain decimal: a leading 0 is octal, 19 digits or more may be a
                // BigInteger. Left to it, so both paths build the same model; and no number is long enough to cost.
                if (!decimal && text.length() > 1 && text.charAt(0) == '0') throw new NotLiteral("octal number");
                if (!decimal && text.length() > 18) throw new NotLiteral("long integer");
                if (text.length() > 40) throw new NotLiteral("long number");
                Object v = decimal ? new BigDecimal(text) : integer(text);
                out.add(new Tok(T.NUMBER, text, v, line));
                i = j;
                continue;
            }
            T t = switch (c) {
                case ',' -> T.COMMA;
                case ':' -> T.COLON;
                case ';' -> T.SEMI;
                case '.' -> T.DOT;
                default -> throw new NotLiteral("'" + c + "'");
            };
            out.add(new Tok(t, null, null, line));
            i++;
        }
    }

    /** The value of plain '…' or "…" text; anything else (triple quotes, slashy, interpolation) is Groovy's. */
    private static String text(String s, GroovyScanner.Token piece) {
        GroovyScanner.Quote q = piece.quote();
        if (q == GroovyScanner.Quote.TRIPLE_SINGLE || q == GroovyScanner.Quote.TRIPLE_DOUBLE) throw new NotLiteral("triple-quoted text");
        if (q != GroovyScanner.Quote.SINGLE && q != GroovyScanner.Quote.DOUBLE) throw new NotLiteral("slashy text");
        if (!piece.closed()) throw new NotLiteral(piece.end() < s.length() ? "text across lines" : "unclosed text");
        char c = s.charAt(piece.start());
        StringBuilder b = new StringBuilder();
        int j = piece.start() + 1;
        int end = piece.end() - 1;
        while (j < end) {
            char d = s.charAt(j);
            if (d == '\n') throw new NotLiteral("text across lines");
            if (d == '$' && c == '"') throw new NotLiteral("interpolated text");
            if (d == '\\') {
                char e = s.charAt(j + 1);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case '\\' -> b.append('\\');
                    case '\'' -> b.append('\'');
                    case '"' -> b.append('"');
                    case '$' -> b.append('$');
                    default -> throw new NotLiteral("escape \\" + e);
                }
                j += 2;
                continue;
            }
            b.append(d);
            j++;
        }
        return b.toString();
    }

    private static boolean ascii(char c) {
        return c >= '0' && c <= '9';
    }

    private static Object integer(String text) {
        long l = Long.parseLong(text);
        return l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
    }

    // ------------------------------------------------------------------ top-level statements

    /** One top-level statement of a file: its text (with its first line) and, when declarative, its parse. */
    record TopLevel(String text, int line, List<Statement> literal) {}

    /**
     * Splits a file into top-level statements, each either parsed as declarative or kept as Groovy text.
     * Throws NotLiteral when the file has top-level code that later statements may depend on (a def, an
     * assignment, a loop, include): then the whole file is Groovy's.
     */
    static List<TopLevel> split(String text) {
        List<GroovyScanner.Token> pieces = GroovyScanner.scan(text);
        List<TopLevel> out = new ArrayList<>();
        int k = 0;
        int from = 0; // where in pieces.get(k) to go on from, when a statement ended inside it
        while (k < pieces.size()) {
            // skip blank space, separators and comments between statements
            GroovyScanner.Token p = pieces.get(k);
            int start;
            if (p.kind() == GroovyScanner.Kind.NEWLINE) { k++; continue; }
            if (p.kind() == GroovyScanner.Kind.COMMENT) {
                if (!p.closed()) throw new NotLiteral("unclosed comment");
                k++;
                continue;
            }
            if (p.kind() == GroovyScanner.Kind.CODE) {
                start = Math.max(from, p.start());
                while (start < p.end() && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == ';')) start++;
                if (start == p.end()) { k++; continue; }
            } else {
                start = p.start();
            }
            int startLine = p.line();
            // Where the statement ends: the end of its line once every bracket it opened is closed.
            int depth = 0;
            int end = -1;
            int j = k;
            for (; j < pieces.size() && end < 0; j++) {
                GroovyScanner.Token q = pieces.get(j);
                switch (q.kind()) {
                    case CODE -> {
                        for (int c = Math.max(start, q.start()); c < q.end(); c++) {
                            char ch = text.charAt(c);
                            if (ch == '/') throw new NotLiteral("a slash outside a comment (division)");
                            if (ch == ';' && depth == 0) { end = c; break; }
                        }
                    }
                    case STRING -> {
                        if (q.quote() == GroovyScanner.Quote.SLASHY || q.quote() == GroovyScanner.Quote.DOLLAR_SLASHY) throw new NotLiteral("slashy text");
                        if (!q.closed()) throw new NotLiteral(q.end() < text.length() ? "text across lines" : "unclosed text");
                    }
                    case COMMENT -> {
                        if (!q.closed()) throw new NotLiteral("unclosed comment");
                    }
                    case OPEN -> depth++;
                    case CLOSE -> {
                        if (--depth < 0) throw new NotLiteral("unbalanced brackets");
                    }
                    case NEWLINE -> {
                        if (depth == 0) end = q.start();
                    }
                }
            }
            if (end < 0) {
                if (depth != 0) throw new NotLiteral("unbalanced brackets");
                end = text.length();
            }
            k = j - 1;
            from = end;
            String stmt = text.substring(start, end);
            String word = leadingWord(stmt);
            if (word == null || !TopWord.DECLARATIONS.contains(word)) throw new NotLiteral("top-level code: " + (word == null ? "?" : word));
            List<Statement> parsed;
            try {
                parsed = new LiteralDefinition(tokensFrom(stmt, startLine)).statements(T.EOF);
            } catch (NotLiteral e) {
                parsed = null;
            }
            out.add(new TopLevel(stmt, startLine, parsed));
            if (end == text.length()) break;
        }
        return out;
    }

    private static List<Tok> tokensFrom(String stmt, int firstLine) {
        List<Tok> raw = tokens(stmt);
        List<Tok> out = new ArrayList<>(raw.size());
        for (Tok t : raw) out.add(new Tok(t.t(), t.text(), t.value(), t.line() + firstLine - 1));
        return out;
    }

    private static String leadingWord(String stmt) {
        int j = 0;
        while (j < stmt.length() && Character.isJavaIdentifierPart(stmt.charAt(j)) && stmt.charAt(j) != '$') j++;
        if (j == 0) return null;
        String w = stmt.substring(0, j);
        // A DSL call continues with '(' or an argument, never with '=' or '.'.
        int k = j;
        while (k < stmt.length() && (stmt.charAt(k) == ' ' || stmt.charAt(k) == '\t')) k++;
        if (k < stmt.length() && (stmt.charAt(k) == '=' || stmt.charAt(k) == '.')) return null;
        return w;
    }

    // ------------------------------------------------------------------ parser

    private final List<Tok> toks;
    private int p;

    private LiteralDefinition(List<Tok> toks) {
        this.toks = toks;
    }

    /** Parses a whole file, or throws NotLiteral. */
    static List<Statement> parse(String text) {
        LiteralDefinition d = new LiteralDefinition(tokens(text));
        List<Statement> body = d.statements(T.EOF);
        d.expect(T.EOF);
        return body;
    }

    private Tok peek() { return toks.get(p); }

    private Tok next() { return toks.get(p++); }

    private Tok expect(T t) {
        Tok k = next();
        if (k.t() != t) throw new NotLiteral("expected " + t + " at line " + k.line());
        return k;
    }

    private void skipSeparators() {
        while (peek().t() == T.NL || peek().t() == T.SEMI) p++;
    }

    private void skipNewlines() {
        while (peek().t() == T.NL) p++;
    }

    private List<Statement> statements(T end) {
        List<Statement> out = new ArrayList<>();
        skipSeparators();
        while (peek().t() != end) {
            out.add(statement());
            T t = peek().t();
            if (t != T.NL && t != T.SEMI && t != end) throw new NotLiteral("two statements on one line at " + peek().line());
            skipSeparators();
        }
        return out;
    }

    private Statement statement() {
        Tok word = expect(T.IDENT);
        List<Object> args = new ArrayList<>();
        Map<String, Object> named = new LinkedHashMap<>();
        List<Statement> block = null;
        if (peek().t() == T.LPAREN) {
            next();
            skipNewlines();
            if (peek().t() != T.RPAREN) arguments(args, named, true);
            skipNewlines();
            expect(T.RPAREN);
            if (peek().t() == T.LBRACE) block = block();
        } else if (peek().t() == T.LBRACE) {
            block = block();
        } else if (peek().t() == T.STRING || peek().t() == T.NUMBER || peek().t() == T.IDENT || peek().t() == T.LBRACK) {
            arguments(args, named, false);
            if (peek().t() == T.LBRACE) throw new NotLiteral("a block after a command");
        } else {
            throw new NotLiteral("a word without arguments at line " + word.line());
        }
        return new Statement(word.text(), args, named, block, word.line());
    }

    private List<Statement> block() {
        expect(T.LBRACE);
        // A closure with parameters ({ x -> … }) is code, not a block.
        List<Statement> body = statements(T.RBRACE);
        expect(T.RBRACE);
        return body;
    }

    private void arguments(List<Object> args, Map<String, Object> named, boolean inParens) {
        while (true) {
            if (inParens) skipNewlines();
            if (peek().t() == T.IDENT && toks.get(p + 1).t() == T.COLON) {
                String key = next().text();
                next();
                named.put(key, value(inParens));
            } else {
                args.add(value(inParens));
            }
            if (peek().t() != T.COMMA) return;
            next();
            skipNewlines();
        }
    }

    private Object value(boolean inParens) {
        Tok k = next();
        switch (k.t()) {
            case STRING:
                return k.value();
            case NUMBER:
                if (peek().t() == T.DOT) {
                    next();
                    Tok unit = expect(T.IDENT);
                    Unit u = Unit.byWord(unit.text());
                    if (u == null) throw new NotLiteral("unknown unit " + unit.text());
                    return new Measure(u, k.text());
                }
                return k.value();
            case IDENT:
                if (k.text().equals("true")) return Boolean.TRUE;
                if (k.text().equals("false")) return Boolean.FALSE;
                if ((k.text().equals("secret") || k.text().equals("env")) && peek().t() == T.LPAREN) {
                    next();
                    Tok arg = expect(T.STRING);
                    expect(T.RPAREN);
                    return new Call(k.text(), (String) arg.value());
                }
                throw new NotLiteral("a name used as a value: " + k.text());
            case LBRACK: {
                List<Object> list = new ArrayList<>();
                skipNewlines();
                while (peek().t() != T.RBRACK) {
                    list.add(value(true));
                    skipNewlines();
                    if (peek().t() == T.COMMA) { next(); skipNewlines(); }
                    else if (peek().t() != T.RBRACK) throw new NotLiteral("list");
                }
                next();
                return list;
            }
            default:
                throw new NotLiteral("value at line " + k.line());
        }
    }

    // ------------------------------------------------------------------ applying

    /** Applies a parsed file as the given script would have; throws NotLiteral on the first step it cannot take. */
    static void apply(EstateScript script, Evaluation ev, String file, List<Statement> body) {
        for (Statement s : body) {
            if (!TopWord.DECLARATIONS.contains(s.word())) throw new NotLiteral("top-level word " + s.word());
            invoke(script, script, ev, file, s);
        }
    }

    private static void invoke(Object target, EstateScript script, Evaluation ev, String file, Statement s) {
        ev.literalAt = new Location(file, s.line());
        Object[] args = arguments(s, script, ev, file);
        try {
            InvokerHelper.invokeMethod(target, s.word(), args);
        } catch (MissingMethodException e) {
            if (target == script || !s.word().equals(e.getMethod()) || e.getType() != target.getClass()) throw e;
            // Delegate first, then the owner (the script), exactly as Groovy resolves a name in a block.
            ev.literalAt = new Location(file, s.line());
            InvokerHelper.invokeMethod(script, s.word(), args);
        }
    }

    private static Object[] arguments(Statement s, EstateScript script, Evaluation ev, String file) {
        List<Object> out = new ArrayList<>(s.args().size() + 2);
        if (!s.named().isEmpty()) {
            Map<String, Object> m = new LinkedHashMap<>();
            s.named().forEach((k, v) -> m.put(k, resolve(v)));
            out.add(m);
        }
        for (Object a : s.args()) out.add(resolve(a));
        if (s.block() != null) out.add(new Block(script, ev, file, s.block()));
        return out.toArray();
    }

    private static Object resolve(Object v) {
        if (v instanceof Measure m) return m.unit().of(number(m.number()));
        if (v instanceof Call c) {
            return c.fn().equals("secret") ? siteplan.model.SecretRef.secret(c.arg()) : siteplan.model.SecretRef.env(c.arg());
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(resolve(o));
            return out;
        }
        return v;
    }

    private static Number number(String text) {
        return text.contains(".") ? new BigDecimal(text) : (Number) integer(text);
    }

    /** A block of statements, run against whatever delegate Evaluation.configure gives it. */
    static final class Block extends Closure<Object> {
        private final transient EstateScript script;
        private final transient Evaluation ev;
        private final String file;
        private final transient List<Statement> body;

        Block(EstateScript script, Evaluation ev, String file, List<Statement> body) {
            super(script);
            this.script = script;
            this.ev = ev;
            this.file = file;
            this.body = body;
        }

        public Object doCall(Object ignored) {
            Object delegate = getDelegate();
            Set<String> words = delegate instanceof BlockContext ? BlockContext.words(delegate.getClass()) : Set.of();
            for (Statement s : body) {
                // Only words of the block itself; anything else (a script function, a typo) is Groovy's to resolve and report.
                if (!words.contains(s.word())) throw new NotLiteral("word " + s.word() + " is not a word of the block");
                invoke(delegate, script, ev, file, s);
            }
            return null;
        }
    }
}
