package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path

/**
 * Every file a definition names (include, table, the files of its folder, recovery-plan scripts) must
 * really lie inside the definition folder, symbolic links followed; a missing or outside script is
 * found by validate and plan at its line, not half-way through a failover.
 */
class DefinitionPathsSpec extends ExecutorSpecification {
    Path dir
    Path outside

    def setup() {
        dir = estate()
        outside = Files.createDirectories(tmp.resolve('outside'))
    }

    /** validate and plan both refuse, with exit 1, no stack trace, and each of the expected lines in their errors. */
    void refusedByValidateAndPlan(List<String> expected) {
        for (cmd in [['validate', dir.toString()], ['plan', dir.toString(), '--no-history']]) {
            int code = run(cmd as String[])
            assert code == ExitCode.INVALID_INPUT: "${cmd[0]}: ${err}"
            expected.each { assert err.contains(it): "${cmd[0]} did not say: ${it}\n${err}" }
            assert !err.contains('Exception') && !err.contains('\tat ')
        }
    }

    def "a symbolic link that includes a file outside the folder is refused"() {
        given:
        write(outside.resolve('evil.groovy'), "machine('evil01') { }\n")
        Files.createSymbolicLink(dir.resolve('_evil.groovy'), outside.resolve('evil.groovy'))
        write(dir.resolve('site.groovy'), read(dir.resolve('site.groovy')) + "\ninclude '_evil.groovy'\n")
        int line = read(dir.resolve('site.groovy')).readLines().size()

        expect:
        refusedByValidateAndPlan(["site.groovy, line ${line}) include '_evil.groovy' points outside the definition folder ${dir} (it leads to ${outside.toRealPath().resolve('evil.groovy')}); a definition may only include files inside it" as String])
        !out.contains('evil01') && !err.contains('evil01')
    }

    def "a table behind a link to a file outside the folder is refused and reads nothing"() {
        given:
        write(outside.resolve('machines.csv'), "name\nCANARY-4711\n")
        Files.createDirectories(dir.resolve('data'))
        Files.createSymbolicLink(dir.resolve('data/machines.csv'), outside.resolve('machines.csv'))
        write(dir.resolve('site.groovy'), read(dir.resolve('site.groovy')) + "\ntable('data/machines.csv').each { println it }\n")

        expect:
        refusedByValidateAndPlan(["table 'data/machines.csv' points outside the definition folder ${dir}", 'a definition may only read files inside it'])
        !(out + err).contains('CANARY-4711')
    }

    def "a linked folder on the way out is as outside as a linked file"() {
        given:
        write(outside.resolve('machines.csv'), "name\nCANARY-4711\n")
        Files.createSymbolicLink(dir.resolve('data'), outside)
        write(dir.resolve('site.groovy'), read(dir.resolve('site.groovy')) + "\ntable('data/machines.csv').each { println it }\n")

        expect:
        refusedByValidateAndPlan(["table 'data/machines.csv' points outside the definition folder ${dir}" as String])
        !(out + err).contains('CANARY-4711')
    }

    def "a definition file in the folder that is a link to a file outside is refused by name, and not read"() {
        given:
        write(outside.resolve('extra.yaml'), "machines:\n  - name: CANARY-0815\n")
        Files.createSymbolicLink(dir.resolve('extra.yaml'), outside.resolve('extra.yaml'))

        expect:
        refusedByValidateAndPlan(["(${dir.resolve('extra.yaml')}) is a symbolic link to ${outside.toRealPath().resolve('extra.yaml')}, outside the definition folder ${dir}; a definition may only be made of files inside it: copy the file into the folder, or move the link out of it" as String])
        !(out + err).contains('CANARY-0815')
    }

    def "a link inside the folder to a file inside it is fine"() {
        given:
        Files.move(dir.resolve('scripts/check-sql.sh'), dir.resolve('scripts/check-sql-real.sh'))
        Files.createSymbolicLink(dir.resolve('scripts/check-sql.sh'), Path.of('check-sql-real.sh'))
        Files.createDirectories(dir.resolve('data'))
        write(dir.resolve('data/real.csv'), "name\nx\n")
        Files.createSymbolicLink(dir.resolve('data/machines.csv'), Path.of('real.csv'))
        write(dir.resolve('site.groovy'), read(dir.resolve('site.groovy')) + "\nassert table('data/machines.csv').size() == 1\n")

        expect:
        run('validate', dir.toString()) == ExitCode.OK
    }

