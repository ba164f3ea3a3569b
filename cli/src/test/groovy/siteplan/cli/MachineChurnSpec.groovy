package siteplan.cli

import java.nio.file.Path

/**
 * A machine may declare its daily churn as a whole instead of per disk; the rules then spread it over
 * its disks by size (SRC-DISK-CHURN), whatever the figures, and report what exceeds a limit.
 */
class MachineChurnSpec extends ExecutorSpecification {

    def "churn declared on a machine whose disks declare none is spread over its disks and checked, however large"() {
        given: 'each machine of the mobility example declares 900 GB a day, its 127 GB and 1023 GB disks nothing'
        Path dir = estate('mobility-desired-state')
        write(dir.resolve('estate.groovy'), read(dir.resolve('estate.groovy'))
                .replace("tags 'dsc-managed'", "tags 'dsc-managed'; churn 900.GB")
                .replace("size 127.GB; churn 4.GB;", "size 127.GB;")
                .replace("size 200.GB; churn 15.GB;", "size 1023.GB;"))
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--force') == 0

        when:
        int code = run('plan', dir.toString(), '--no-history')

        then: 'a plan with findings, not a crash'
        code == ExitCode.INVALID_INPUT
        !err.contains('internal error')
        out.contains("SRC-DISK-CHURN error: disk d of app-dub-01 changes 800.61 GB/day (limit 144 GB/day at 8 KB writes) (${dir.resolve('estate.groovy')}, line 63)")
        !out.contains('disk c of app-dub-01 changes')
        out.contains('PS-CHURN error:')
    }
}
