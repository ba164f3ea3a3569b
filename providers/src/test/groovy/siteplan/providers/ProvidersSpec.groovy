package siteplan.providers

import java.nio.file.Path
import siteplan.dsl.load.DefinitionLoader
import siteplan.planner.state.StateFiles
import siteplan.providers.sim.SimulatedOperations
import siteplan.providers.sim.SimulatedOperationsSpec
import spock.lang.Specification
import spock.lang.TempDir

class ProvidersSpec extends Specification {
    @TempDir Path dir
    def estate = DefinitionLoader.load([SimulatedOperationsSpec.example('vmware-to-azure')]).estate()

    def "an estate with no target saying provider 'azure' is operated on by the simulated estate in its state folder"() {
        given:
        StateFiles.write(dir.resolve('state.json'), Providers.simulator().create(estate, false, null))

        when:
        def ops = Providers.of(dir, [SITEPLAN_SIM_SPEED: '1000']).operations(estate)

        then:
        ops instanceof SimulatedOperations
        ops.describe() == "simulated estate in $dir".toString()
        ops.jobs().clock().simulated()
        ops.jobs().clock().pace() == Optional.of('simulated clock at 1000x')

        cleanup:
        ops?.close()
    }

    def "a simulation speed that is no number, or below 1, is refused with a message a user can act on"() {
        when:
        Providers.of(dir, [SITEPLAN_SIM_SPEED: speed]).checkSettings()

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "SITEPLAN_SIM_SPEED must be a number of at least 1 (simulated seconds per real second), not '$speed'".toString()

        where:
        speed << ['fast', '0.5']
    }

    def "no simulation speed, or a number of at least 1, is accepted"() {
        when:
        Providers.of(dir, env).checkSettings()

        then:
        noExceptionThrown()

        where:
        env << [[:], [SITEPLAN_SIM_SPEED: '1'], [SITEPLAN_SIM_SPEED: '500000']]
    }

    def "the simulator makes a state folder's estate: infrastructure only, everything as declared, or part of the machines protected"() {
        when:
        def bare = Providers.simulator().create(estate, false, null)
        def declared = Providers.simulator().create(estate, true, null)

        then:
        bare.vaults().every { it.protectedItems().isEmpty() }
        !declared.vaults().every { it.protectedItems().isEmpty() }
    }

    def "a state folder keeps one estate ID, asked for as often as wanted"() {
        given:
        StateFiles.write(dir.resolve('state.json'), Providers.simulator().create(estate, false, null))

        expect:
        Providers.of(dir, [:]).simulatedEstateId() == Providers.of(dir, [:]).simulatedEstateId()
    }

    def "a state folder with no faults file has no faults problem"() {
        expect:
        Providers.of(dir, [:]).faultsProblem().isEmpty()
    }
}
