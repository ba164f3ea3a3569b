package siteplan.planner

import spock.lang.Unroll

/** Policy, protection group, mapping and recovery plan rules, each on both sides. */
class PolicyMappingPlanRulesSpec extends PlanningSpecification {

    /** Two VMM sites replicating GoldCloud1 (New York) to GoldCloud2 (Chicago), with the policy body given. */
    static String vmm(String policy, Map<String, String> replace = [:]) {
        String s = """
vmmSite('ny') {
    vmmServer('VMM-NY') { }
    cloud('GoldCloud1') { server 'VMM-NY'; capacityProfile 'Hyper-V'; hostGroups 'NY' }
    hyperVHost('hv-ny-01') { hostGroup 'NY'; windowsServer '2012 R2' }
    hyperVHost('hv-ny-02') { hostGroup 'NY'; windowsServer '2012 R2' }
    logicalNetwork('LN-NY') { clouds 'GoldCloud1' }
    vmNetwork('VMN-NY') { logicalNetwork 'LN-NY' }
}
vmmSite('chi') {
    vmmServer('VMM-CHI') { }
    cloud('GoldCloud2') { server 'VMM-CHI'; capacityProfile 'Hyper-V'; hostGroups 'CHI' }
    hyperVHost('hv-chi-01') { hostGroup 'CHI'; windowsServer '2012 R2' }
    logicalNetwork('LN-CHI') { clouds 'GoldCloud2' }
    vmNetwork('VMN-CHI') { logicalNetwork 'LN-CHI' }
}
networkMapping 'VMN-NY', to: 'VMN-CHI'
hyperVPolicy('hv') { ${policy} }
protectionGroup('gold-hv') { source 'ny'; target 'chi'; sourceCloud 'GoldCloud1'; targetCloud 'GoldCloud2'; policy 'hv'; tagged 'gold' }
machines('ny') { hyperVVm('sql01') { os 'windows', 'Windows Server 2012 R2'; tags 'gold'; hyperVHost 'hv-ny-01'; cloud 'GoldCloud1'; disk('os') { size 100.GB }; nic('n0') { network 'VMN-NY' } } }
"""
        replace.each { k, v -> assert s.contains(k); s = s.replace(k, v) }
        s
    }

    static final String HV_OK = "copyFrequency 30.seconds; recoveryPoints 4; appConsistentFrequency 2.hours; authentication 'kerberos'; port 8083"

    def "the Hyper-V base is clean too"() {
        expect:
        plan(vmm(HV_OK)).findings()*.render() == []
    }

    @Unroll
    def "POL-HV-COPY: copy every #freq is #verdict"() {
        expect:
        findings(plan(vmm(HV_OK.replace('30.seconds', freq))), 'POL-HV-COPY')*.message() == (ok ? [] : ["policy hv copies every ${shown}; allowed: 30s, 5min, 15min" as String])

        where:
        freq          | ok    | shown
        '30.seconds'  | true  | ''
        '5.minutes'   | true  | ''
        '15.minutes'  | true  | ''
        '10.minutes'  | false | '10min'
        verdict = ok ? 'allowed' : 'refused'
    }

    def "POL-HV-APP: app-consistent every 1-12 hours, less than the recovery points kept"() {
        expect:
        findings(plan(vmm(HV_OK.replace('appConsistentFrequency 2.hours', 'appConsistentFrequency 3.hours'))), 'POL-HV-APP').isEmpty()
        findings(plan(vmm(HV_OK.replace('appConsistentFrequency 2.hours', 'appConsistentFrequency 4.hours'))), 'POL-HV-APP')*.message() ==
                ['policy hv takes app-consistent snapshots every 4h but keeps 4 hours of recovery points; the frequency must be less than that']
        findings(plan(vmm(HV_OK.replace('recoveryPoints 4; appConsistentFrequency 2.hours', 'recoveryPoints 24; appConsistentFrequency 13.hours'))), 'POL-HV-APP')*.message() ==
                ['policy hv takes app-consistent snapshots every 13h; allowed 1h to 12h']
    }

    def "POL-HV-HOSTOS: one Windows Server version under a policy"() {
        expect:
        findings(plan(vmm(HV_OK, ["hyperVHost('hv-ny-02') { hostGroup 'NY'; windowsServer '2012 R2' }": "hyperVHost('hv-ny-02') { hostGroup 'NY'; windowsServer '2012' }"])), 'POL-HV-HOSTOS')*.message() ==
                ['the Hyper-V hosts under policy hv run different Windows Server versions (2012, 2012 R2); use one policy per version']
    }

