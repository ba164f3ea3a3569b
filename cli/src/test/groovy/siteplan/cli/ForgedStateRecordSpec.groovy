package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import org.eclipse.jgit.api.Git

/**
 * A commit on the history branch that claims to record the estate's state but is not as siteplan records one
 * (pushed by anyone who can write the branch) is never taken: the user is told which commit, what is wrong with
 * it, and how to see who pushed it, and the state is the newest good record.
 */
class ForgedStateRecordSpec extends ExecutorSpecification {
    def "a forged state record is skipped with a warning whose git command runs; the good record is the state"() {
        given: 'a drill recorded the estate state in the history remote'
        Path dir = estate()
        Path remote = tmp.resolve('history.git')
        Git.init().setBare(true).setDirectory(remote.toFile()).call().close()
        assert run('sim', 'init', dir.toString(), '--state', state(dir).toString(), '--from-model', '--force') == 0
        assert run('drill', dir.toString(), '--recovery-plan', 'erp-failover', '--ack', '--history-remote', remote.toUri().toString(), '--push') == 0
        String recorded = Files.readString(state(dir).resolve('state.json'))

        and: 'someone pushed on top of it a record whose state.json is not a state'
        Path forger = tmp.resolve('forger')
        String forged = Git.cloneRepository().setURI(remote.toUri().toString()).setDirectory(forger.toFile()).setBranch('siteplan-history').call().withCloseable { g ->
            Files.createDirectories(forger.resolve('runs/evil/state'))
            Files.writeString(forger.resolve('runs/evil/state/state.json'), '{}{}')
            g.add().addFilepattern('runs').call()
            def c = g.commit().setMessage('apply vmware-to-azure: succeeded\n\nSiteplan-Kind: apply\nSiteplan-Run: evil\nSiteplan-Estate: vmware-to-azure\nSiteplan-Status: succeeded\nSiteplan-State: runs/evil/state\n')
                    .setAuthor('Mallory', 'mallory@example.com').setCommitter('Mallory', 'mallory@example.com').call()
            g.push().setRefSpecs(new org.eclipse.jgit.transport.RefSpec('HEAD:refs/heads/siteplan-history')).call()
            c.name()
        }

        and: 'another machine: a fresh state folder holding the committed state'
        Path other = tmp.resolve('other/.siteplan')
        Files.createDirectories(other)
        Files.writeString(other.resolve('state.json'), '{"vcenters":[]}\n')

        when:
        int code = run('plan', dir.toString(), '--state', other.toString(), '--history-remote', remote.toUri().toString())

        then: 'the plan is made against the good record'
        code == ExitCode.OK
        Files.readString(other.resolve('state.json')) == recorded
        and: 'the warning names the forged commit and why it is not taken'
        def warning = err.readLines().find { it.startsWith('Warning: apply run evil (') }
        warning.contains("(${forged.substring(0, 12)}) in the history branch siteplan-history claims to record the state of 'vmware-to-azure', but runs/evil/state/state.json is not a simulated estate's state (")
        warning.contains('siteplan never writes such a record, so it is not taken.')
        and: 'the command it prints runs, and shows who pushed it'
        def command = (warning =~ /see who with `([^`]+)`/)[0][1]
        def proc = new ProcessBuilder('bash', '-c', command).redirectErrorStream(true).start()
        def shown = proc.inputStream.text
        proc.waitFor() == 0
        shown.contains('Author:     Mallory <mallory@example.com>')
        and: 'and the note says the good record replaced the folder'
        err.contains("Note: the state of 'vmware-to-azure' is the one drill run ")
    }
}
