package siteplan.cli

import java.nio.file.Path

class FailoverSpec extends ExecutorSpecification {
    Path dir

    def setup() {
        dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
    }

    def "an unplanned failover warns as the seed does and needs an explicit confirmation (RP-UNPLANNED)"() {
        given:
        def before = stateJson(dir)

        expect:
        run('failover', dir.toString(), '--recovery-plan', 'linux-services', '--type', 'unplanned') == ExitCode.INVALID_INPUT
        out.contains('Warning: RP-UNPLANNED: an unplanned failover does not shut the source machines down and stops replication')
        err.contains('an unplanned failover needs an explicit confirmation (RP-UNPLANNED): pass --confirm-unplanned; nothing was changed.')
        stateJson(dir) == before

        and: 'confirmed, it runs from the chosen recovery point'
        run('failover', dir.toString(), '--recovery-plan', 'linux-services', '--type', 'unplanned', '--confirm-unplanned', '--recovery-point', 'latest-app-consistent') == ExitCode.OK
        out.contains('Failover succeeded')
    }

    def "a wrong recovery point or type is refused with what is accepted"() {
        expect:
        run('failover', dir.toString(), '--recovery-plan', 'linux-services', '--type', 'planned', '--recovery-point', 'yesterday') == ExitCode.INVALID_INPUT
        err.contains("recovery point 'yesterday' is not latest, latest-app-consistent or a time such as 2026-11-21T08:00:00Z")
        run('failover', dir.toString(), '--recovery-plan', 'linux-services', '--type', 'sideways') == ExitCode.INVALID_INPUT
        err.contains("--type must be planned or unplanned, not 'sideways'")
    }

    def "failover, commit, then failback in the four stages of seeds 001/002 (FB-STAGES) brings the plan home"() {
        given: 'the failback example (seeds 001/002): a process server in Azure, an on-premises master target, a VPN'
        def fb = estate('failback')
        assert run('sim', 'init', fb.toString(), '--state', state(fb).toString(), '--from-model', '--force') == 0
        env.SITEPLAN_SECRET_PARIS_PUSH_ADMIN = 'Paris-Push-S3cret'

        when: 'planned failover to Azure'
        int code = run('failover', fb.toString(), '--recovery-plan', 'crm', '--type', 'planned', '--ack')

        then:
        code == ExitCode.OK
        out.contains('Warning: Planned failover: the source machines are shut down and their last changes replicated')
        out.contains('Next: check the machines in contoso-paris-dr, then: siteplan commit')

        and: 'a machine running in Azure is not drift'
        run('plan', fb.toString(), '--no-history') == 0
        out.contains('0 to create, 0 to update, 0 to replace, 0 to delete.')

        when: 'failback before commit is refused'
        code = run('failback', fb.toString(), '--recovery-plan', 'crm', '--ack')

        then:
        code == ExitCode.INVALID_INPUT
        err.contains('crm-db01 is failed-over at the recovery site; failback needs it failed over to the recovery site and committed')

        when:
        run('commit', fb.toString(), '--recovery-plan', 'crm')

        then:
        out.contains('crm-db01: done')
        and: 'the summary says what the stage did, not that a failover succeeded'
        out =~ /\nCommit succeeded: (\d+) of \1 machines? committed in \S+/
        !out.contains('Failover succeeded')
        !out.contains('RTO')
        run('plan', fb.toString(), '--no-history') == 0
        out.contains('<~ protection.crm-db01')

        when:
        code = run('failback', fb.toString(), '--recovery-plan', 'crm', '--ack')

        then:
        code == ExitCode.OK
        out =~ /\nFailback succeeded: (\d+) of \1 machines? failed back in \S+/
        !out.contains('Failover succeeded')
        ['Stage 1 of 4: reprotect from contoso-paris-dr to paris', 'Stage 2 of 4: planned failover back to paris',
         'Stage 3 of 4: commit (deletes the VMs in contoso-paris-dr)', 'Stage 4 of 4: reprotect from paris to contoso-paris-dr'].inject(-1) { at, st ->
            int i = out.indexOf(st); assert i > at: "${st} missing or out of order"; i }
        run('plan', fb.toString(), '--no-history') == 0
        out.contains('0 to create, 0 to update, 0 to replace, 0 to delete.')
        run('history', '--state', state(fb).toString(), '--recovery-plan', 'crm') == 0
        out.readLines()*.split(/\s+/)*.getAt(3) == ['failback', 'commit', 'failover']
    }

    def "failback needs a site prepared for it: a process server in Azure, an on-premises master target, a VPN (FB-*)"() {
        given:
        run('failover', dir.toString(), '--recovery-plan', 'linux-services', '--type', 'planned', '--ack')
        run('commit', dir.toString(), '--recovery-plan', 'linux-services')
        def before = stateJson(dir)

        expect:
        run('failback', dir.toString(), '--recovery-plan', 'linux-services', '--ack') == ExitCode.INVALID_INPUT
        err.contains('failback of linux-services refused by the preflight; nothing was changed:')
        err.contains('FB-PS-AZURE site amsterdam has no process server in Azure')
        err.contains('FB-LINK site amsterdam declares no site-to-site VPN or ExpressRoute')
        stateJson(dir) == before
    }

    def "reprotect is refused where failback is: it replicates back through the same process server, master target and link (FB-PS-AZURE, FB-STAGES, FB-LINK)"() {
        given:
        run('failover', dir.toString(), '--recovery-plan', 'linux-services', '--type', 'planned', '--ack')
        run('commit', dir.toString(), '--recovery-plan', 'linux-services')
        def before = stateJson(dir)

        expect:
        run('reprotect', dir.toString(), '--recovery-plan', 'linux-services') == ExitCode.INVALID_INPUT
        err.contains('reprotect of linux-services refused by the preflight; nothing was changed:')
        err.contains('FB-PS-AZURE site amsterdam has no process server in Azure')
        err.contains('FB-LINK site amsterdam declares no site-to-site VPN or ExpressRoute')
        stateJson(dir) == before
    }

    def "failback runs every FB-* rule of the planner before it starts (FB-ESXI-FREE)"() {
        given:
        def fb = estate('failback')
        run('sim', 'init', fb.toString(), '--state', state(fb).toString(), '--from-model', '--force')
        env.SITEPLAN_SECRET_PARIS_PUSH_ADMIN = 'Paris-Push-S3cret'
        run('failover', fb.toString(), '--recovery-plan', 'crm', '--type', 'planned', '--ack')
        run('commit', fb.toString(), '--recovery-plan', 'crm')
        write(fb.resolve('estate.groovy'), read(fb.resolve('estate.groovy')).replace("edition 'enterprise'", "edition 'free'"))

        expect:
        run('failback', fb.toString(), '--recovery-plan', 'crm', '--ack') == ExitCode.INVALID_INPUT
        err =~ /FB-ESXI-FREE crm-\S+ runs on esx-par-0\d, a free ESXi edition: it can fail over but never fail back/
    }
}
