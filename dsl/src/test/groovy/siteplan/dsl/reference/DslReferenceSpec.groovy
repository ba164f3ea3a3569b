package siteplan.dsl.reference

import java.nio.file.Files
import java.nio.file.Path
import java.util.regex.Matcher
import org.codehaus.groovy.ast.ClassNode
import org.codehaus.groovy.ast.CodeVisitorSupport
import org.codehaus.groovy.ast.expr.ArgumentListExpression
import org.codehaus.groovy.ast.expr.BinaryExpression
import org.codehaus.groovy.ast.expr.ClosureExpression
import org.codehaus.groovy.ast.expr.ConstantExpression
import org.codehaus.groovy.ast.expr.DeclarationExpression
import org.codehaus.groovy.ast.expr.Expression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.ast.expr.VariableExpression
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.Phases
import spock.lang.Specification

/**
 * docs/dsl.md's reference of every word is what the DSL's contexts and the estate schema say, and every
 * word the examples and the documentation write is in it, in the block it is written in.
 */
class DslReferenceSpec extends Specification {
    static final Path ROOT = Files.isDirectory(Path.of('dsl', 'src')) ? Path.of('').toAbsolutePath() : Path.of('..').toAbsolutePath().normalize()
    static final Path DOC = ROOT.resolve('docs/dsl.md')
    static final String REGENERATE = 'mvn -o -q -B install -pl dsl -am -Dtest=DslReferenceSpec -Dsurefire.failIfNoSpecifiedTests=false -Dsiteplan.docs.write=true'

    /** The rules docs/rules.md describes (itself generated from the rule classes). */
    static Set<String> ruleIds() {
        (Files.readString(ROOT.resolve('docs/rules.md')) =~ DslReference.RULE_ID).collect { it as String } as Set
    }

    /** The generated part of docs/dsl.md. */
    static String generatedPart(String doc) {
        int at = doc.indexOf(DslReference.MARKER)
        assert at >= 0: "docs/dsl.md has no generated reference: run ${REGENERATE}"
        doc.substring(at)
    }

    def "docs/dsl.md's reference is generated from the DSL's contexts and the estate schema, and is not stale"() {
        given:
        String doc = Files.readString(DOC)
        String generated = DslReference.splice(doc, ruleIds())
        if (Boolean.getBoolean('siteplan.docs.write')) Files.writeString(DOC, generated)

        expect:
        assert Files.readString(DOC) == generated: "docs/dsl.md does not match the DSL's contexts and the estate schema: run " +
                "${REGENERATE} and review its diff"
    }

