package siteplan.planner

/**
 * Rules name what a finding is about by a typed Address, and the source map is looked up with the same
 * value the definition readers stored: a finding of each rule family therefore carries its file and line.
 */
class FindingPlacesSpec extends PlanningSpecification {

    def "#rule (#family) points at the file and line that declare its subject"() {
        when:
        def found = findings(plan(extra, replace), rule)

        then:
        !found.isEmpty()
        found.every { it.file() != null && it.file().endsWith(file) && it.line() != null && it.line() > 0 }

        where:
        family                     | rule             | extra                                            | replace                                                                     | file
        'SourceRules'              | 'SRC-DISK-SIZE'  | winVm('t1', "disk('d') { size 4096.GB }")        | [:]                                                                         | 'extra.groovy'
        'ProcessServerRules'       | 'PS-CACHE'       | ''                                               | ['cacheDisk 600.GB; osDisk 128.GB': 'cacheDisk 599.GB; osDisk 127.GB']      | 'base.groovy'
        'ConfigurationServerRules' | 'CS-IP'          | ''                                               | ["ip '10.0.0.10'": "ip '10.0.0.3'"]                                         | 'base.groovy'
        'MasterTargetRules'        | 'MT-SIZE'        | ''                                               | ["size 'A4'": "size 'A9'"]                                                  | 'base.groovy'
        'FailbackRules'            | 'FB-SNAPSHOTS'   | winVm('t1', 'snapshots 1')                       | FailbackMobilityRulesSpec.FAILBACK                                          | 'extra.groovy'
        'MobilityRules'            | 'MOB-PASSPHRASE' | winVm('t1', "mobility { install 'manual' }")     | ["; passphrase secret('pp')": ""]                                           | 'base.groovy'
    }
}
