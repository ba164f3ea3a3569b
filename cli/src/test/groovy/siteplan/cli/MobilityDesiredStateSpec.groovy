package siteplan.cli

import java.nio.file.Path

/**
 * Seed 004's desired state, for the machine's OS: the Mobility service and the Azure VM agent are the
 * Windows services on Windows and the Linux daemons on Linux; and a push install's account is what seed
 * 000 asks of it, an administrator on Windows and root on Linux (MOB-PUSH-WIN, MOB-PUSH-LINUX).
 */
class MobilityDesiredStateSpec extends ExecutorSpecification {

    def "a CentOS machine's desired state is the Linux daemons, a Windows machine's the Windows services (MOB-SERVICES)"() {
        given:
        Path dir = estate()

        when:
        int code = run('plan', dir.toString(), '--no-history')
        String linux = out.substring(out.indexOf('~ mobility.mq01'), out.indexOf('+ mobility.mq02'))
        String windows = out.substring(out.indexOf('~ mobility.erp-app02'), out.indexOf('~ mobility.mq01'))

        then:
        code == ExitCode.OK
        linux.readLines()*.trim().findAll { it.startsWith('service ') } ==
                ['service svagents: "stopped" → "running"', 'service appservice: "stopped" → "running"', 'service waagent: "missing" → "running"']
        windows.readLines()*.trim().findAll { it.startsWith('service ') } ==
                ['service svagents: "stopped" → "running"', 'service InMage Scout Application Service: "stopped" → "running"',
                 'service WindowsAzureGuestAgent: "missing" → "running"', 'service WindowsAzureTelemetryService: "missing" → "running"']
    }

    def "a push account that is not root on Linux is an error at its line; an undeclared standing is a warning that says how to declare it (MOB-PUSH-*)"() {
        given:
        Path dir = estate()
        write(dir.resolve('machines.groovy'), read(dir.resolve('machines.groovy')).replace("accountStanding 'root'", "accountStanding 'standard'"))

        when:
        int code = run('plan', dir.toString(), '--no-history')

        then:
        code == ExitCode.INVALID_INPUT
        out.contains("MOB-PUSH-LINUX error: the Mobility service cannot be pushed to mq01 (Linux) with the push account secret('asr-push-root') of mq01: it is standard, "
                + "and a push install needs root — use such an account and declare accountStanding 'root' in the mobility block of mq01 (${dir.resolve('machines.groovy')}, line 49)")

        when: "root again on Linux, and the Windows machines' standing left undeclared"
        write(dir.resolve('machines.groovy'), read(dir.resolve('machines.groovy')).replace("accountStanding 'standard'", "accountStanding 'root'"))
        write(dir.resolve('_common.groovy'), read(dir.resolve('_common.groovy')).replace("; accountStanding 'administrator'", ''))
        code = run('plan', dir.toString(), '--no-history')

        then: 'siteplan cannot check what is not declared: a warning says how, and the plan can be applied'
        code == ExitCode.OK
        !out.contains('MOB-PUSH-LINUX')
        out.contains("MOB-PUSH-WIN warning: the Mobility service is pushed to erp-app01 (Windows) with the push account secret('asr-push-admin') of erp-app01, "
                + "which must be an administrator there; its standing is not declared, so siteplan cannot check it — add: accountStanding 'administrator' in the mobility block of erp-app01")
    }

    def "the standing is part of the model in YAML and JSON alike"() {
        given:
        Path dir = estate()

        expect:
        run('export', dir.toString(), '--format', 'yaml') == ExitCode.OK
        out.contains('pushAccountStanding: root')
        out.contains('accountStanding: administrator')
    }
}