    def "the hand-written introduction stays above the marker, and the reference has a section for every block"() {
        given:
        String doc = Files.readString(DOC)
        Reference ref = Reference.read(doc)

        expect:
        doc.indexOf(DslReference.MARKER) > doc.indexOf('## Errors')
        doc.startsWith('# The DSL: writing an estate')
        ref.sections.keySet().containsAll(['Top level', 'azure', 'azure › network', 'machines › hyperVVm / physicalServer / vmwareVm',
                                           'recoveryPlan › group › before / after', 'recoveryPlan › drill', 'In every block'])
        and: 'each word with its form, the value it takes and what it means'
        ref.row('azure', 'vault') == "| `vault` **required** | `vault 'vault-dr'`<br>*text* | Recovery Services vault name. |"
        ref.row('recoveryPlan › drill', 'every') ==
                '| `every` | `every 90.days`<br>`every 90.days, mandatory: true`<br>*a duration* | Longest allowed time between successful drills, e.g. 90d ([DRILL-OVERDUE](rules.md)); with mandatory: true an overdue drill stops apply. |'
        ref.row('azure › storageAccount', 'replication').contains('*one of `lrs`, `zrs`, `grs`, `ra-grs`*')
        ref.row('machines › hyperVVm / physicalServer / vmwareVm', 'disk').startsWith('| `disk` **repeatable** | `disk(\'name\') { … }` |')
        and: 'the rules that check a value, linked'
        ref.row('azure', 'registrationKeyIssued').contains('([CS-REG-KEY](rules.md))')
        and: 'every link within the page leads to one of its headings, as GitHub names them'
        Set<String> headings = doc.readLines().findAll { it.startsWith('#') }.collect { DslReference.anchor(it.replaceFirst(/^#+ /, '')) } as Set
        Set<String> targets = (doc =~ /\]\(#([^)]+)\)/).collect { it[1] as String } as Set
        targets.size() > 30
        headings.containsAll(targets)
    }

    def "every rule ID a description names is a rule of docs/rules.md"() {
        given: 'what looks like a rule ID outside code and links'
        String doc = Files.readString(DOC)
        String prose = generatedPart(doc).replaceAll(/`[^`]*`/, '').replaceAll(/\[[^\]]*\]\(rules\.md\)/, '')

        expect: 'only the two that are not rule IDs'
        (prose =~ DslReference.RULE_ID).collect { it as String }.toSet() == ['SHA-256', 'YYYY-MM-DD'] as Set
    }

    def "every DSL word the examples and the documentation write is in the reference, in the block it is written in"() {
        given:
        Reference ref = Reference.read(Files.readString(DOC))
        List<Source> sources = examples() + documented()
        Set<String> declared = sources.collectMany { declaredNames(it.unit) } as Set
        List<String> missing = []
        sources.each { s -> s.unit.AST.classes.each { ClassNode c -> c.methods.each { m -> new WordUse(ref, declared, s.name, missing).visit(m.code, c.scriptBody && m.name == 'run' ? 'Top level' : null) } } }

        expect:
        sources.size() > 8
        missing == []
    }

    def "every form the reference shows is one the DSL takes, in the block it is listed in"() {
        given: 'the forms of each section written inside its block, one file per section'
        Reference ref = Reference.read(Files.readString(DOC))
        Path dir = Files.createTempDirectory('dsl-reference')
        Map<Path, Map<Integer, String>> written = [:]
        ref.sections.each { String section, Map<String, String> rows ->
            if (section == 'In every block') section = 'Top level'
            List<String> lines = []
            Map<Integer, String> forms = [:]
            rows.each { word, row ->
                // include and table read files; what they take is shown by the examples, which load.
                if (word in ['include', 'table']) return
                (row.split(/ \| /)[1] =~ /`([^`]+)`/).each { List<String> m ->
                    String form = m[1].replace('{ … }', '{ }').replace('\\|', '|')
                    if (!form.startsWith(word)) return // a choice of the value, `grs`
                    lines << form
                    forms[lines.size()] = "${section}: ${form}"
                }
            }
            List<String> open = ref.path(section)
            String text = open.collect { it + ' {' }.join('\n') + '\n' + lines.join('\n') + '\n' + open.collect { '}' }.join('\n') + '\n'
            Path file = dir.resolve("section${written.size()}.groovy")
            Files.writeString(file, text)
            written[file] = forms.collectEntries { line, form -> [(line + open.size()): form] }
        }

        when:
        def result = new siteplan.dsl.GroovyLoader(dir).load(written.keySet().sort())
        List<String> refused = result.problems().findAll { it.message() =~ /unknown|is written|expects|needs a value|cannot appear|is a top-level/ }
                .collect { p -> "${written.find { f, l -> f.fileName.toString() == Path.of(p.location().file()).fileName.toString() }?.value?.get(p.location().line())}: ${p.message()}" }

        then:
        written.values().sum { it.size() } > 150
        refused == []

        cleanup:
        dir?.toFile()?.deleteDir()
    }

    /** The definitions of examples/, but for examples/broken, whose files are mistakes on purpose. */
    static List<Source> examples() {
        Files.walk(ROOT.resolve('examples')).withCloseable { s ->
            s.filter { it.toString().endsWith('.groovy') && !it.startsWith(ROOT.resolve('examples/broken')) }.sorted().toList()
        }.collect { Source.of(ROOT.relativize(it).toString(), Files.readString(it)) }
    }

    /** The Groovy shown in README.md and docs/*.md. */
    static List<Source> documented() {
        List<Path> docs = [ROOT.resolve('README.md')] + Files.list(ROOT.resolve('docs')).withCloseable { s -> s.filter { it.toString().endsWith('.md') }.sorted().toList() }
        docs.collectMany { Path p ->
            int n = 0
            (Files.readString(p) =~ /(?s)```groovy\n(.*?)```/).collect { List<String> m -> Source.of("${ROOT.relativize(p)} (block ${++n})", m[1]) }
        }
    }

    /** Functions, variables and closure parameters a definition declares: calling one is not a DSL word. */
    static Set<String> declaredNames(CompilationUnit unit) {
        Set<String> names = []
        unit.AST.classes.each { ClassNode c ->
            c.methods.each { names << it.name }
            c.methods.each { m ->
                m.code?.visit(new CodeVisitorSupport() {
                    @Override void visitDeclarationExpression(DeclarationExpression e) {
                        if (e.leftExpression instanceof VariableExpression) names << e.leftExpression.name
                        super.visitDeclarationExpression(e)
                    }

                    @Override void visitBinaryExpression(BinaryExpression e) {
                        if (e.operation.text == '=' && e.leftExpression instanceof VariableExpression) names << e.leftExpression.name
                        super.visitBinaryExpression(e)
                    }

                    @Override void visitClosureExpression(ClosureExpression e) {
                        e.parameters?.each { names << it.name }
                        super.visitClosureExpression(e)
                    }
                })
            }
        }
        names
    }

    static class Source {
        String name
        CompilationUnit unit

        static Source of(String name, String text) {
            CompilationUnit unit = new CompilationUnit()
            // Documentation elides with '…', which is no Groovy: read it as a comment.
            unit.addSource(name.replaceAll(/\W/, '_') + '.groovy', text.replace('…', '/*…*/'))
            unit.compile(Phases.CONVERSION)
            new Source(name: name, unit: unit)
        }
    }

    /** The reference as docs/dsl.md shows it: each section's rows by word, and the section a block word opens. */
    static class Reference {
        Map<String, Map<String, String>> sections = [:]
        Map<String, Map<String, String>> opens = [:]

        static Reference read(String doc) {
            Reference r = new Reference()
            String section = null
            generatedPart(doc).eachLine { line ->
                if (line.startsWith('### ')) {
                    section = line.substring(4)
                    r.sections[section] = [:]
                    r.opens[section] = [:]
                }
                Matcher row = line =~ /^\| `(\w+)`/
                if (section && row.find()) {
                    r.sections[section][row.group(1)] = line
                    Matcher see = line =~ / See \[([^\]]+)\]\(#/
                    if (see.find()) r.opens[section][row.group(1)] = see.group(1)
                }
            }
            r
        }

        String row(String section, String word) { sections[section]?.get(word) }

        /** The block words that open a section, outermost first, each with a placeholder name where it takes one. */
        List<String> path(String section) {
            for (Map.Entry<String, Map<String, String>> e : opens.entrySet()) {
                Map.Entry<String, String> opener = e.value.find { it.value == section }
                if (opener) {
                    String form = (sections[e.key][opener.key].split(/ \| /)[1] =~ /`([^`]+)`/)[0][1] as String
                    return path(e.key) + [form.replace(' { … }', '')]
                }
            }
            []
        }

        /** Words usable in any block: the references, and the script's own functions, which every block's closure reaches. */
        Set<String> anywhere() { sections['In every block'].keySet() + ['include', 'table'] }

        /** The section a block word opens wherever it is written, when there is only one. */
        String opensAnywhere(String word) {
            Set<String> found = opens.values().collect { it[word] }.findAll() as Set
            found.size() == 1 ? found.first() : null
        }
    }

    /** Checks each call of a word against the block it is written in (any block where that cannot be told). */
    static class WordUse extends CodeVisitorSupport {
        final Reference ref
        final Set<String> declared
        final String source
        final List<String> missing
        private final Deque<String> context = new ArrayDeque<>()

        WordUse(Reference ref, Set<String> declared, String source, List<String> missing) {
            this.ref = ref
            this.declared = declared
            this.source = source
            this.missing = missing
        }

        void visit(org.codehaus.groovy.ast.stmt.Statement code, String section) {
            if (code == null) return
            context.push(section ?: '')
            code.visit(this)
            context.pop()
        }

        @Override void visitMethodCallExpression(MethodCallExpression call) {
            if (!call.implicitThis || !(call.method instanceof ConstantExpression)) {
                super.visitMethodCallExpression(call)
                return
            }
            String word = call.methodAsString
            String here = context.peek()
            boolean known = here ? ref.sections[here]?.containsKey(word) : ref.sections.values().any { it.containsKey(word) }
            if (!known && !declared.contains(word) && !ref.anywhere().contains(word)) {
                missing << "${source}, line ${call.lineNumber}: '${word}' ${here ? "in ${here}" : ''}".trim()
            }
            List<Expression> args = call.arguments instanceof ArgumentListExpression ? ((ArgumentListExpression) call.arguments).expressions : []
            ClosureExpression body = args && args.last() instanceof ClosureExpression ? (ClosureExpression) args.last() : null
            String opened = here ? ref.opens[here]?.get(word) : ref.opensAnywhere(word)
            args.each { if (!body.is(it)) it.visit(this) }
            if (body != null) {
                // A block's body is written in the block it opens; any other closure could run in any block.
                context.push(opened ?: '')
                body.code.visit(this)
                context.pop()
            }
        }

        @Override void visitClosureExpression(ClosureExpression e) {
            context.push('')
            super.visitClosureExpression(e)
            context.pop()
        }
    }
}
