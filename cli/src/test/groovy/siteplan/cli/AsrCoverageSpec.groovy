package siteplan.cli

import java.nio.file.Files
import java.nio.file.Path
import siteplan.providers.azure.AzureConnection
import siteplan.providers.azure.ArmServer
import siteplan.providers.azure.SiteRecoveryCall
import siteplan.providers.azure.contract.AsrContract
import spock.lang.Specification

/**
 * The contract check covers every Site Recovery call siteplan makes. Run after every other spec (cli's
 * integration-test phase, `mvn verify`), it reads the log every Azure peer of the build appended to
 * (providers/target/asr-contract/exercised.log: each request the provider sent, by operation id,
 * api-version, provider input type and long-running-operation form) and holds it to the provider's list of
 * calls, SiteRecoveryCall: each listed call has a contract operation and was made against the peer at least
 * once; each call made is listed. It also writes the list of calls, with how each was checked, to
 * providers/target/asr-contract/calls.md.
 */
class AsrCoverageSpec extends Specification {
    static final Path LOG = ArmServer.exercisedLog()

    /** The provider's Site Recovery calls in this Maven run (the log outlives a build; each line ends with its run's id). */
    List<List<String>> calls() {
        String build = System.getProperty('siteplan.build', 'local')
        LOG.toFile().readLines().findAll { it.startsWith('provider SiteRecovery ') }.collect { it.tokenize(' ') }.findAll { it.last() == build }
    }

    def "the peers of this build saw the provider's calls"() {
        expect:
        Files.isRegularFile(LOG)
        !calls().isEmpty()
    }

    def "every call the provider lists has an operation in the published contract, and its input type is one that operation takes"() {
        given:
        AsrContract contract = AsrContract.get()

        expect:
        SiteRecoveryCall.values().each { c ->
            def op = contract.operations.find { it.id() == c.operation() }
            assert op != null: "${c} names ${c.operation()}, which ${contract.source} does not have"
            assert op.apiVersion() == AzureConnection.ASR_API
            // A subtype's discriminator value, or a root polymorphic model's own name (which AutoRest and the examples send).
            if (c.input() != '-') assert contract.contract.path('models').fields().any { it.value.path('discriminatorValue').asText() == c.input() || (it.key == c.input() && it.value.path('uberParent').asText() == it.key) }: "${c}: no model of the contract is ${c.input()}"
        }
    }

    def "every listed call was made against the contract peer, and every call made is listed"() {
        given:
        Set<String> made = calls().collect { "${it[2]} ${it[4]}".toString() } as Set
        Set<String> listed = SiteRecoveryCall.values().collect { "${it.operation()} ${it.input()}".toString() } as Set

        expect:
        (listed - made).isEmpty()
        (made - listed).isEmpty()
    }

    def "the provider speaks only the contract's api-version, and its operations were followed in both of Resource Manager's forms"() {
        expect:
        calls().every { it[3] == AzureConnection.ASR_API }
        calls().any { it[5] == 'async' } && calls().any { it[5] == 'location' }
    }

    def "the list of calls is written for the record"() {
        given:
        Map<String, Integer> counts = calls().countBy { "${it[2]} ${it[4]}".toString() }
        StringBuilder md = new StringBuilder('| call | operation id | api-version | provider input | requests seen | checked |\n|---|---|---|---|---|---|\n')
        SiteRecoveryCall.values().each { c ->
            md << "| ${c.what()} | ${c.operation()} | ${AzureConnection.ASR_API} | ${c.input()} | ${counts["${c.operation()} ${c.input()}".toString()] ?: 0} | request and response against ${AsrContract.get().source} |\n"
        }
        Path out = LOG.resolveSibling('calls.md')

        when:
        Files.writeString(out, md.toString())

        then:
        Files.readString(out).count('\n') == SiteRecoveryCall.values().size() + 2
    }
}
