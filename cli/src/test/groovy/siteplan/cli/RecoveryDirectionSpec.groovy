package siteplan.cli

import java.nio.file.Path

/**
 * Where a recovery plan's machines run decides what may happen next (seeds 001/002, FB-STAGES): once they
 * run in Azure, plan shows what bringing them back needs, reprotect and failback refuse without it, and a
 * drill (a test failover from the primary site) waits until they are home.
 */
class RecoveryDirectionSpec extends ExecutorSpecification {

    def "once machines run in Azure, plan reports what replicating them back needs as errors, where reprotect refuses (FB-PS-AZURE, FB-STAGES, FB-LINK)"() {
        given: 'vmware-to-azure declares no process server in Azure, no on-premises master target and no private link'
        Path dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
        assert run('plan', dir.toString(), '--no-history') == ExitCode.OK
        assert !out.contains('FB-')
        assert run('failover', dir.toString(), '--recovery-plan', 'linux-services', '--type', 'planned', '--ack') == ExitCode.OK
        assert run('commit', dir.toString(), '--recovery-plan', 'linux-services') == ExitCode.OK
        String site = "${dir.resolve('site.groovy')}, line 29"
        List<String> findings = [
                "FB-PS-AZURE error: site amsterdam has no process server in Azure to replicate its machines back — add: processServer('…') { location 'azure'; network '…' } (${site})",
                "FB-STAGES error: site amsterdam has no on-premises master target to receive its machines when they are reprotected from Azure — add: masterTarget('…') { location 'on-premises'; … } (${site})",
                "FB-LINK error: site amsterdam declares no site-to-site VPN or ExpressRoute private peering to Azure to replicate its machines back — add: failbackConnection 'vpn' (or 'expressroute-private') (${site})"]*.toString()

        when:
        int code = run('plan', dir.toString(), '--no-history')

        then: 'the plan proposes the reprotects and says why they cannot be applied'
        code == ExitCode.INVALID_INPUT
        out.contains('<~ protection.mq01')
        findings.every { out.contains(it) }

        when:
        String before = stateJson(dir)
        code = run('reprotect', dir.toString(), '--recovery-plan', 'linux-services')

        then: 'reprotect refuses with the same findings, each once, and changes nothing'
        code == ExitCode.INVALID_INPUT
        err.contains('reprotect of linux-services refused by the preflight; nothing was changed:')
        findings.every { f -> err.count(f.replace(' error: ', ' ').replace(" (${site})", '')) == 1 }
        stateJson(dir) == before
    }

    def "a drill of machines reprotected in Azure is refused with the way back; once failed back, the plan drills again (FB-STAGES)"() {
        given: 'the failback example with an isolated drill network, failed over, committed and reprotected in Azure'
        Path fb = estate('failback')
        write(fb.resolve('estate.groovy'), read(fb.resolve('estate.groovy')).replaceFirst(/(?s)(network\('paris-dr-vnet'\) \{.*?\n    \}\n)/,
                "\$1    network('paris-drill') {\n        addressSpace '10.41.0.0/16'\n        subnet 'servers', '10.41.1.0/24'\n        drill true\n    }\n"))
        assert run('sim', 'init', fb.toString(), '--state', state(fb).toString(), '--from-model', '--force') == 0
        env.SITEPLAN_SECRET_PARIS_PUSH_ADMIN = 'Paris-Push-S3cret'
        assert run('failover', fb.toString(), '--recovery-plan', 'crm', '--type', 'planned', '--ack') == ExitCode.OK
        assert run('commit', fb.toString(), '--recovery-plan', 'crm') == ExitCode.OK
        assert run('reprotect', fb.toString(), '--recovery-plan', 'crm') == ExitCode.OK
        String before = stateJson(fb)

        when:
        int code = run('drill', fb.toString(), '--recovery-plan', 'crm', '--network', 'paris-drill', '--ack')

        then:
        code == ExitCode.INVALID_INPUT
        err.contains('drill of crm refused by the preflight; nothing was changed:')
        err.contains('crm-db01 is reprotected at the recovery site; FB-STAGES: a drill is a test failover from the primary site, and there is none from the recovery site back; '
                + 'bring the plan home with failback (reprotect, failover, commit, reprotect), then drill it')
        !out.contains('Drill of recovery plan')
        stateJson(fb) == before

        when: 'failed back home'
        assert run('failback', fb.toString(), '--recovery-plan', 'crm', '--ack') == ExitCode.OK
        code = run('drill', fb.toString(), '--recovery-plan', 'crm', '--network', 'paris-drill', '--ack')

        then:
        code == ExitCode.OK
        out.contains('Drill passed')
    }
}
