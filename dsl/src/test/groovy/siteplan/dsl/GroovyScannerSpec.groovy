package siteplan.dsl

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

import static siteplan.dsl.GroovyScanner.Kind.*
import static siteplan.dsl.GroovyScanner.Quote.*

/**
 * The one reading of Groovy source's strings and comments that the nesting bound, the unclosed-block
 * finder, the literal path and fmt share: every quoting Groovy has, line numbers that count every line,
 * and no failure on text that is not valid Groovy.
 */
class GroovyScannerSpec extends Specification {
    @TempDir
    Path dir

    static List<List> pieces(String text) {
        GroovyScanner.scan(text).findAll { it.kind() != CODE || it.text(text).trim() }.collect { [it.kind(), it.text(text), it.line(), it.depth()] }
    }

    def "brackets, strings and comments are told apart, each with its line and the brackets around it"() {
        expect:
        pieces("a('x{') { // }\n  b \"\"\"y\n}\"\"\" /* { */ }\n") == [
                [CODE, 'a', 1, 0], [OPEN, '(', 1, 0], [STRING, "'x{'", 1, 1], [CLOSE, ')', 1, 0], [OPEN, '{', 1, 0], [COMMENT, '// }', 1, 1], [NEWLINE, '\n', 1, 1],
                [CODE, '  b ', 2, 1], [STRING, '"""y\n}"""', 2, 1], [COMMENT, '/* { */', 3, 1], [CLOSE, '}', 3, 0], [NEWLINE, '\n', 3, 0]]
    }

    def "a slash starts a slashy string where Groovy reads one, and divides after an operand"() {
        expect:
        GroovyScanner.scan(text).findAll { it.kind() == STRING }*.quote() == quotes

        where:
        text                          | quotes
        'x = /a{b/'                   | [SLASHY]
        'f(/{/)'                      | [SLASHY]
        'return /{/'                  | [SLASHY]
        'x = a / b / c'               | []
        'x = f(1) / 2 / g'            | []
        "x = 'a' / 2"                 | [SINGLE]
        'x = $/a{ \\ /$'              | [DOLLAR_SLASHY]
    }

    def "a GString's expressions may hold braces, quotes and further GStrings without ending it"() {
        given:
        def text = 'tags "a${m.collect { "${it}}" }.join(\'}\')}b", \'c\''

        expect:
        GroovyScanner.scan(text).findAll { it.kind() == STRING }.collect { it.text(text) } == ['"a${m.collect { "${it}}" }.join(\'}\')}b"', "'c'"]
    }

    def "unclosed strings and comments never fail: a one-line string ends with its line, the rest with the text"() {
        expect:
        pieces(text).collect { it[0..1] } == expected
        GroovyScanner.scan(text).find { it.kind() in [STRING, COMMENT] }.closed() == false

        where:
        text              | expected
        "a 'b\n}"         | [[CODE, 'a '], [STRING, "'b"], [NEWLINE, '\n'], [CLOSE, '}']]
        "a '''b\n}"       | [[CODE, 'a '], [STRING, "'''b\n}"]]
        "a /* b\n}"       | [[CODE, 'a '], [COMMENT, "/* b\n}"]]
        'a "${b'          | [[CODE, 'a '], [STRING, '"${b']]
    }

    def "a backslash before a line break inside a string still counts the line"() {
        expect:
        GroovyScanner.scan("x 'a\\\nb'\ny {").find { it.kind() == OPEN }.line() == 3
    }

    def "GStrings nested past the bound are reported by the nesting check instead of exhausting the stack"() {
        given:
        def text = 'x "' + '${"'.repeat(20_000) + '"'

        expect:
        Nesting.at(text) == 1
    }

    def "the block left open is found past a slashy string holding a brace"() {
        // Before the one scanner, the { inside /\{/ was counted as a block opened on line 4.
        given:
        Path f = dir.resolve('estate.groovy')
        Files.writeString(f, """machines('lab') {
    vmwareVm('a') {
        os 'linux', 'CentOS 6.5'
        tags 'a{'.replaceAll(/\\{/, '')
    }
""")

        when:
        def problems = new GroovyLoader(dir, false).load([f]).problems()

        then:
        problems*.location()*.line() == [1]
        problems[0].message() == 'the block opened here with { is never closed — add its closing } (the file ended at line 5 still inside it)'
    }

    def "the block left open is found on its own line after a string continued with a backslash"() {
        // Before the one scanner, the line break escaped inside 'CentOS \ … 6.5' was not counted.
        given:
        Path f = dir.resolve('estate.groovy')
        Files.writeString(f, """machines('lab') {
    vmwareVm('a') {
        os 'linux', 'CentOS \\
6.5'
        disk('c') {
    }
}
""")

        when:
        def problems = new GroovyLoader(dir, false).load([f]).problems()

        then:
        problems*.location()*.line() == [5]
    }
}
