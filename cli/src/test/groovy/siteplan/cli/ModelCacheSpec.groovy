package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import siteplan.planner.plan.PlanJson
import siteplan.dsl.load.DefinitionLoader
import siteplan.dsl.load.ModelCache

/**
 * A cached model is believed instead of the definition, so no entry may come with a checkout: entries
 * live in the user's cache folder and carry a MAC made with this machine's key.
 */
class ModelCacheSpec extends ExecutorSpecification {

    /** Another definition's model: the example with another retention for its gold policy. */
    DefinitionLoader.Loaded otherModel(Path dir) {
        def other = tmp.resolve('other')
        Files.createDirectories(other)
        Files.list(dir).filter { it.fileName.toString().endsWith('.groovy') }.each { Files.copy(it, other.resolve(it.fileName)) }
        // the scripts its recovery plans name must be there too
        Files.createDirectories(other.resolve('scripts'))
        Files.list(dir.resolve('scripts')).each { Files.copy(it, other.resolve('scripts').resolve(it.fileName)) }
        def protection = other.resolve('protection.groovy')
        assert read(protection).contains('retention 24.hours')
        write(protection, read(protection).replace('retention 24.hours', 'retention 48.hours'))
        DefinitionLoader.load([other.toString()])
    }

    List<String> changesOf(Path dir, String... extra) {
        def plan = tmp.resolve("plan-${System.nanoTime()}.json")
        assert run(*(['plan', dir.toString(), '-out', plan.toString(), '--no-history'] + extra.toList())) in [0, 1]: err
        PlanJson.read(plan).changes().collect { "${it.action().token()} ${it.address()}".toString() }
    }

    def "a model cache file planted in the checkout under the right key is not read"() {
        given: 'what the definition really plans'
        def dir = estate()
        def truth = changesOf(dir, '--no-cache')
        and: 'another definition\'s model, written as a valid entry under this definition\'s key, in the checkout\'s state folder'
        def key = ModelCache.key([dir.toString()])
        def forged = ModelCache.open(tmp.resolve('attacker-cache'), [dir.toString()])
        forged.put(key, otherModel(dir))
        def planted = state(dir).resolve('cache')
        Files.createDirectories(planted)
        Files.walk(tmp.resolve('attacker-cache/models')).filter { Files.isRegularFile(it) }.each { Files.copy(it, planted.resolve(it.fileName)) }
        assert Files.list(planted).count() == 2
        and: 'the forged entry is a valid one where it was made, and believed there it changes the plan'
        forged.get(key).estate() != DefinitionLoader.load([dir.toString()]).estate()
        env.SITEPLAN_CACHE_DIR = tmp.resolve('attacker-cache').toString()
        assert changesOf(dir).contains('update policy.gold')
        env.SITEPLAN_CACHE_DIR = tmp.resolve('user-cache').toString()

        expect:
        changesOf(dir) == truth
        changesOf(dir) == truth // and again, now that a real entry exists
        !truth.contains('update policy.gold')
    }

    def "an entry in the user's cache that this machine did not write, or that was edited, is a miss"() {
        given:
        def dir = estate()
        def truth = changesOf(dir, '--no-cache')
        assert changesOf(dir) == truth // writes this machine's entry
        siteplan.dsl.load.ModelCache.awaitWrites()
        def mine = Files.walk(tmp.resolve('user-cache/models')).filter { Files.isRegularFile(it) }.toList()
        assert mine.size() == 2

        when: 'the entries are replaced by ones made with another key for another model'
        def forged = ModelCache.open(tmp.resolve('attacker-cache'), [dir.toString()])
        forged.put(ModelCache.key([dir.toString()]), otherModel(dir))
        def theirs = Files.walk(tmp.resolve('attacker-cache/models')).filter { Files.isRegularFile(it) }.toList()
        theirs.each { t -> Files.copy(t, mine.find { it.fileName == t.fileName }, java.nio.file.StandardCopyOption.REPLACE_EXISTING) }

        then:
        changesOf(dir) == truth

        when: 'this machine\'s own entry has one byte changed'
        siteplan.dsl.load.ModelCache.awaitWrites()
        def model = Files.walk(tmp.resolve('user-cache/models')).filter { it.fileName.toString().startsWith('model-') }.findFirst().get()
        byte[] bytes = Files.readAllBytes(model)
        bytes[bytes.length - 5] = (byte) (bytes[bytes.length - 5] ^ 1)
        Files.write(model, bytes)

        then:
        changesOf(dir) == truth

        and: 'nothing is ever written under the definition'
        !Files.exists(state(dir).resolve('cache'))
    }
}
