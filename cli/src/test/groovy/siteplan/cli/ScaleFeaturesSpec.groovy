package siteplan.cli

import siteplan.dsl.load.DefinitionLoader
import siteplan.dsl.load.ModelCache

/** What makes large estates fast must not change what they mean: the cache, table(), sim generate. */
class ScaleFeaturesSpec extends CliSpecification {

    def "a cached model is the model: same estate, same plan; any changed input file misses the cache"() {
        given:
        def dir = File.createTempDir()
        def cacheDir = new File(dir, 'cache').toPath()
        def defs = new File(dir, 'defs')
        defs.mkdirs()
        new File(defs, 'estate.groovy').text = new File('examples/failback/estate.groovy').text
        def cache = ModelCache.open(cacheDir, [defs.path])

        when:
        def first = DefinitionLoader.load([defs.path], cache)
        Thread.sleep(300) // the cache is written beside the run
        def second = DefinitionLoader.load([defs.path], cache)

        then:
        second.estate() == first.estate()
        second.digest() == first.digest()
        second.sources().at('machine:crm-db01') == first.sources().at('machine:crm-db01')

        when: 'an input changes'
        new File(defs, 'estate.groovy').text = new File(defs, 'estate.groovy').text.replace("churn 3.GB", "churn 4.GB")
        def third = DefinitionLoader.load([defs.path], cache)

        then:
        third.digest() != first.digest()
        third.estate() != first.estate()

        cleanup:
        dir.deleteDir()
    }

    def "table() reads a CSV inventory beside the definition, and nothing outside it"() {
        given:
        def dir = File.createTempDir()
        new File(dir, 'inventory.csv').text = 'name,gb\nweb01,100\nweb02,200\n'
        new File(dir, 'estate.groovy').text = '''vmwareSite('lab') { network 'VM Network' }
machines('lab') {
    table('inventory.csv').each { row ->
        vmwareVm(row.name) { os 'linux', 'CentOS 6.5'; disk('d') { size row['gb'].toInteger().GB } }
    }
}
'''
        def outside = File.createTempDir()
        new File(outside, 'secret.csv').text = 'name\nCANARY-4411\n'
        def sneaky = File.createTempDir()
        new File(sneaky, 'estate.groovy').text = "println table('${outside.path}/secret.csv')\n"

        expect:
        siteplan('validate', dir.path) == ExitCode.OK
        out.contains('2 machines (2 disks)')
        siteplan('validate', sneaky.path) == ExitCode.INVALID_INPUT
        err.contains("points outside the definition folder")
        !(out + err).contains('CANARY-4411')

        cleanup:
        [dir, outside, sneaky]*.deleteDir()
    }

    def "sim generate writes the same estate in both styles"() {
        given:
        def dir = File.createTempDir()

        when:
        siteplan('sim', 'generate', '--machines', '120', '--files', '3', new File(dir, 'blocks').path)
        siteplan('sim', 'generate', '--machines', '120', '--files', '3', '--style', 'table', new File(dir, 'table').path)

        then:
        DefinitionLoader.load([new File(dir, 'blocks').path]).estate() == DefinitionLoader.load([new File(dir, 'table').path]).estate()
        siteplan('validate', new File(dir, 'blocks').path) == ExitCode.OK
        out.contains('120 machines (480 disks), 3 Azure targets, 3 VMware sites, 3 policies, 12 protection groups')

        cleanup:
        dir.deleteDir()
    }

    def "the definition digest depends on content only, not on where the files are"() {
        given:
        def a = File.createTempDir()
        def b = File.createTempDir()
        [a, b].each { new File(it, 'estate.groovy').text = new File('examples/failback/estate.groovy').text }

        expect:
        ModelCache.key([a.path]) == ModelCache.key([b.path])

        when:
        new File(b, 'estate.groovy').append('\n// a comment is a change\n')

        then:
        ModelCache.key([a.path]) != ModelCache.key([b.path])

        cleanup:
        [a, b]*.deleteDir()
    }
}
