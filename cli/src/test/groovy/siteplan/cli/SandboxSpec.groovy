package siteplan.cli

import spock.lang.Unroll

/**
 * A definition comes from a pull request: evaluating it must not reach the machine. Every attempt is
 * refused with a clear error, reads nothing and changes nothing.
 */
class SandboxSpec extends CliSpecification {
    static final String WHY = 'definitions cannot reach the machine (no files, network, processes or reflection)'

    @Unroll
    def "#file is refused"() {
        expect:
        siteplan('validate', "examples/broken/sandbox/${file}") == ExitCode.INVALID_INPUT
        errLines().findAll { it.startsWith('(') } == expected.collect { "(examples/broken/sandbox/${file}, ${it}" as String }

        where:
        file                    | expected
        'execute.groovy'        | ["line 2) 'execute' is not available in a site definition: ${WHY}", "line 2) 'text' is not available in a site definition: ${WHY}"]
        'file-read.groovy'      | ["line 2) 'text' is not available in a site definition: ${WHY}", "line 2) creating 'java.io.File' is not allowed in a site definition: ${WHY}"]
        'system-exit.groovy'    | ["line 2) 'exit' is not available in a site definition: ${WHY}", "line 2) 'java.lang.System' is not available in a site definition: ${WHY}"]
        'reflection.groovy'     | ["line 2) 'classLoader' is not available in a site definition: ${WHY}", "line 2) 'getClass' is not available in a site definition: ${WHY}",
                                   "line 3) 'forName' is not available in a site definition: ${WHY}", "line 3) 'java.lang.Class' is not available in a site definition: ${WHY}"]
        'grab.groovy'           | ["line 2) annotations such as @Grab are not allowed in a site definition: they run code while compiling", "line 2) imports are not allowed in a site definition: ${WHY}"]
        'ast-test.groovy'       | ["line 2) annotations such as @ASTTest are not allowed in a site definition: they run code while compiling"]
        'metaclass.groovy'      | ["line 2) 'java.lang.String' is not available in a site definition: ${WHY}", "line 2) 'metaClass' is not available in a site definition: ${WHY}",
                                   "line 3) 'execute' is not available in a site definition: ${WHY}", "line 3) 'metaClass' is not available in a site definition: ${WHY}"]
        'computed-name.groovy'  | ["line 3) 'class' is not available in a site definition: definitions cannot use reflection or reach the machine"]
        'include-outside.groovy'| ["line 2) include '../../../../../../../../etc/hostname.groovy' points outside the definition folder examples/broken/sandbox; a definition may only include files inside it"]
    }

    @Unroll
    def "an attempt to read a file outside the definition (#how) reads nothing"() {
        given: 'a secret file beside, not inside, the definition folder'
        def top = File.createTempDir()
        def canary = new File(top, 'canary.txt')
        canary.text = 'CANARY-7f3a9c'
        def defs = new File(top, 'defs')
        defs.mkdirs()
        new File(defs, 'estate.groovy').text = attempt.replace('CANARY', canary.path)

        when:
        int exit = siteplan('validate', defs.path)

        then:
        exit == ExitCode.INVALID_INPUT
        !(out + err).contains('CANARY-7f3a9c')
        !err.contains('Exception')
        !err.contains('\tat ')

        cleanup:
        top.deleteDir()

        where:
        how                        | attempt
        'new File'                 | "println new File('CANARY').text"
        'a cast to File'           | "def f = 'CANARY' as File\nprintln f.text"
        'a URL'                    | "println new URL('file://CANARY').text"
        'toURL on text'            | "println 'file://CANARY'.toURL().text"
        'a class via a subscript'  | "def k = ['cl', 'ass'].join()\ndef c = 'x'[k]\nprintln c"
        'the script class'         | "println this.class.classLoader"
        'the binding of a closure' | "def c = { -> }\nprintln c.owner.class"
        'Eval'                     | "println Eval.me(\"new File('CANARY').text\")"
        'GroovyShell'              | "println new GroovyShell().evaluate(\"new File('CANARY').text\")"
        'evaluate'                 | "println evaluate(\"new File('CANARY').text\")"
        'a method pointer'         | "def m = 'ls'.&execute\nprintln m()"
        'a computed method name'   | "def n = 'exec' + 'ute'\nprintln 'ls'.\"\$n\"()"
        'invokeMethod'             | "println 'ls'.invokeMethod('execute', null)"
        'field access'             | "println this.@binding"
        'an include'               | "include '../canary.txt'"
    }

