package siteplan.validate

import java.nio.file.Files
import java.nio.file.Path
import siteplan.diag.InvalidDefinitionException
import siteplan.dsl.load.DefinitionLoader
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A vault holds one architecture, and what a definition declares must be of it: a modernized vault's groups name a
 * replication appliance and take a policy of the modernized form; a classic vault's take process servers, master
 * targets and the classic form. Each mismatch is refused with file, line and what to write instead.
 */
class ArchitectureValidationSpec extends Specification {
    @TempDir
    Path dir

    static final String ESTATE = '''
azure('dr') {
    subscription 'sub-1'; region 'westeurope'; resourceGroup 'rg'; vault 'vault'
    architecture 'modernized'
    storageAccount('log1') { replication 'lrs' }
    network('dr-vnet') { addressSpace '10.0.0.0/16'; subnet 'servers', '10.0.1.0/24' }
}
vmwareSite('lab') {
    vcenter('vc01') { version '8.0' }
    datastore('ds01') { type 'vmfs' }
    network 'VM Network'
    replicationAppliance('app01') { vcpu 16; memory 32.GB; cacheDisk 1.TB; network 'VM Network' }
    processServer('ps01') { vcpu 8 }
}
replicationPolicy('gold') { recoveryPointHistory 3.days }
replicationPolicy('classic') { rpoThreshold 15.minutes; retention 24.hours; appConsistentFrequency 1.hours }
protectionGroup('win') { source 'lab'; target 'dr'; policy 'gold'; appliance 'app01'; targetNetwork 'dr-vnet'; targetSubnet 'servers'; logStorageAccount 'log1'; tagged 'win' }
machines('lab') { vmwareVm('m1') { os 'windows', 'Windows Server 2022'; tags 'win'; disk('c') { size 100.GB } } }
'''

    List<String> problems(Map<String, String> replace = [:], String extra = '') {
        String text = ESTATE
        replace.each { from, to -> assert text.contains(from); text = text.replace(from, to) }
        Files.writeString(dir.resolve('estate.groovy'), text + extra)
        try {
            DefinitionLoader.load([dir.toString()])
            return []
        } catch (InvalidDefinitionException e) {
            return e.problems()*.message()
        }
    }

    def "the modernized estate as written is valid"() {
        expect:
        problems() == []
    }

    def "#what"() {
        expect:
        problems(replace).any { it.contains(message) }

        where:
        what                                                       | replace                                                                      || message
        'a modernized group needs its appliance'                   | ["appliance 'app01'; ": '']                                                  || "needs the replication appliance that carries it — add: appliance 'app01'"
        'an appliance the site does not have is named as such'     | ["appliance 'app01'; ": "appliance 'app09'; "]                               || "replication appliance 'app09'"
        'a modernized group takes no process server'               | ["appliance 'app01'; ": "appliance 'app01'; processServer 'ps01'; "]         || "sets processServer, but target 'dr' is modernized"
        'a modernized group takes a policy of the modernized form' | ["policy 'gold'": "policy 'classic'"]                                         || "uses policy 'classic' of the classic form, but target 'dr' is modernized"
        'a classic vault takes no appliance'                       | ["    architecture 'modernized'\n": '']                                       || "which belong to the modernized architecture, but target 'dr' is classic"
        'a subnet without its network'                             | ["targetNetwork 'dr-vnet'; ": '']                                             || "sets targetSubnet 'servers' without targetNetwork"
        'a log storage account the vault does not have'            | ["logStorageAccount 'log1'": "logStorageAccount 'log9'"]                      || "storage account 'log9'"
        'an appliance discovering another vCenter'                 | ["network 'VM Network' }\n    processServer": "network 'VM Network'; vcenter 'vc09' }\n    processServer"] || "vcenter 'vc09'"
    }

    def "a group logs through another target's storage account of the vault's region: a machine moved from a classic vault keeps its account (MOVE-LOG)"() {
        given:
        String classic = "azure('old') { subscription 'sub-1'; region '${region}'; resourceGroup 'rg-old'; vault 'old-vault'; storageAccount('cache01') { replication 'grs' } }\n"

        expect:
        problems(["logStorageAccount 'log1'": "logStorageAccount 'cache01'"], classic).findAll { it.contains('cache01') } == expected

        where:
        region       || expected
        'westeurope' || []
        'northeurope' || ["protection group 'win' logs through storage account 'cache01' of target 'old' in northeurope, but its target 'dr' is in westeurope"
                                  + " — Site Recovery caches logs in an account of the vault's region; declare one in azure('dr') and name it"]
    }

    def "a storage account name is declared once in the estate: Azure's account names are unique across Azure"() {
        when:
        def found = problems([:], "azure('old') { subscription 'sub-1'; region 'westeurope'; resourceGroup 'rg-old'; vault 'old-vault'; storageAccount('log1') { replication 'grs' } }\n")

        then:
        found.size() == 1
        found[0] ==~ /storage account 'log1' is declared in azure\('dr'\) \(.*estate.groovy, line 5\) and in azure\('old'\), in another resource group — storage account names are unique across Azure.*/
    }

    def "two targets of one subscription and resource group declare the same storage account: no error"() {
        expect:
        problems([:], "azure('old') { subscription 'sub-1'; region 'westeurope'; resourceGroup 'rg'; vault 'old-vault'; storageAccount('log1') { replication 'lrs' } }\n") == []
    }

    def "one account declared by two targets must be declared the same way: it is one account"() {
        when:
        def found = problems([:], "azure('old') { subscription 'sub-1'; region 'westeurope'; resourceGroup 'rg'; vault 'old-vault'; storageAccount('log1') { replication 'grs' } }\n")

        then:
        found.size() == 1
        found[0] ==~ /storage account 'log1' is declared in azure\('dr'\) \(.*estate.groovy, line 5\) and in azure\('old'\) as grs in westeurope, and first as lrs in westeurope — it is one account: declare it the same way in both, or once/
    }

    def "a log storage account no target of the region declares is named with the accounts it could be"() {
        expect:
        problems(["logStorageAccount 'log1'": "logStorageAccount 'cache02'"],
                "azure('old') { subscription 'sub-1'; region 'westeurope'; resourceGroup 'rg-old'; vault 'old-vault'; storageAccount('cache01') { replication 'grs' } }\n")
                .any { it.contains("uses storage account 'cache02', which is never declared — did you mean 'cache01'?") }
    }

    def "a policy has one form: the modernized form mixed with the classic one is refused (POL-FORM)"() {
        expect:
        problems(["recoveryPointHistory 3.days": "recoveryPointHistory 3.days; retention 24.hours"]).any {
            it.contains("replication policy 'gold' mixes retention (classic form) with recoveryPointHistory (modernized form) — a policy has one form (POL-FORM)")
        }
    }

    def "a YAML policy of neither complete form is refused with the schema's errors, in one round (POL-FIELDS)"() {
        given:
        Files.writeString(dir.resolve('estate.yaml'), '''
replicationPolicies:
- name: half
  rpoThreshold: 15min
''')

        when:
        DefinitionLoader.load([dir.resolve('estate.yaml').toString()])

        then:
        def e = thrown(InvalidDefinitionException)
        e.problems()*.message().containsAll(["/replicationPolicies/0: 'retention' is required here and missing", "/replicationPolicies/0: 'appConsistentFrequency' is required here and missing"])
    }
}
