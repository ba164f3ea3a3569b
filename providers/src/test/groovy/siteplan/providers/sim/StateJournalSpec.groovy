package siteplan.providers.sim

import com.fasterxml.jackson.core.JsonProcessingException
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import siteplan.dsl.load.DefinitionLoader
import siteplan.planner.state.DiscoveredState
import siteplan.planner.state.RecoveryVault
import spock.lang.Specification
import spock.lang.TempDir

class StateJournalSpec extends Specification {
    @TempDir Path dir
    def estate = DefinitionLoader.load([SimulatedOperationsSpec.example('vmware-to-azure')]).estate()
    /** The infrastructure-only estate, and the same estate with everything as declared (protected machines, policies, plans). */
    DiscoveredState before = SimulatedEstate.create(estate, false, null)
    DiscoveredState after = SimulatedEstate.create(estate, true, null)

    byte[] journalOf(DiscoveredState from, DiscoveredState to) {
        StateJournal.append(dir, StateJournal.changes(from, to))
        StateJournal.read(dir)
    }

    def "replaying the changes from one state to another over the first gives the second"() {
        when:
        def journal = journalOf(before, after)

        then:
        !StateJournal.changes(before, after).isEmpty()
        StateJournal.replay(before, journal) == after
    }

    def "a state unchanged gives no entries, and no journal leaves the state as it is"() {
        expect:
        StateJournal.changes(after, after).isEmpty()
        StateJournal.read(dir) == null
        StateJournal.replay(before, null).is(before)
    }

    def "replaying twice is safe: each entry says how a thing now is, so a journal over a state that holds it changes nothing"() {
        given:
        def journal = journalOf(before, after)

        expect:
        StateJournal.replay(after, journal) == after
        StateJournal.replay(StateJournal.replay(before, journal), journal) == after
    }

    def "a torn last line, cut off by a kill during the write, was never reported done and is skipped"() {
        given:
        def vault = after.vaults()[0]
        def done = new RecoveryVault.Job('job-1-enable-protection-web01', 'enable-protection', 'web01', 'InProgress', '2026-01-01T00:00:00Z', '2026-01-01T14:00:00Z', null)
        def torn = new RecoveryVault.Job('job-2-enable-protection-web02', 'enable-protection', 'web02', 'InProgress', '2026-01-01T00:00:00Z', '2026-01-01T14:00:00Z', null)
        StateJournal.append(dir, [StateJournal.Entry.job(vault.target(), done)])
        StateJournal.append(dir, [StateJournal.Entry.job(vault.target(), torn)])
        byte[] whole = StateJournal.read(dir)
        byte[] cut = Arrays.copyOf(whole, whole.length - 20) // the second line loses its end and its newline

        when:
        def replayed = StateJournal.replay(after, cut)

        then:
        def jobs = replayed.vault(vault.target()).get().jobs()
        jobs.contains(done)
        !jobs.any { it.id() == torn.id() }
    }

    def "a line that does not parse before the last one is damage, not a kill, and is refused"() {
        given:
        def vault = after.vaults()[0]
        def job = new RecoveryVault.Job('job-1-commit-web01', 'commit', 'web01', 'InProgress', '2026-01-01T00:00:00Z', '2026-01-01T00:02:00Z', null)
        Files.write(dir.resolve(StateJournal.FILE), '{"job":{"id":\n'.getBytes(StandardCharsets.UTF_8))
        StateJournal.append(dir, [StateJournal.Entry.job(vault.target(), job)])

        when:
        StateJournal.replay(after, StateJournal.read(dir))

        then:
        thrown(JsonProcessingException)
    }

    def "a vault keeps the jobs journaled last only, as the simulated operations trim them"() {
        given:
        def vault = after.vaults()[0]
        def jobs = (1..StateJournal.JOBS_KEPT + 3).collect {
            StateJournal.Entry.job(vault.target(), new RecoveryVault.Job("job-$it-commit-web01".toString(), 'commit', 'web01', 'Succeeded', '2026-01-01T00:00:00Z', '2026-01-01T00:02:00Z', null))
        }
        StateJournal.append(dir, jobs)

        when:
        def kept = StateJournal.replay(new DiscoveredState(after.vcenters(), after.vmms(), after.azure(), [vault.withItems(vault.protectedItems(), [])]), StateJournal.read(dir)).vault(vault.target()).get().jobs()

        then:
        kept.size() == StateJournal.JOBS_KEPT
        kept*.id() as Set == (4..StateJournal.JOBS_KEPT + 3).collect { "job-$it-commit-web01".toString() } as Set
    }

    def "clearing removes the journal once state.json holds it"() {
        given:
        journalOf(before, after)

        when:
        StateJournal.clear(dir)

        then:
        StateJournal.read(dir) == null
    }
}
