package siteplan.providers.sim

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The simulated estate's ID keys its lock. Two fresh clones of one commit (two CI runners whose first runs come
 * before any state is recorded) must agree on it, so a state folder without an ID gets one made from its state.
 */
class EstateIdSpec extends Specification {
    @TempDir
    Path tmp

    Path folder(String name, String state) {
        Path dir = Files.createDirectories(tmp.resolve(name))
        if (state != null) Files.writeString(dir.resolve('state.json'), state)
        dir
    }

    def "two clones with the same committed state get the same ID; another state, another ID"() {
        expect:
        SimulatedEstate.id(folder('clone-a', '{"vcenters":[]}\n')) == SimulatedEstate.id(folder('clone-b', '{"vcenters":[]}\n'))
        SimulatedEstate.id(folder('clone-a2', '{"vcenters":[]}\n')) != SimulatedEstate.id(folder('other', '{"vaults":[]}\n'))
        SimulatedEstate.id(folder('clone-c', '{"vcenters":[]}\n')) ==~ /sim-[0-9a-f-]{36}/
    }

    def "an ID once written is kept, whatever the state becomes"() {
        given:
        Path dir = folder('estate', '{"vcenters":[]}\n')
        String first = SimulatedEstate.id(dir)

        when:
        Files.writeString(dir.resolve('state.json'), '{"vaults":[]}\n')

        then:
        SimulatedEstate.id(dir) == first
        Files.readString(dir.resolve('estate-id')) == first + '\n'
    }

    def "a folder without a state gets an ID of its own"() {
        expect:
        SimulatedEstate.id(folder('empty-a', null)) != SimulatedEstate.id(folder('empty-b', null))
    }
}
