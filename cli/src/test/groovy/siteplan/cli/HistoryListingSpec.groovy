package siteplan.cli

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path

/** `siteplan history` as a user reads it: JSON a tool can parse, kinds that are checked, columns that line up, and a remote that cannot be reached. */
class HistoryListingSpec extends ExecutorSpecification {
    Path dir

    def setup() {
        dir = estate()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
        assert run('plan', dir.toString(), '-out', tmp.resolve('plan.json').toString()) == 0
        assert run('drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack') == 0
    }

    def "history --json prints the entries as JSON, times as ISO-8601 text"() {
        when:
        int code = run('history', '--state', state(dir).toString(), '--json')

        then:
        code == ExitCode.OK
        def entries = new ObjectMapper().readTree(out)
        entries.size() == 2
        entries*.get('kind')*.asText() == ['drill', 'plan']
        entries.every { it.get('time').asText() ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/ }
        entries[0].get('commit').asText() ==~ /[0-9a-f]{40}/
    }

    def "--kind takes one of the kinds history records, and a misspelt one is refused with the list"() {
        expect:
        run('history', '--state', state(dir).toString(), '--kind', 'drill') == ExitCode.OK
        out.readLines().size() == 1

        when:
        int code = run('history', '--state', state(dir).toString(), '--kind', 'dril')

        then:
        code == ExitCode.INVALID_INPUT
        err == "siteplan: --kind must be plan, apply, drill, failover, commit, reprotect or failback, not 'dril'\n"
        out == ''
    }

    def "the columns line up whatever the kinds and statuses, and a plan's subject counts as the plan did"() {
        when:
        run('history', '--state', state(dir).toString())
        def lines = out.readLines()

        then:
        lines.size() == 2
        lines.collect { it.indexOf(it.contains('drill erp-failover') ? 'drill erp-failover' : 'plan vmware-to-azure') }.unique().size() == 1
        lines[1].contains('plan vmware-to-azure: 0 to create, 0 to update, 0 to replace, 0 to delete  (')
    }

    def "an unusable history remote is the user's environment: exit 1 with what to check, never an internal error: #remote"() {
        when:
        int drill = run('drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack', '--history-remote', remote)
        String drillErr = err
        int unlock = run('force-unlock', 'abc123', dir.toString(), '--history-remote', remote)
        String unlockErr = err
        int plan = run('plan', dir.toString(), '-out', tmp.resolve('p2.json').toString(), '--push', '--history-remote', remote)

        then:
        [drill, unlock, plan] == [ExitCode.INVALID_INPUT] * 3
        [drillErr, unlockErr, err].every { !it.contains('internal error') && !it.contains('a bug in siteplan') }
        [drillErr, unlockErr, err].every { it.contains("the history remote ${remote} cannot be used (") }
        [drillErr, unlockErr, err].every { it.contains('check the URL (--history-remote or SITEPLAN_HISTORY_REMOTE), that this machine reaches it, and the credentials') }
        err.contains('The plan was saved to ' + tmp.resolve('p2.json') + ', but not recorded in history') || err.contains('the plan was saved to ' + tmp.resolve('p2.json') + ' and recorded in the local history as ')

        where:
        remote << ['https://127.0.0.1:99999/history.git', 'ftp://127.0.0.1:9/history.git', 'http://127.0.0.1:9/history.git']
    }

    def "history show lists an apply's journal in the order things happened, though parallel operations finish out of order"() {
        given:
        def fresh = tmp.resolve('fresh')
        Files.createDirectories(fresh)
        Files.walk(dir).filter { Files.isRegularFile(it) && !dir.relativize(it).toString().startsWith('.siteplan') }.each { f ->
            def t = fresh.resolve(dir.relativize(f).toString()); Files.createDirectories(t.parent); Files.copy(f, t)
        }
        assert run('sim', 'init', fresh.toString(), '--state', state(fresh).toString(), '--force') == 0
        assert run('apply', fresh.toString(), '--auto-approve') == 0
        def id = (out =~ /siteplan history show ([0-9a-f]{12})/)[0][1]

        when:
        run('history', 'show', id, '--state', state(fresh).toString())
        def times = out.readLines().dropWhile { it != 'Journal:' }.drop(1).findAll { it.startsWith('  ') }.collect { java.time.Instant.parse(it.trim().split(/\s+/)[0]) }

        then:
        times.size() > 20
        times == times.toSorted()
    }
}
