package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import java.time.Instant
import java.time.LocalDate
import java.time.ZoneOffset

/**
 * Recovery objectives as code (issue 15): a recovery plan's drill cadence is judged from the drills the history recorded
 * (DRILL-OVERDUE), and a drill's measured RTO and achieved RPO are judged against the plan's rto and rpo. Every drill here
 * is a real drill of examples/vmware-to-azure-modernized against its simulated estate, recorded in its history repository.
 */
class RecoveryObjectivesSpec extends ExecutorSpecification {
    static final ObjectMapper JSON = new ObjectMapper()
    Path dir

    def setup() {
        dir = estate('vmware-to-azure-modernized')
        // Everything protected and the recovery plans created, as after the first apply.
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
    }

    void edit(String file, String from, String to) {
        edit(dir, file, from, to)
    }

    /** The drills history recorded, newest first, as `siteplan history --kind drill --json` lists them. */
    List<Map> drills() {
        assert run('history', dir.toString(), '--kind', 'drill', '--json') == ExitCode.OK
        JSON.readValue(out, List)
    }

    /** Each file of a folder (but its lock files and history), by name, with its content. */
    static Map<String, String> folder(Path dir) {
        Files.walk(dir).withCloseable { s ->
            s.filter { Files.isRegularFile(it) && !dir.relativize(it).toString().startsWith('history') && !it.fileName.toString().endsWith('.lock') }
                    .toList().collectEntries { [(dir.relativize(it).toString()): Files.readString(it)] }
        }
    }

    static LocalDate day(Map entry) {
        Instant.parse(entry.time as String).atZone(java.time.ZoneId.systemDefault()).toLocalDate()
    }

