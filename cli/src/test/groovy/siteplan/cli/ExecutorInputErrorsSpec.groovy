package siteplan.cli

import java.nio.file.Files

/** Wrong input to apply, drill and history: one clear line, exit 1, nothing changed, no stack trace. */
class ExecutorInputErrorsSpec extends ExecutorSpecification {

    def "#what"() {
        given:
        def dir = estate()
        def before = stateJson(dir)
        setup.call(this, dir)

        when:
        int code = run(*args.call(this, dir))

        then:
        code == ExitCode.INVALID_INPUT
        err.readLines().first() == 'siteplan: ' + message.call(this, dir)
        !err.contains('\tat ')
        !err.contains('Exception')
        stateJson(dir) == before

        where:
        what                                   | setup                                                              | args                                                                                  | message
        'a plan file that does not exist'      | { s, d -> }                                                           | { s, d -> ['apply', s.tmp.resolve('nope.json').toString()] }                              | { s, d -> "no plan file ${s.tmp.resolve('nope.json')} — save one with: siteplan plan PATH -out ${s.tmp.resolve('nope.json')}" }
        'a file that is not a plan'            | { s, d -> s.write(s.tmp.resolve('x.json'), '{"hello": 1}') }              | { s, d -> ['apply', s.tmp.resolve('x.json').toString()] }                                 | { s, d -> "${s.tmp.resolve('x.json')} is not a siteplan plan: it has no format_version; save a plan with: siteplan plan PATH -out ${s.tmp.resolve('x.json')}".toString() }
        'no parallelism'                       | { s, d -> }                                                           | { s, d -> ['apply', d.toString(), '--auto-approve', '--parallelism', '0'] }             | { s, d -> '--parallelism must be at least 1, not 0' }
        'a retry delay that is not a duration' | { s, d -> }                                                           | { s, d -> ['apply', d.toString(), '--auto-approve', '--retry-delay', 'soon'] }          | { s, d -> "--retry-delay 'soon' is not a duration such as 500ms, 2s or 1m" }
        'a broken faults file'                 | { s, d -> s.write(s.state(d).resolve('faults.json'), '{"fail": ') }       | { s, d -> ['apply', d.toString(), '--auto-approve'] }                                   | { s, d -> "${s.state(d).resolve('faults.json')} is not a faults file siteplan can read (it is not valid JSON at line 1, column 10); fix it or remove it".toString() }
        'an unknown recovery plan'             | { s, d -> }                                                           | { s, d -> ['drill', d.toString(), '--recovery-plan', 'erp'] }                           | { s, d -> "no recovery plan 'erp' in ${d}; declared: erp-failover, linux-services".toString() }
        'an unknown history entry'             | { s, d -> }                                                           | { s, d -> ['history', 'show', 'abc123', d.toString()] }                                 | { s, d -> "no history entry abc123: there is no history in ${s.state(d).resolve('history')} yet".toString() }
        'force-unlock without a lock'          | { s, d -> }                                                           | { s, d -> ['force-unlock', 'abc123', d.toString()] }                                    | { s, d -> "estate 'vmware-to-azure' is not locked" }
        'a simulation speed that is no number' | { s, d -> s.env.SITEPLAN_SIM_SPEED = 'fast' }                           | { s, d -> ['apply', d.toString(), '--auto-approve'] }                                   | { s, d -> "SITEPLAN_SIM_SPEED must be a number of at least 1 (simulated seconds per real second), not 'fast'" }
    }
}
