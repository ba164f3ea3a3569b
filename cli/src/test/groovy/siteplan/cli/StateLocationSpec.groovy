package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path

/**
 * One rule for where the simulated estate's state lives, for every command: --state DIR, else .siteplan
 * in the definition's folder (the working directory for a command given no PATH). And a saved plan is
 * applied only to the estate it was made against, whichever state apply's own flags find.
 */
class StateLocationSpec extends ExecutorSpecification {
    Path work

    def setup() {
        work = Files.createDirectories(tmp.resolve('work'))
    }

    int inWork(String... args) {
        Process p = start(work, [:], args)
        int code = await(p)
        out = Files.readString(Files.list(work).filter { it.fileName.toString().startsWith('out-') }.sorted().toList().last())
        code
    }

    def "sim init PATH writes the state where plan PATH reads it: in the definition's folder, not the working directory"() {
        given:
        Path defn = estate('failback')
        Files.move(defn, work.resolve('failback'))
        Files.delete(work.resolve('failback/.siteplan/state.json'))

        when:
        int init = inWork('sim', 'init', 'failback')

        then:
        init == 0
        out.contains('Created a simulated estate in failback/.siteplan:')
        Files.exists(work.resolve('failback/.siteplan/state.json'))
        !Files.exists(work.resolve('.siteplan'))

        when:
        int plan = inWork('plan', 'failback/estate.groovy')

        then:
        plan == 0
        out.contains('against simulated estate in failback/.siteplan')
    }

    def "with a state committed beside the definition, sim init --force replaces that one"() {
        given:
        Path defn = estate('vmware-to-azure')
        Files.move(defn, work.resolve('vmware-to-azure'))
        String committed = Files.readString(work.resolve('vmware-to-azure/.siteplan/state.json'))

        when:
        int init = inWork('sim', 'init', 'vmware-to-azure', '--from-model', '--force')

        then:
        init == 0
        Files.readString(work.resolve('vmware-to-azure/.siteplan/state.json')) != committed
        !Files.exists(work.resolve('.siteplan'))
    }

    def "without a state beside the definition, plan says so and names a sim init that writes it there"() {
        given:
        Path defn = estate('failback')
        Files.move(defn, work.resolve('failback'))
        Files.delete(work.resolve('failback/.siteplan/state.json'))
        Files.createDirectories(work.resolve('.siteplan'))

        when:
        int code = inWork('plan', 'failback')

        then:
        code == ExitCode.INVALID_INPUT
        out.contains('no simulated estate in failback/.siteplan')
    }

    def "every command's --state help states the same rule"() {
        given: 'help text compared without its line breaks (picocli wraps it to the terminal)'
        String rule = "State folder of the simulated estate (default: .siteplan in the definition's folder: PATH, or the folder of the file PATH;" +
                " the working directory when a command is given no PATH).".replaceAll(/\s+/, '')

        expect:
        [['plan'], ['apply'], ['drill'], ['failover'], ['commit'], ['reprotect'], ['failback'], ['discover'], ['history'], ['history', 'show'], ['force-unlock'], ['sim', 'init']].every { cmd ->
            siteplan(*(cmd + ['--help'])) == 0 && out.replaceAll(/\s+/, '').contains(rule.replaceAll(/\s+/, ''))
        }
    }

    def "a plan saved against --state A is not applied to the state beside the definition: refused, naming both, with the apply that works"() {
        given:
        Path defn = estate('vmware-to-azure')
        Files.move(defn, work.resolve('vmware-to-azure'))
        inWork('sim', 'init', 'vmware-to-azure', '--state', 'A')
        inWork('plan', 'vmware-to-azure', '--state', 'A', '-out', 'p.json')
        String beside = Files.readString(work.resolve('vmware-to-azure/.siteplan/state.json'))

        when:
        int code = inWork('apply', 'p.json', '--auto-approve')

        then:
        code == ExitCode.INVALID_INPUT
        out.trim() == "siteplan: the plan p.json was made against the simulated estate in A, and this apply reads the simulated estate in vmware-to-azure/.siteplan" +
                " (apply finds the estate from its own --state, else from the definition's folder, never from the plan). Nothing was changed;" +
                " apply it to the estate it was made against: siteplan apply p.json vmware-to-azure --state A — or plan again against this one."
        Files.readString(work.resolve('vmware-to-azure/.siteplan/state.json')) == beside

        when:
        int again = inWork('apply', 'p.json', 'vmware-to-azure', '--state', 'A')

        then:
        again == 0
        Files.readString(work.resolve('vmware-to-azure/.siteplan/state.json')) == beside
    }
}