    def "an annotation that would run code while compiling never runs it"() {
        given:
        def top = File.createTempDir()
        def marker = new File(top, 'pwned')
        new File(top, 'estate.groovy').text = """@groovy.transform.ASTTest(value = { new File('${marker.path}').text = 'x' })
def x = 1
"""

        when:
        int exit = siteplan('validate', top.path)

        then:
        exit == ExitCode.INVALID_INPUT
        !marker.exists()

        cleanup:
        top.deleteDir()
    }

    def "ordinary Groovy still works inside the sandbox: variables, loops, maps, functions, closures, text"() {
        given:
        def dir = File.createTempDir()
        new File(dir, 'estate.groovy').text = '''
def sizes = [web: 100, app: 300]
def tiers = sizes.keySet().sort()
String prefix = 'ams'
def windows() { os 'windows', 'Windows Server 2012 R2' }
def churnOf = { int gb -> (gb * 0.1) as int }

vmwareSite('lab') { network 'VM Network' }
machines('lab') {
    tiers.eachWithIndex { tier, i ->
        (1..2).each { n ->
            vmwareVm("${prefix}-${tier}-${n}".toUpperCase().toLowerCase()) {
                windows()
                disk('data') { size sizes[tier].GB; churn churnOf(sizes[tier]).GB }
                tags tier, "rack-${i}"
            }
        }
    }
}
'''

        expect:
        siteplan('validate', dir.path) == ExitCode.OK
        out.contains('4 machines (4 disks)')

        cleanup:
        dir.deleteDir()
    }

    def "a definition that never finishes is stopped"() {
        given:
        def dir = File.createTempDir()
        new File(dir, 'estate.groovy').text = 'while (true) { }\n'
        System.setProperty('siteplan.dsl.timeoutSeconds', '1')

        expect:
        siteplan('validate', dir.path) == ExitCode.INVALID_INPUT
        errLines()[0] == "(${dir.path}/estate.groovy, line 1) did not finish within 1 seconds — look for a loop that never ends"

        cleanup:
        System.clearProperty('siteplan.dsl.timeoutSeconds')
        dir.deleteDir()
    }

    def "a value no word can take is refused at its line, never wrapped round nor repeated whole: #what"() {
        given:
        def dir = File.createTempDir()
        new File(dir, 'estate.groovy').text = script

        expect:
        siteplan('validate', dir.path) == ExitCode.INVALID_INPUT
        errLines().any { it.startsWith("(${dir.path}/estate.groovy, line ${line})".toString()) && it.contains(message) }
        !err.contains('Exception')
        !err.contains('\tat ')
        err.length() < 20_000

        cleanup:
        dir.deleteDir()

        where:
        what                          | script                                                                                    || line | message
        'a negative duration'         | "recoveryPlan('p') {\n    rto((-5).minutes)\n}\n"                                         || 2    | '(-5).minutes is negative: a duration is some time, e.g. 15.minutes'
        'a count past 64 bits'        | "recoveryPlan('p') {\n    rto 18446744073709551621.minutes\n}\n"                          || 2    | '18446744073709551621.minutes is more time than siteplan can count'
        'a number past any duration'  | "recoveryPlan('p') {\n    rpo 1e10000.minutes\n}\n"                                       || 2    | '.minutes is more time than siteplan can count'
        'a huge text'                 | "def big = 'x' * 7_000_000\nrecoveryPlan('p') {\n    rto big\n}\n"                      || 3    | "…' (text of 7000000 characters)"
        'a value kept past a refused one' | "objectives {\n    rto 0.hours\n    rto 'soon'\n}\n"                                      || 2    | "rto of the estate's objectives must be longer than no time"
        'a line break in a value'     | "objectives {\n    rto 'x\\n(estate.groovy, line 1) forged'\n}\n"                          || 2    | "got 'x\\n(estate.groovy, line 1) forged' (text)"
        'a key built from text'       | "recoveryPlan('p') {\n    drill { every \"\${'mand'}atry\": true, 90.days }\n}\n"        || 2    | "unknown option 'mandatry' of every in drill of recovery plan 'p' — did you mean 'mandatory'?"
    }