    def "POL-HV-AUTH: Kerberos needs 2012 R2 hosts and port 8083; certificate uses 8084"() {
        given:
        def old = ["hyperVHost('hv-chi-01') { hostGroup 'CHI'; windowsServer '2012 R2' }": "hyperVHost('hv-chi-01') { hostGroup 'CHI'; windowsServer '2012' }"]

        expect:
        findings(plan(vmm(HV_OK, old)), 'POL-HV-AUTH')*.message() ==
                ['protection group gold-hv uses Kerberos (policy hv), which needs Windows Server 2012 R2 hosts: hv-chi-01 (2012) — use certificate authentication']
        findings(plan(vmm(HV_OK.replace("'kerberos'; port 8083", "'certificate'; port 8084"), old)), 'POL-HV-AUTH').isEmpty()
        findings(plan(vmm(HV_OK.replace("port 8083", "port 8084"))), 'POL-HV-AUTH')*.message() == ['policy hv uses kerberos on port 8084; kerberos uses port 8083']
    }

    def "POL-HV-OFFLINE: offline paths on a file server, not on a Hyper-V host"() {
        given:
        def offline = { String export -> HV_OK + "; initialReplication { method 'offline'; exportPath '${export}'; importPath '\\\\\\\\fs02\\\\in' }" }

        expect:
        findings(plan(vmm(offline('\\\\\\\\fs01\\\\out'))), 'POL-HV-OFFLINE').isEmpty()
        findings(plan(vmm(offline('\\\\\\\\hv-ny-02\\\\out'))), 'POL-HV-OFFLINE')*.message() == ['the offline exportPath \\\\hv-ny-02\\out of policy hv is on Hyper-V host hv-ny-02; use a file server']
    }

    def "MAP-VMM: every cloud has the Hyper-V capacity profile; one server needs two clouds"() {
        expect:
        findings(plan(vmm(HV_OK, ["cloud('GoldCloud2') { server 'VMM-CHI'; capacityProfile 'Hyper-V'": "cloud('GoldCloud2') { server 'VMM-CHI'; capacityProfile 'ESX Server'"])), 'MAP-VMM')*.message() ==
                ['cloud GoldCloud2 has capacity profile ESX Server; Site Recovery needs the Hyper-V capacity profile']
        findings(plan(vmm(HV_OK, ["target 'chi'; sourceCloud 'GoldCloud1'; targetCloud 'GoldCloud2'": "target 'ny'; sourceCloud 'GoldCloud1'; targetCloud 'GoldCloud1'"])), 'MAP-VMM')*.message() ==
                ['protection group gold-hv protects cloud GoldCloud1 into itself; use a second cloud',
                 'protection group gold-hv replicates within site ny, whose VMM server has 1 cloud; replicating to itself needs at least two']
    }

    def "MAP-NET: an unmapped network is a warning, and an error for a machine in a recovery plan"() {
        given:
        def vm = "machines('lab') { vmwareVm('t1') { os 'windows', 'Windows Server 2012 R2'; tags 'win'; disk('c') { size 10.GB }; nic('n0') { network 'DMZ' } } }\n"
        def site = ["    network 'VM Network'\n": "    network 'VM Network'; network 'DMZ'\n"]
        def rp = "recoveryPlan('rp') { source 'lab'; target 'dr'; group { machines 't1' } }"

        expect:
        findings(plan(vm + "networkMapping 'DMZ', to: 'dr-vnet'", site), 'MAP-NET').isEmpty()
        findings(plan(vm, site), 'MAP-NET').collect { it.severity().token() + ': ' + it.message() } ==
                ["warning: network DMZ of t1 (nic n0) is not mapped: after failover the replica is not connected to any network — add: networkMapping 'DMZ', to: '…'"]
        findings(plan(vm + rp, site), 'MAP-NET')*.severity()*.token() == ['error']
    }

    def "MAP-SUBNET: a replica joins the subnet of the same name, else the first subnet"() {
        given:
        def vm = { String subnet -> "machines('lab') { vmwareVm('t1') { os 'windows', 'Windows Server 2012 R2'; tags 'win'; disk('c') { size 10.GB }; nic('n0') { network 'VM Network'; subnet '${subnet}' } } }" }

        expect:
        findings(plan(vm('servers')), 'MAP-SUBNET').isEmpty()
        findings(plan(vm('backend')), 'MAP-SUBNET')*.message() == ['nic n0 of t1 is on subnet backend, which dr-vnet does not have: after failover it joins the first subnet, infra']
    }