    def "a recovery plan with a cadence that was never drilled successfully is overdue from its first plan: a warning, the plan still applicable"() {
        when:
        int code = run('plan', dir.toString(), '--no-color')

        then:
        code == ExitCode.OK
        out.contains('DRILL-OVERDUE warning: recovery plan orders-failover has never been drilled successfully in the history (none yet in ')
        out.contains('its cadence is every 90d, so it is overdue — drill it (siteplan drill, --recovery-plan orders-failover)')
        out.contains('DRILL-OVERDUE warning: recovery plan services-failover has never been drilled successfully')
        out.contains('its cadence is every 180d, so it is overdue')
        out =~ /recovery-plans\.groovy, line 27\)/
    }

    def "a drill recorded in history brings a plan within its cadence, and it is overdue again once the cadence has passed"() {
        given: 'a drill of the order system, recorded in history'
        assert run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack') == ExitCode.OK
        LocalDate drilled = day(drills()[0])

        when: 'planned on the day of the drill'
        env.SITEPLAN_TODAY = drilled.toString()
        int code = run('plan', dir.toString(), '--no-color')

        then: 'within its cadence, with when the next drill is due; the plan never drilled is still overdue'
        code == ExitCode.OK
        out.contains("DRILL-OVERDUE info: recovery plan orders-failover was last drilled successfully on ${drilled} (commit ")
        out.contains("its cadence is every 90d: the next drill is due by ${drilled.plusDays(90)}")
        out.contains('DRILL-OVERDUE warning: recovery plan services-failover has never been drilled successfully')

        when: 'planned 100 days later'
        env.SITEPLAN_TODAY = drilled.plusDays(100).toString()
        run('plan', dir.toString(), '--no-color')

        then:
        out.contains("DRILL-OVERDUE warning: recovery plan orders-failover was last drilled successfully on ${drilled} (commit ")
        out.contains("so it was due by ${drilled.plusDays(90)} and is overdue by 10 days")

        when: 'on the day it falls due'
        env.SITEPLAN_TODAY = drilled.plusDays(90).toString()
        run('plan', dir.toString(), '--no-color')

        then: 'not yet overdue'
        out.contains("DRILL-OVERDUE info: recovery plan orders-failover was last drilled successfully on ${drilled}")
    }

    def "a drill that fails does not count: the plan stays overdue and says its last drill did not pass"() {
        given:
        Files.writeString(state(dir).resolve('faults.json'), '{"testFailover": {"ord-app02": "the VM did not boot: no operating system found"}}')
        assert run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack') == ExitCode.FAILED
        LocalDate failed = day(drills()[0])
        env.SITEPLAN_TODAY = failed.toString()

        expect:
        run('plan', dir.toString(), '--no-color') == ExitCode.OK
        out.contains("DRILL-OVERDUE warning: recovery plan orders-failover has never been drilled successfully (its last drill, on ${failed} in commit ")
        out.contains(', did not pass) in the history branch siteplan-history in ')
    }

    def "a mandatory cadence that is overdue is an error: apply stops and changes nothing, the drill still runs, and then apply goes on"() {
        given:
        edit('recovery-plans.groovy', 'every 90.days', 'every 90.days, mandatory: true')
        String before = Files.readString(state(dir).resolve('state.json'))

        when:
        int planned = run('plan', dir.toString(), '--no-color')

        then:
        planned == ExitCode.INVALID_INPUT
        out.contains('DRILL-OVERDUE error: recovery plan orders-failover has never been drilled successfully')
        out.contains('its cadence is every 90d, mandatory, so it is overdue')

        when:
        int applied = run('apply', dir.toString(), '--auto-approve')

        then: 'apply plans first and stops on the error'
        applied == ExitCode.INVALID_INPUT
        Files.readString(state(dir).resolve('state.json')) == before

        when: 'an overdue plan stays drillable'
        int drilled = run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack')

        then:
        drilled == ExitCode.OK

        when:
        env.SITEPLAN_TODAY = day(drills()[0]).toString()

        then:
        run('plan', dir.toString(), '--no-color') == ExitCode.OK
        out.contains('DRILL-OVERDUE info: recovery plan orders-failover was last drilled successfully on ')
        run('apply', dir.toString(), '--auto-approve') == ExitCode.OK
    }

    def "a drill is judged against the plan's rto and rpo: one that misses its RTO exits 4 after its cleanup, and history records the verdict"() {
        given: 'an RTO no failover of this plan meets'
        edit('recovery-plans.groovy', "    rto 2.hours                    // each drill is judged against these (exit 4 when one is missed)\n    rpo 30.minutes\n", "    rto 1.minutes\n    rpo 24.hours\n")

        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack')

        then: 'the checks passed, the objective did not; cleanup ran as always'
        code == ExitCode.FAILED
        out =~ /Objective missed: measured RTO \S+( \S+)? against a target of 1m: missed by /
        out =~ /Objective met: achieved RPO \S+( \S+)? against a target of 1d: met, /
        out =~ /Drill passed: measured RTO .* — missed its objective RTO 1m/
        out.contains('cleanup ord-sql01: removed')

        and: 'history records the targets and the verdict'
        Map entry = drills()[0]
        entry.trailers['Siteplan-Objectives'] == 'missed'
        entry.trailers['Siteplan-RTO-Target'] == '1m'
        entry.trailers['Siteplan-RPO-Target'] == '1d'
        entry.subject.endsWith(', objectives missed')

        when: 'planned on the day of the drill'
        env.SITEPLAN_TODAY = day(entry).toString()
        int planned = run('plan', dir.toString(), '--no-color')

        then: 'a drill that missed its objective is not a successful drill for the cadence'
        planned == ExitCode.OK
        out.contains('DRILL-OVERDUE warning: recovery plan orders-failover has never been drilled successfully (its last drill, on ')
    }

    def "a plan whose groups or disks changed since its last successful drill is not drilled in its current form, and says what changed"() {
        given: 'a drill of the order system, planned on its day'
        assert run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack') == ExitCode.OK
        env.SITEPLAN_TODAY = day(drills()[0]).toString()

        when: 'nothing changed'
        int same = run('plan', dir.toString(), '--no-color')

        then:
        same == ExitCode.OK
        !out.contains('DRILL-FORM')

        when: "a database disk grown, and the batch server moved to the web tier's group"
        edit('machines.groovy', 'windowsServer([d: 1500, e: 600, l: 300], 8)', 'windowsServer([d: 1500, e: 700, l: 300], 8)')
        edit('recovery-plans.groovy', "        machine 'ord-batch01', dependsOn: ['ord-sql01', 'ord-sql02']\n", '')
        edit('recovery-plans.groovy', "machines 'web01', 'web02', 'web03', 'web04'", "machines 'web01', 'web02', 'web03', 'web04', 'ord-batch01'")
        int changed = run('plan', dir.toString(), '--no-color')

        then: 'a warning with what changed; the other plan, not drilled, is only overdue'
        changed == ExitCode.OK
        out.contains('DRILL-FORM warning: recovery plan orders-failover is not drilled in its current form: since its last successful drill on ')
        out.contains('groups changed: [ord-sql01, ord-sql02] [ord-app01, ord-app02, ord-app03, ord-batch01] [web01, web02, web03, web04]'
                + ' → [ord-sql01, ord-sql02] [ord-app01, ord-app02, ord-app03] [web01, web02, web03, web04, ord-batch01]')
        out =~ /ord-sql01 disk \S+ grown 600 GB → 700 GB; ord-sql02 disk \S+ grown 600 GB → 700 GB/
        out.contains('drill it again (siteplan drill, --recovery-plan orders-failover)')
        !out.contains('recovery plan services-failover is not drilled in its current form')

        when: 'drilled again in its new form'
        assert run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack') == ExitCode.OK
        int again = run('plan', dir.toString(), '--no-color')

        then:
        again == ExitCode.OK
        !out.contains('DRILL-FORM')
    }

    def "a drill can carry an attestation, signed with the git identity, kept in history and shown in its report; history filters on it and on the verdict"() {
        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack', '--note', 'order intake verified by the DBA on call,\n CHG-1234')

        then: 'the note is one line, signed by the identity the commit is made with'
        code == ExitCode.OK
        out.contains('Attested by Dana Operator: order intake verified by the DBA on call, CHG-1234')
        Map entry = drills()[0]
        entry.trailers['Siteplan-Note'] == 'order intake verified by the DBA on call, CHG-1234'
        entry.trailers['Siteplan-Attested-By'] == 'Dana Operator'
        entry.trailers['Siteplan-Objectives'] == 'met'

        when: 'the recorded drill is shown'
        int shown = run('history', 'show', entry.commit as String, dir.toString())

        then: 'its report holds the attestation'
        shown == ExitCode.OK
        out.contains('Attested by Dana Operator: order intake verified by the DBA on call, CHG-1234')

        expect: 'history lists drills by verdict and attestation'
        run('history', dir.toString(), '--attested', '--json') == ExitCode.OK
        JSON.readValue(out, List)*.commit == [entry.commit]
        run('history', dir.toString(), '--objectives', 'met', '--json') == ExitCode.OK
        JSON.readValue(out, List)*.commit == [entry.commit]
        run('history', dir.toString(), '--objectives', 'missed', '--json') == ExitCode.OK
        JSON.readValue(out, List) == []
    }

    def "an attestation that says nothing, or too much, is refused before anything fails over"() {
        expect:
        run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack', '--note', note) == ExitCode.INVALID_INPUT
        err.contains(message)
        run('history', dir.toString(), '--kind', 'drill') == ExitCode.OK
        out.startsWith('No history yet')

        where:
        note         || message
        '   '        || '--note is empty: say what was checked'
        'x' * 501    || '--note has 501 characters; keep it to 500'
    }

    def "a drill dated after today says nothing about today's cadence"() {
        given:
        assert run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack') == ExitCode.OK

        when: 'planned as of the day before the drill (a clock set ahead when it was recorded, or a date written by hand)'
        env.SITEPLAN_TODAY = day(drills()[0]).minusDays(1).toString()

        then:
        run('plan', dir.toString(), '--no-color') == ExitCode.OK
        out.contains('DRILL-OVERDUE warning: recovery plan orders-failover has never been drilled successfully in ')
    }

    def "a drill within its objectives passes and says by how much"() {
        given:
        edit('recovery-plans.groovy', "    rto 2.hours                    // each drill is judged against these (exit 4 when one is missed)\n    rpo 30.minutes\n", "    rto 24.hours\n    rpo 24.hours\n")

        expect:
        run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack') == ExitCode.OK
        out =~ /Objective met: measured RTO \S+( \S+)? against a target of 1d: met, \S+( \S+)? to spare/
        drills()[0].trailers['Siteplan-Objectives'] == 'met'
    }

    def "an objective or cadence that cannot be met as written is refused at its line: #what"() {
        given:
        edit('recovery-plans.groovy', from, to)

        expect:
        run('validate', dir.toString()) == ExitCode.INVALID_INPUT
        err =~ /recovery-plans\.groovy, line \d+\)/
        err.contains(message)

        where:
        what                              | from                 | to                                           || message
        'an RTO of no time'               | '    rto 2.hours '   | '    rto 0.minutes '                         || "rto of recovery plan 'orders-failover' must be longer than no time, e.g. rto 45.minutes"
        'an RPO of no time'               | '    rpo 30.minutes' | '    rpo 0.minutes'                          || "rpo of recovery plan 'orders-failover' must be longer than no time"
        'an RTO of over ten years'        | '    rto 2.hours '   | '    rto 3651.days '                         || "rto of recovery plan 'orders-failover' is longer than 3650 days, which no failover or data loss is planned for"
        "a group's RTO over the plan's"   | "        machines 'ord-sql01', 'ord-sql02'\n" | "        machines 'ord-sql01', 'ord-sql02'\n        rto 3.hours\n" || "rto of group 1 of recovery plan 'orders-failover' (3h) is longer than the plan's rto (2h), which holds every group already"
        'a mandatory cadence without one' | '        every 90.days\n' | '        every null, mandatory: true\n' || 'makes its cadence mandatory without one — write: every 90.days, mandatory: true'
        'a misspelt option of every'      | '        every 90.days\n' | '        every 90.days, mandatry: true\n' || "unknown option 'mandatry' of every in drill of recovery plan 'orders-failover' — did you mean 'mandatory'?"
        'a mandatory that is not yes/no'  | '        every 90.days\n' | "        every 90.days, mandatory: 'often'\n" || 'mandatory of every in drill of recovery plan'
        'a cadence in part of a day'      | '        every 90.days\n' | '        every 36.hours\n'           || "the drill cadence of recovery plan 'orders-failover' is counted in whole days from 1 to 3650"
    }

    def "the estate's objectives hold every recovery plan that writes none of its own: a cadence without a drill block, a drill's verdict, the report; a plan's own value wins"() {
        given: "objectives for the estate; services-failover declares none of its own, orders-failover keeps its rpo and its cadence"
        Files.writeString(dir.resolve('objectives.groovy'), 'objectives {\n    rto 1.minutes\n    rpo 24.hours\n    every 30.days, mandatory: true\n}\n')
        edit('recovery-plans.groovy', "    rto 4.hours\n    rpo 1.hours\n", '')
        edit('recovery-plans.groovy', "    drill {\n        network 'drill-vnet'\n        every 180.days\n        tcp 'mq01', 5672\n    }\n", '')
        edit('recovery-plans.groovy', "    rto 2.hours                    // each drill is judged against these (exit 4 when one is missed)\n", '')

        when:
        int planned = run('plan', dir.toString(), '--no-color')

        then: "the plan without a drill block is due one at the estate's cadence; the estate's mandatory holds both plans' cadences"
        planned == ExitCode.INVALID_INPUT
        out.contains('DRILL-OVERDUE error: recovery plan services-failover has never been drilled successfully')
        out.contains('its cadence is every 30d, mandatory, so it is overdue — drill it (siteplan drill, --recovery-plan services-failover, --network NAME)')
        out.contains('DRILL-OVERDUE error: recovery plan orders-failover has never been drilled successfully')
        out.contains('its cadence is every 90d, mandatory, so it is overdue')
        out.contains('recovery plan services-failover: predicted RTO ')
        out =~ /recovery plan services-failover: predicted RTO [^\n]*, target 1m/

        when: 'the plan without a drill block is drilled without saying where'
        int refused = run('drill', dir.toString(), '--recovery-plan', 'services-failover', '--ack')

        then:
        refused == ExitCode.INVALID_INPUT
        err.contains("recovery plan services-failover declares no drill network: add drill { network 'NAME' } or pass --network NAME")

        when:
        int drilled = run('drill', dir.toString(), '--recovery-plan', 'services-failover', '--network', 'drill-vnet', '--ack')

        then: "judged against the estate's RTO and RPO, and recorded so"
        drilled == ExitCode.FAILED
        out =~ /Objective missed: measured RTO \S+( \S+)? against a target of 1m: missed by /
        out =~ /Objective met: achieved RPO \S+( \S+)? against a target of 1d: met, /
        drills()[0].trailers['Siteplan-RTO-Target'] == '1m'
        drills()[0].trailers['Siteplan-RPO-Target'] == '1d'

        when: "orders-failover's own RPO wins over the estate's; it has no RTO of its own"
        run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack')

        then:
        out =~ /Objective met: achieved RPO \S+( \S+)? against a target of 30m: met, /
        drills()[0].trailers['Siteplan-RPO-Target'] == '30m'
        drills()[0].trailers['Siteplan-RTO-Target'] == '1m'

        when: 'the report holds each plan to the same targets'
        env.SITEPLAN_TODAY = day(drills()[0]).toString()
        run('report', dir.toString(), '--json')
        Map report = JSON.readValue(out, Map)
        Map services = report.plans.find { it.name == 'services-failover' } as Map
        Map orders = report.plans.find { it.name == 'orders-failover' } as Map

        then:
        services.rtoTargetSeconds == 60
        services.rpoTargetSeconds == 86_400
        services.cadence.everyDays == 30
        services.cadence.mandatory
        orders.rtoTargetSeconds == 60
        orders.rpoTargetSeconds == 1_800
        orders.cadence.everyDays == 90
    }

    def "a group's own RTO is judged as the plan's is: a group over it misses the drill's objectives and exits 4, the plan predicts it, the report says it"() {
        given: 'the databases must be up within a minute, the web tier within the plan\'s own 2h'
        edit('recovery-plans.groovy', "        machines 'ord-sql01', 'ord-sql02'\n", "        machines 'ord-sql01', 'ord-sql02'\n        rto 1.minutes\n")
        edit('recovery-plans.groovy', "        machines 'web01', 'web02', 'web03', 'web04'\n", "        machines 'web01', 'web02', 'web03', 'web04'\n        rto 2.hours\n")

        when:
        int planned = run('plan', dir.toString(), '--no-color')

        then: 'the prediction is judged per group too: a warning, never a block'
        planned == ExitCode.OK
        out =~ /RTO-PREDICTED warning: recovery plan orders-failover: group 1 predicted done after [^\n]*, its own RTO 1m \(rests on defaults[^\n]* — over the group's RTO target/
        !(out =~ /group 3 predicted done after [^\n]* — over/)

        when:
        int drilled = run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack')

        then: "the plan's own RTO was met, the group's was not: the drill missed its objectives"
        drilled == ExitCode.FAILED
        out =~ /Objective met: measured RTO \S+( \S+)? against a target of 2h: met, /
        out =~ /Objective missed: group 1 up after \S+( \S+)? against its own target of 1m: missed by /
        out =~ /Objective met: group 3 up after \S+( \S+)? against its own target of 2h: met, /
        out =~ /Objective met: group 2 up after \S+( \S+)? against a target of 2h: met, /
        out =~ /Drill passed: measured RTO .* — missed its objective group 1 RTO 1m/
        drills()[0].trailers['Siteplan-Objectives'] == 'missed'

        when: 'the report reads the drill as its record says'
        env.SITEPLAN_TODAY = day(drills()[0]).toString()
        run('report', dir.toString(), '--json')
        Map orders = JSON.readValue(out, Map).plans.find { it.name == 'orders-failover' } as Map

        then:
        orders.status == 'failing'
        orders.reasons.any { it.startsWith('its last drill, on ') && it =~ /, missed group 1's RTO target \(\S+( \S+)? against 1m\)$/ }
        orders.reasons.any { it =~ /^group 1 predicted done after .*, over its own RTO of 1m$/ }
    }

    def "a group's RTO of no time is refused at its line"() {
        given:
        edit('recovery-plans.groovy', "        machines 'ord-sql01', 'ord-sql02'\n", "        machines 'ord-sql01', 'ord-sql02'\n        rto 0.minutes\n")

        expect:
        run('validate', dir.toString()) == ExitCode.INVALID_INPUT
        err.readLines()[0].endsWith("recovery-plans.groovy, line 11) rto of group 1 of recovery plan 'orders-failover' must be longer than no time, e.g. rto 20.minutes")
        err.readLines().size() == 2
    }

    def "an export writes the estate's objectives once: edited there, they still hold every plan that took them"() {
        given: "objectives for the estate, which services-failover takes; orders-failover keeps its own"
        Files.writeString(dir.resolve('objectives.groovy'), 'objectives {\n    rto 3.hours\n    rpo 45.minutes\n}\n')
        edit('recovery-plans.groovy', "    rto 4.hours\n    rpo 1.hours\n", '')
        Path exported = Files.createDirectories(tmp.resolve('exported'))
        GoldenOutputsSpec.copy(dir.resolve('scripts'), exported.resolve('scripts'))

        when:
        assert run('export', dir.toString(), '--format', 'yaml', '-o', exported.resolve('estate.yaml').toString()) == ExitCode.OK
        String yaml = Files.readString(exported.resolve('estate.yaml'))
        String services = yaml.substring(yaml.indexOf('name: services-failover'), yaml.indexOf('objectives:'))
        String orders = yaml.substring(yaml.indexOf('name: orders-failover'), yaml.indexOf('name: services-failover'))

        then: "the plan that took them does not carry a copy; the plan with its own does"
        yaml.contains('objectives:\n  rto: 3h\n  rpo: 45min')
        !services.contains('\n  rto:') && !services.contains('\n  rpo:')
        orders.contains('\n  rto: 2h') && orders.contains('\n  rpo: 30min')

        when: 'the objectives are edited in the export'
        Files.writeString(exported.resolve('estate.yaml'), yaml.replace('objectives:\n  rto: 3h', 'objectives:\n  rto: 5h').replace('$schema', '# was $schema'))
        assert run('report', exported.toString(), '--state', state(dir).toString(), '--json') == ExitCode.OK
        Map report = JSON.readValue(out, Map)

        then:
        (report.plans.find { it.name == 'services-failover' } as Map).rtoTargetSeconds == 5 * 3600
        (report.plans.find { it.name == 'orders-failover' } as Map).rtoTargetSeconds == 2 * 3600
    }

    def "a drill from a chosen recovery point is not judged on RPO, and the history reads it as the drill judged it"() {
        given: 'an RPO no replication meets'
        edit('recovery-plans.groovy', '    rpo 30.minutes', '    rpo 1.seconds')
        String point = Instant.now().minusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()

        when:
        int code = run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack', '--recovery-point', point)

        then:
        code == ExitCode.OK
        out.contains("RPO not judged: it recovered from the chosen point ${point}, not the latest")
        drills()[0].trailers['Siteplan-Objectives'] == 'met'

        when: 'planned and reported on the day of the drill'
        env.SITEPLAN_TODAY = day(drills()[0]).toString()
        run('plan', dir.toString(), '--no-color')

        then:
        out.contains('DRILL-OVERDUE info: recovery plan orders-failover was last drilled successfully on ')
        run('report', dir.toString(), '--json') == ExitCode.OK
        (JSON.readValue(out, Map).plans.find { it.name == 'orders-failover' } as Map).lastDrill.objectivesMet == true
    }

    def "in YAML, a plan's drill made mandatory without a cadence is refused, objectives or none"() {
        given:
        Path yaml = Files.createDirectories(tmp.resolve('yaml'))
        GoldenOutputsSpec.copy(dir.resolve('scripts'), yaml.resolve('scripts'))
        assert run('export', dir.toString(), '--format', 'yaml') == ExitCode.OK
        Files.writeString(yaml.resolve('estate.yaml'), out.replace('$schema', '# was $schema').replace('interval: 180d', 'mandatory: true') + objectives)

        expect:
        run('validate', yaml.toString()) == ExitCode.INVALID_INPUT
        err.contains("drill of recovery plan 'services-failover' makes its cadence mandatory without one — write: every 90.days, mandatory: true")

        where:
        objectives << ['', 'objectives:\n  rto: 4h\n']
    }

    def "the estate's objectives written in YAML beside Groovy files are the same objectives"() {
        given:
        Files.writeString(dir.resolve('objectives.yaml'), 'objectives:\n  rto: 1m\n  drillInterval: 30d\n')
        edit('recovery-plans.groovy', "    drill {\n        network 'drill-vnet'\n        every 180.days\n        tcp 'mq01', 5672\n    }\n", '')
        edit('recovery-plans.groovy', "    rto 4.hours\n", '')

        when:
        int code = run('plan', dir.toString(), '--no-color')

        then:
        code == ExitCode.OK
        out.contains('DRILL-OVERDUE warning: recovery plan services-failover has never been drilled successfully')
        out.contains('its cadence is every 30d, so it is overdue')
        out =~ /recovery plan services-failover: predicted RTO [^\n]*, target 1m/
    }

    def "the estate's objectives are refused where they are written when they cannot hold: #what"() {
        given:
        Files.writeString(dir.resolve('objectives.groovy'), objectives)
        if (more) Files.writeString(dir.resolve('recovery-plans.groovy'), Files.readString(dir.resolve('recovery-plans.groovy')) + more)

        expect:
        run('validate', dir.toString()) == ExitCode.INVALID_INPUT
        err =~ /${file}, line ${line}\)/
        err.contains(message)

        where:
        what                        | objectives                                          | more                                        | file                    | line || message
        'declared twice'            | 'objectives { rto 4.hours }\n'                      | '\nobjectives { rpo 1.hours }\n'            | 'recovery-plans\\.groovy' | 49   || "the estate's objectives are declared twice (first at "
        'inside a block'            | 'objectives { rto 4.hours }\n'                      | "\nrecoveryPlan('x') { objectives { } }\n" | 'recovery-plans\\.groovy' | 49   || "'objectives' is a top-level block; it cannot appear inside recovery plan 'x' — move it out of that block"
        'an RTO of no time'         | 'objectives {\n    rto 0.minutes\n}\n'              | null                                        | 'objectives\\.groovy'     | 2    || "rto of the estate's objectives must be longer than no time, e.g. rto 4.hours"
        'a cadence in part of a day'| 'objectives {\n    every 36.hours\n}\n'             | null                                        | 'objectives\\.groovy'     | 2    || "the drill cadence of the estate's objectives is counted in whole days from 1 to 3650"
        'mandatory without one'     | 'objectives {\n    every null, mandatory: true\n}\n' | null                                        | 'objectives\\.groovy'     | 1    || "the estate's objectives make the drill cadence mandatory without one — write: every 90.days, mandatory: true"
        'a misspelt word'           | 'objectives {\n    rpoo 1.hours\n}\n'               | null                                        | 'objectives\\.groovy'     | 2    || "did you mean 'rpo'?"
        'an RPO of over ten years'  | 'objectives {\n    rpo 4000.days\n}\n'              | null                                        | 'objectives\\.groovy'     | 2    || "rpo of the estate's objectives is longer than 3650 days, which no failover or data loss is planned for — write e.g. rpo 30.minutes"
    }

    def "RPO-LAG: a machine whose latest recovery point is older than its plan's RPO is flagged outside drills, and a saved plan does not go stale as replication catches up"() {
        given: 'the state folder as sim init left it'
        Map<String, String> stateBefore = folder(state(dir))

        when: 'replication keeps up'
        run('plan', dir.toString(), '--no-color')

        then: '(the spec\'s folder is named after it: the finding is what is looked for)'
        !out.contains('RPO-LAG warning')

        and: 'asking the estate how old its recovery points are changes nothing there, not even the simulated clock'
        folder(state(dir)) == stateBefore

        when: "ord-sql01's replication is an hour behind, as its data disks grow"
        edit('machines.groovy', 'windowsServer([d: 1500, e: 600, l: 300], 8)', 'windowsServer([d: 1600, e: 600, l: 300], 8)')
        Files.writeString(state(dir).resolve('faults.json'), '{"replicationLag": {"ord-sql01": 4000}}')
        Path saved = tmp.resolve('lagging-plan.json')
        int code = run('plan', dir.toString(), '--no-color', '-out', saved.toString(), '--no-history')

        then: 'a warning at the machine, by how much; the plan still applies'
        code == ExitCode.OK
        out.contains('RPO-LAG warning: machine ord-sql01 of recovery plan orders-failover: its latest recovery point is 1h 6m old (reported now by the simulated estate in ')
        out.contains('over the plan\'s RPO of 30m by 36m 40s: a failover now would lose more data than the plan allows')
        out.count('RPO-LAG warning') == 1

        when: 'replication catches up before the saved plan is applied'
        Files.writeString(state(dir).resolve('faults.json'), '{}')

        then: 'the recovery-point age is not part of what a saved plan was made against'
        run('apply', saved.toString(), dir.toString(), '--auto-approve') == ExitCode.OK
        out.contains('Apply succeeded: ')
    }

    def "RTO-PREDICTED: a change is shown with the plan's RTO predicted before and after it, learnt from the drills recorded; one that breaks the target is flagged"() {
        given: 'no drill recorded yet: the prediction rests on defaults, and says so'
        edit('machines.groovy', 'windowsServer([d: 1500, e: 600, l: 300], 8)', 'windowsServer([d: 2500, e: 600, l: 300], 8)')
        run('plan', dir.toString(), '--no-color')
        assert out =~ /RTO-PREDICTED info: recovery plan orders-failover: predicted RTO \d+m → \d+m, target 2h \(rests on defaults, the simulated estate's timing model: no drill or failover of the estate is recorded yet\)/
        edit('machines.groovy', 'windowsServer([d: 2500, e: 600, l: 300], 8)', 'windowsServer([d: 1500, e: 600, l: 300], 8)')

        and: 'two drills of the order system, recorded in history'
        assert run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack') == ExitCode.OK
        assert run('drill', dir.toString(), '--recovery-plan', 'orders-failover', '--ack') == ExitCode.OK
        Map last = drills()[0]
        env.SITEPLAN_TODAY = day(last).toString()
        long measured = JSON.readValue(Files.readString(state(dir).resolve("history/runs/${last.trailers['Siteplan-Run']}/report.json")), Map).rtoSeconds as long
        String asMeasured = siteplan.planner.rules.RtoPredictor.Prediction.about(measured)

        when: "the databases' data disks grow by 1,000 GB each"
        edit('machines.groovy', 'windowsServer([d: 1500, e: 600, l: 300], 8)', 'windowsServer([d: 2500, e: 600, l: 300], 8)')
        run('plan', dir.toString(), '--no-color')
        def m = out =~ /RTO-PREDICTED info: recovery plan orders-failover: predicted RTO ([^→]+) → (\d+h )?(\d+)m, target 2h \(from 2 recorded runs, ±0m, the mean error over 1 earlier drill|RTO-PREDICTED info: recovery plan orders-failover: predicted RTO ([^→]+) → ([^,]+), target 2h \(from 2 recorded runs/

        then: 'before: what the drills measured; after: longer, by the time the larger disks take'
        m.find()
        out.contains("predicted RTO ${asMeasured} → ")
        !out.contains("predicted RTO ${asMeasured} → ${asMeasured},")
        out.contains('(from 2 recorded runs, ')

        when: 'the target sits between the two'
        edit('recovery-plans.groovy', 'rto 2.hours', "rto ${(measured / 60 as int) + 2}.minutes")
        int code = run('plan', dir.toString(), '--no-color')

        then: 'a warning that this change breaks it; the plan still applies (a prediction never blocks)'
        code == ExitCode.OK
        out.contains("RTO-PREDICTED warning: recovery plan orders-failover: predicted RTO ${asMeasured} → ")
        out.contains(' — this change breaks the plan\'s RTO target: fewer or smaller machines per group, fewer groups or shorter steps bring it down')
    }

    def "a failover is judged against the plan's objectives as a drill is: said, recorded, and the failover is not failed for it"() {
        given: 'an RTO no failover of the order system meets'
        edit('recovery-plans.groovy', 'rto 2.hours', 'rto 20.minutes')

        when:
        int code = run('failover', dir.toString(), '--recovery-plan', 'orders-failover', '--type', 'planned', '--ack')

        then: 'every machine is up: exit 0, with the objective missed said and recorded'
        code == ExitCode.OK
        out =~ /Objective missed: measured RTO [\dhms ]+ against a target of 20m: missed by /
        out =~ /Objective met: achieved RPO/

        when:
        run('history', dir.toString(), '--kind', 'failover', '--objectives', 'missed')

        then:
        out.contains('failover (planned) orders-failover: succeeded, objectives missed')
    }
}