    def "links that go round in a circle are refused cleanly"() {
        given:
        Files.createSymbolicLink(dir.resolve('loop.yaml'), Path.of('loop.yaml'))
        Files.createSymbolicLink(dir.resolve('_a.groovy'), Path.of('_b.groovy'))
        Files.createSymbolicLink(dir.resolve('_b.groovy'), Path.of('_a.groovy'))
        write(dir.resolve('site.groovy'), read(dir.resolve('site.groovy')) + "\ninclude '_a.groovy'\n")

        expect:
        refusedByValidateAndPlan(["(${dir.resolve('loop.yaml')}) is a symbolic link that leads to no file (it is broken or goes round in a circle)" as String,
                                  "include '_a.groovy' is a symbolic link that goes round in a circle"])
    }

    def "a script that is a link to a file outside the folder is refused at validate and plan, and a drill never runs it"() {
        given: 'an estate protected while its script was still inside'
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
        Path marker = tmp.resolve('outside-ran')
        write(outside.resolve('evil.sh'), "#!/bin/sh\ntouch '${marker}'\n")
        outside.resolve('evil.sh').toFile().setExecutable(true)
        Files.delete(dir.resolve('scripts/check-sql.sh'))
        Files.createSymbolicLink(dir.resolve('scripts/check-sql.sh'), outside.resolve('evil.sh'))
        String expected = "(${dir.resolve('recovery-plans.groovy')}, line 10) script 'scripts/check-sql.sh' of group 1 of recovery plan 'erp-failover' points outside the definition folder ${dir} (it leads to ${outside.toRealPath().resolve('evil.sh')}); a definition may only name files inside it"

        expect:
        refusedByValidateAndPlan([expected])

        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack')

        then:
        code == ExitCode.INVALID_INPUT
        err.contains(expected)
        !Files.exists(marker)
        !stateJson(dir).contains('"testFailover"')
    }

    def "a script named outside the folder with ../ is found by validate and plan"() {
        given:
        write(outside.resolve('check.sh'), "#!/bin/sh\nexit 0\n")
        write(dir.resolve('recovery-plans.groovy'), read(dir.resolve('recovery-plans.groovy')).replace("script 'scripts/check-mq.sh'", "script '../outside/check.sh'"))

        expect:
        refusedByValidateAndPlan(["(${dir.resolve('recovery-plans.groovy')}, line 38) script '../outside/check.sh' of group 2 of recovery plan 'linux-services' points outside the definition folder ${dir}; a definition may only name files inside it" as String])
    }

    def "a mistyped script is found by validate and plan with its file and line, and by the failover preflight before anything changes"() {
        given:
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
        write(dir.resolve('recovery-plans.groovy'), read(dir.resolve('recovery-plans.groovy')).replace("scripts/check-sql.sh", "scripts/chek-sql.sh"))
        String expected = "(${dir.resolve('recovery-plans.groovy')}, line 10) script 'scripts/chek-sql.sh' of group 1 of recovery plan 'erp-failover' does not exist under ${dir}"

        expect:
        refusedByValidateAndPlan([expected])

        when:
        int code = run('failover', dir.toString(), '--recovery-plan', 'erp-failover', '--type', 'planned', '--ack')

        then:
        code == ExitCode.INVALID_INPUT
        err.contains(expected)
        !out.contains('Group 1')
    }

    def "a script replaced by a link to the same bytes outside is refused even when plan takes the model from its cache"() {
        given: 'a plan that cached the model'
        assert run('plan', dir.toString(), '--no-history') == 0
        siteplan.dsl.load.ModelCache.awaitWrites()
        Files.copy(dir.resolve('scripts/check-mq.sh'), outside.resolve('check-mq.sh'))
        Files.delete(dir.resolve('scripts/check-mq.sh'))
        Files.createSymbolicLink(dir.resolve('scripts/check-mq.sh'), outside.resolve('check-mq.sh'))

        expect: 'the definition hashes the same, and is still refused'
        run('plan', dir.toString(), '--no-history') == ExitCode.INVALID_INPUT
        err.contains("line 38) script 'scripts/check-mq.sh' of group 2 of recovery plan 'linux-services' points outside the definition folder ${dir}")
    }

    def "a script step in a YAML definition is reported at its line"() {
        given:
        assert run('export', dir.toString(), '--format', 'yaml') == 0
        Path yamlDir = Files.createDirectories(tmp.resolve('yaml-estate'))
        write(yamlDir.resolve('estate.yaml'), out)

        expect: 'its scripts are not in the new folder'
        run('validate', yamlDir.toString()) == ExitCode.INVALID_INPUT
        err =~ /\(\S*estate\.yaml, line \d+\) script 'scripts\/check-sql\.sh' of group 1 of recovery plan 'erp-failover' does not exist under /
    }
}
