package siteplan.planner

/**
 * Rules name what a finding is about by a typed Address, and the source map is looked up with the same
 * value the definition readers stored: a finding of each rule family therefore carries its file and line.
 */
class FindingPlacesSpec extends PlanningSpecification {
    /** A machine on a network the estate maps nowhere (MAP-NET). */
    static final String DMZ_VM = "machines('lab') { vmwareVm('t1') { os 'windows', 'Windows Server 2012 R2'; tags 'win'; disk('c') { size 10.GB }; nic('n0') { network 'DMZ' } } }\n"

    /** A machine in no protection group (RP-MEMBERS). */
    static final String LONE_VM = "machines('lab') { vmwareVm('lone') { os 'windows', 'Windows Server 2012 R2'; disk('c') { size 10.GB }; nic('n0') { network 'VM Network' } } }\n"

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
        'PolicyRules'              | 'POL-FIELDS'     | ''                                               | ['rpoThreshold 15.minutes': 'rpoThreshold 0.minutes']                       | 'base.groovy'
        'PolicyRules'              | 'POL-MULTIVM'    | ''                                               | ['appConsistentFrequency 60.minutes }': 'appConsistentFrequency 60.minutes; multiVmConsistency true }'] | 'base.groovy'
        'MappingRules'             | 'MAP-NET'        | DMZ_VM                                           | ["    network 'VM Network'\n": "    network 'VM Network'; network 'DMZ'\n"] | 'extra.groovy'
        'RecoveryPlanRules'        | 'RP-MEMBERS'     | LONE_VM + "recoveryPlan('rp') { source 'lab'; target 'dr'; group { machines 'lone' } }" | [:]         | 'extra.groovy'
        'RecoveryPlanRules'        | 'RP-ORDER'       | "recoveryPlan('rp') { source 'lab'; target 'dr'; group { machine 'base01', dependsOn: ['base02'] }; group { machines 'base02' } }" | [:] | 'extra.groovy'
    }
}