    def "MAP-STORAGE: an unmapped classification uses the target host's default location"() {
        expect:
        findings(plan(vmm(HV_OK, ["disk('os') { size 100.GB }": "disk('os') { size 100.GB; storageClassification 'GOLD' }",
                                  "vmNetwork('VMN-NY') { logicalNetwork 'LN-NY' }": "vmNetwork('VMN-NY') { logicalNetwork 'LN-NY' }; storageClassification('GOLD') { }"])), 'MAP-STORAGE')*.message() ==
                ["disk os of sql01 is on GOLD, which maps to no target classification: its replica goes to the target host's default location"]
    }

    def "POL-MULTIVM and PG-CONSISTENT-MT: multi-VM consistency for Windows groups with one master target"() {
        expect:
        findings(plan('', ["appConsistentFrequency 60.minutes }": "appConsistentFrequency 60.minutes; multiVmConsistency true }"]), 'POL-MULTIVM')*.message() ==
                ['protection group lnx uses multi-VM consistency (policy gold) but base02 do not run Windows']
        findings(plan(winVm('t1', "disk('c') { size 10.GB }"), ["appConsistentFrequency 60.minutes }": "appConsistentFrequency 60.minutes; multiVmConsistency true }",
                "processServer 'ps01'; masterTarget 'mt01';": "processServer 'ps01';"]), 'PG-CONSISTENT-MT')*.message() ==
                ["protection group win is multi-VM consistent and must name the one master target its machines use — add: masterTarget 'name'"]
    }

    def "POL-FIELDS: every policy setting is more than zero"() {
        expect:
        findings(plan('', ['rpoThreshold 15.minutes': 'rpoThreshold 0.minutes']), 'POL-FIELDS')*.message() == ['policy gold needs rpoThreshold greater than 0']
    }

    def "RP-MEMBERS: every machine of a plan is protected toward its target"() {
        given:
        def lone = "machines('lab') { vmwareVm('lone') { os 'windows', 'Windows Server 2012 R2'; disk('c') { size 10.GB }; nic('n0') { network 'VM Network' } } }\n"

        expect:
        findings(plan("recoveryPlan('rp') { source 'lab'; target 'dr'; group { machines 'base01' } }"), 'RP-MEMBERS').isEmpty()
        findings(plan(lone + "recoveryPlan('rp') { source 'lab'; target 'dr'; group { machines 'lone' } }"), 'RP-MEMBERS')*.message() ==
                ['lone in recovery plan rp is in no protection group, so it cannot fail over']
    }

    def "RP-ORDER: dependencies point to the same or an earlier group, without cycles"() {
        expect:
        findings(plan("recoveryPlan('rp') { source 'lab'; target 'dr'; group { machines 'base01' }; group { machine 'base02', dependsOn: ['base01'] } }"), 'RP-ORDER').isEmpty()
        findings(plan("recoveryPlan('rp') { source 'lab'; target 'dr'; group { machine 'base01', dependsOn: ['base02'] }; group { machines 'base02' } }"), 'RP-ORDER')*.message() ==
                ['base01 (group 1) depends on base02, which fails over later (group 2) in recovery plan rp']
        findings(plan("recoveryPlan('rp') { source 'lab'; target 'dr'; group { machine 'base01', dependsOn: ['base02']; machine 'base02', dependsOn: ['base01'] } }"), 'RP-ORDER')*.message() ==
                ['recovery plan rp has a dependency cycle: base01 → base02 → base01']
    }

    def "RP-LIMITS: 7 groups and 100 machines at most"() {
        given:
        def groups = { int n -> "recoveryPlan('rp') { source 'lab'; target 'dr'; group { machines 'base01' }; (2..${n}).each { group { machines 'base02' } } }" }

        expect: 'RP-LIMITS counts groups; listing a machine twice is the validator\'s business, so distinct machines are used'
        findings(plan(manyGroups(7)), 'RP-LIMITS').isEmpty()
        findings(plan(manyGroups(8)), 'RP-LIMITS')*.message() == ['recovery plan rp has 8 groups (limit 7)']
    }

    static String manyGroups(int n) {
        def vms = (1..n).collect { "vmwareVm('g${it}') { os 'windows', 'Windows Server 2012 R2'; tags 'win'; disk('c') { size 10.GB }; nic('n0') { network 'VM Network' } }" }.join('\n')
        "machines('lab') {\n${vms}\n}\nrecoveryPlan('rp') { source 'lab'; target 'dr'\n" + (1..n).collect { "group { machines 'g${it}' }" }.join('\n') + "\n}"
    }
}
