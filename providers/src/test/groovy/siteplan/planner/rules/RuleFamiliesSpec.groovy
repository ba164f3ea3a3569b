package siteplan.planner.rules

import java.nio.file.Files
import siteplan.dsl.load.DefinitionLoader
import siteplan.planner.FailbackMobilityRulesSpec
import siteplan.planner.PlanningSpecification
import siteplan.providers.sim.SimulatedEstate
import spock.lang.Specification

/** Each rule family reads the facts and returns what it found; nothing is written back into the facts. */
class RuleFamiliesSpec extends Specification {

    static Facts facts(String extra = '', Map<String, String> replace = [:]) {
        def dir = Files.createTempDirectory('siteplan-rules')
        try {
            String base = PlanningSpecification.BASE
            replace.each { from, to -> assert base.contains(from); base = base.replace(from, to) }
            Files.writeString(dir.resolve('base.groovy'), base)
            Files.writeString(dir.resolve('extra.groovy'), extra)
            def loaded = DefinitionLoader.load([dir.toString()])
            new Facts(loaded.estate(), SimulatedEstate.create(loaded.estate(), false, null), Profile.load(Profile.DEFAULT), loaded.sources(), PlanningSpecification.TODAY)
        } finally {
            dir.toFile().deleteDir()
        }
    }

    def "on the clean base estate no family finds anything worth a warning"() {
        given:
        def f = facts()

        expect:
        [SourceRules.check(f), ProcessServerRules.check(f), ConfigurationServerRules.check(f), MasterTargetRules.check(f), PolicyRules.check(f),
         MappingRules.check(f), RecoveryPlanRules.check(f), MobilityRules.check(f)].flatten().findAll { it.severity() != Severity.INFO } == []
    }

    def "#family returns #rule for a broken estate, and checking twice returns the same findings"() {
        given:
        def f = facts(extra, replace)

        when:
        List<Finding> first = check(f)

        then:
        first*.rule().contains(rule)
        first.find { it.rule() == rule }.line() > 0
        check(f) == first

        where:
        family                     | rule             | extra                                                                  | replace                                                                | check
        'SourceRules'              | 'SRC-DISK-SIZE'  | PlanningSpecification.winVm('t1', "disk('d') { size 4096.GB }")        | [:]                                                                    | SourceRules.&check
        'ProcessServerRules'       | 'PS-CACHE'       | ''                                                                     | ['cacheDisk 600.GB; osDisk 128.GB': 'cacheDisk 599.GB; osDisk 127.GB'] | ProcessServerRules.&check
        'ConfigurationServerRules' | 'CS-IP'          | ''                                                                     | ["ip '10.0.0.10'": "ip '10.0.0.3'"]                                    | ConfigurationServerRules.&check
        'MasterTargetRules'        | 'MT-SIZE'        | ''                                                                     | ["size 'A4'": "size 'A9'"]                                             | MasterTargetRules.&check
        'FailbackRules'            | 'FB-SNAPSHOTS'   | PlanningSpecification.winVm('t1', 'snapshots 1')                       | FailbackMobilityRulesSpec.FAILBACK                                     | FailbackRules.&check
        'MobilityRules'            | 'MOB-PASSPHRASE' | PlanningSpecification.winVm('t1', "mobility { install 'manual' }")     | ["; passphrase secret('pp')": ""]                                      | MobilityRules.&check
    }
}
