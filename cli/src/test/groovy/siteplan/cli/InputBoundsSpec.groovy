package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path

/**
 * Input that is well-formed but absurd (nesting thousands of levels deep, sizes beyond any disk) is
 * refused with its file and line and exit 1; it never overflows a stack or a long into an internal error.
 */
class InputBoundsSpec extends ExecutorSpecification {
    Path dir

    def setup() {
        dir = estate()
    }

    void refused(String... expected) {
        for (cmd in [['validate', dir.toString()], ['plan', dir.toString(), '--no-history']]) {
            int code = run(cmd as String[])
            assert code == ExitCode.INVALID_INPUT: "${cmd[0]}: ${err}"
            expected.each { assert err.contains(it): "${cmd[0]} did not say: ${it}\n${err}" }
            assert !err.contains('internal error') && !err.contains('\tat ') && !err.contains('StackOverflow')
        }
    }

    static String deep(int n) {
        '[' * n + ']' * n
    }

    def "a chain of five thousand operators, deep for the parser without a bracket, is refused, not a crash"() {
        given:
        write(dir.resolve('zz.groovy'), 'def x = ' + (['1'] * 5000).join('+') + '\n')

        expect:
        refused('/zz.groovy) is nested too deeply to compile')
    }

    def "a number of two billion digits is refused before it is printed (a refusal the definition catches still counts)"() {
        given:
        write(dir.resolve('zz.groovy'), "try { def x = '1e2000000000'.toBigDecimal() } catch (e) { }\ndef y = 1e2000000000\ndef z = y.toPlainString()\n")

        expect:
        refused('/zz.groovy, line 1) \'toBigDecimal\' makes a number too large or too precise for a site definition',
                '/zz.groovy, line 3) \'toPlainString\' makes a number too large or too precise for a site definition')
    }

    def "a literal definition nested ten thousand levels deep is refused at its line"() {
        given:
        write(dir.resolve('deep.groovy'), "azure('x') {\n  subscription ${deep(10000)}\n}\n")

        expect:
        refused('/deep.groovy, line 2) nested more than 100 levels deep')
    }

    def "so is a definition with code in it, before Groovy's parser sees it"() {
        given:
        write(dir.resolve('deep.groovy'), "def x = 1\nazure('x') {\n  subscription ${deep(10000)}\n}\n")

        expect:
        refused('/deep.groovy, line 3) nested more than 100 levels deep')
    }

    def "an included file nested too deep is refused at its line"() {
        given:
        write(dir.resolve('_deep.groovy'), "def y = 2\n\ndef z = ${deep(5000)}\n")
        write(dir.resolve('site.groovy'), read(dir.resolve('site.groovy')) + "\ninclude '_deep.groovy'\n")

        expect:
        refused('/_deep.groovy, line 3) nested more than 100 levels deep')
    }

    def "JSON and YAML definition files nested too deep are refused at their line"() {
        given:
        write(dir.resolve('deep.json'), "{\n\"machines\": ${deep(10000)}\n}\n")
        write(dir.resolve('deep.yaml'), "machines:\n  - ${deep(10000)}\n")

        expect:
        refused('/deep.json, line 2) nested more than 100 levels deep', '/deep.yaml, line 2) nested more than 100 levels deep')
    }

    def "a table nested too deep cannot be read, and says so"() {
        given:
        write(dir.resolve('rows.json'), deep(10000))
        Files.move(dir.resolve('rows.json'), dir.resolve('rows.data.json'))
        Files.createDirectories(dir.resolve('data'))
        Files.move(dir.resolve('rows.data.json'), dir.resolve('data/rows.json'))
        write(dir.resolve('site.groovy'), read(dir.resolve('site.groovy')) + "\ntable('data/rows.json').each { }\n")

        expect:
        refused("table 'data/rows.json' cannot be read")
    }

    def "a disk of 8000000 TB is refused at validate with its file and line"() {
        given:
        String text = read(dir.resolve('machines.groovy'))
        int line = text.readLines().findIndexOf { it.contains("disk('root') { size 40.GB") } + 1
        write(dir.resolve('machines.groovy'), text.replace("disk('root') { size 40.GB", "disk('root') { size 8000000.TB"))

        expect:
        refused("/machines.groovy, line ${line})" as String, 'larger than 1PB')
    }

    def "a YAML size beyond the bound is refused with its file and line"() {
        given:
        write(dir.resolve('more.yaml'), "machines:\n  - name: big01\n    kind: physical\n    site: amsterdam\n    os: windows\n    osVersion: Windows Server 2012 R2\n    disks:\n      - name: c\n        size: 8000000TB\n")

        when:
        int code = run('validate', dir.toString())

        then:
        code == ExitCode.INVALID_INPUT
        err.contains('/more.yaml, line 9)')
        err.contains('larger than 1PB')
        !err.contains('internal error') && !err.contains('\tat ')
    }

    def "disks as large as allowed add up without overflowing any rule"() {
        given:
        write(dir.resolve('machines.groovy'), read(dir.resolve('machines.groovy')).replace("disk('root') { size 40.GB; churn 1.GB", "disk('root') { size 1024.TB; churn 1024.TB"))

        when:
        int code = run('plan', dir.toString(), '--no-history')

        then:
        code in [ExitCode.OK, ExitCode.INVALID_INPUT]
        !err.contains('internal error') && !err.contains('ArithmeticException')
    }

    def "data sizes saturate rather than overflow"() {
        expect:
        siteplan.units.DataSize.MAX.times(1L << 20).bytes() == Long.MAX_VALUE
        new siteplan.units.DataSize(Long.MAX_VALUE).plus(siteplan.units.DataSize.MAX).bytes() == Long.MAX_VALUE
        siteplan.units.DataSize.scaled(Long.MAX_VALUE, Long.MAX_VALUE, 2).bytes() == Long.MAX_VALUE
    }
}