    def "what Groovy would otherwise let a definition do round the sandbox's checks is refused at its line: #what"() {
        given:
        def dir = File.createTempDir()
        new File(dir, 'estate.groovy').text = script

        expect:
        siteplan('validate', dir.path) == ExitCode.INVALID_INPUT
        errLines().any { it.startsWith("(${dir.path}/estate.groovy, line ${line})".toString()) && it.contains(message) }
        !out.contains('RAN')
        !err.contains('Exception')
        !err.contains('\tat ')

        cleanup:
        dir.deleteDir()

        where:
        what                                   | script                                                                                                   || line | message
        "a block given to a word that takes a value (Groovy's own every)" | "objectives {\n    rto 4.hours\n    every { rpo 0.seconds; true }\n}\n" || 3 | "every in the estate's objectives is written every interval"
        "a word of the enclosing block"        | "recoveryPlan('p') {\n    rpo 4.hours\n    group {\n        rpo 1.minutes\n    }\n}\n"        || 4    | "'rpo' is a word of recovery plan 'p', not of group 1 of recovery plan 'p', where it is written — move it out to recovery plan 'p'"
        "a word of a block two levels out"     | "recoveryPlan('p') {\n    group {\n        checks {\n            rto 2.minutes\n        }\n    }\n}\n" || 4 | "'rto' is a word of group 1 of recovery plan 'p', not of "
        "a block kept in a variable, written from a block inside it" | "recoveryPlan('p') {\n    def o = it\n    group {\n        o.rpo 1.minutes\n    }\n}\n" || 4 | "'rpo' is a word of recovery plan 'p', not of group 1 of recovery plan 'p', where it is written"
        "a block kept in a variable, written after it ended" | "def saved\nobjectives {\n    rto 4.hours\n    saved = it\n}\nsaved.rpo 7.minutes\n" || 6 | "'rpo' is written to the estate's objectives after its block has ended — write it inside that block"
        "a kept block's word set with = from a block inside it" | "recoveryPlan('p') {\n    def o = it\n    group {\n        o.source = 'amsterdam'\n    }\n}\n" || 4 | "'source' is a word of recovery plan 'p', not of group 1 of recovery plan 'p'"
        "a closure made in a block, called after it ended" | "def c\nrecoveryPlan('p') {\n    c = { source 'amsterdam' }\n}\nc()\n" || 3 | "'source' is written to recovery plan 'p' after its block has ended"
        'millions of digits tested as a number' | "println(('9' * 5000000).isBigInteger())\n"                                                           || 1    | 'text of 5000000 characters cannot be read as a number'
        'millions of digits read as a number'  | "def b = ('9' * 5000000).toBigInteger()\n"                                                              || 1    | 'text of 5000000 characters cannot be read as a number in a site definition (at most 10000)'
        'millions of digits converted with as' | "def b = ('9' * 5000000) as BigInteger\n"                                                               || 1    | 'text of 5000000 characters cannot be read as a number'
        'millions of digits given to new'      | "def b = new BigInteger('9' * 5000000)\n"                                                               || 1    | 'text of 5000000 characters cannot be read as a number'
        'a map made to stand in for text'      | "def m = [toString: { -> println 'RAN'; '4h' }, length: { -> 2 }] as CharSequence\nobjectives { rpo m }\n" || 1 | "converting to 'java.lang.CharSequence' is not available here: a map or closure cannot stand in for another type"
        'a closure made to stand in for a list' | "def l = { -> println 'RAN' } as List\n"                                                                || 1    | "converting to 'java.util.List' is not available here"
        "text's findAll with a regex that backtracks" | "println(('a' * 40 + '!').findAll(/(.*a){12}x/))\n"                                             || 1    | 'a regular expression ran longer than'
        'text minus a pattern that backtracks' | "println(('a' * 40 + '!') - ~/(.*a){12}x/)\n"                                                          || 1    | 'a regular expression ran longer than'
        'a list grepped with such a pattern'   | "println([('a' * 40 + '!')].grep(~/(.*a){12}x/))\n"                                                     || 1    | 'a regular expression ran longer than'
        'a switch case of such a pattern'      | "switch ('a' * 40 + '!') {\n    case ~/(.*a){12}x/: println 'RAN'\n}\n"                                 || 1    | 'a regular expression ran longer than'
    }

    def "a model larger than the main process should read is refused, not read"() {
        given: 'one 7 MB text repeated in 70 steps: 490 MB of model'
        def dir = File.createTempDir()
        new File(dir, 'estate.groovy').text = "def big = 'x' * 7_000_000\nrecoveryPlan('p') {\n    group { machines 'a'; after { (1..70).each { manual big } } }\n}\n"

        expect:
        siteplan('validate', dir.path) == ExitCode.INVALID_INPUT
        err.contains('makes a model larger than 64 MB; its evaluation was stopped')
        !err.contains('\tat ')

        cleanup:
        dir.deleteDir()
    }
}
