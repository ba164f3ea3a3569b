package siteplan.planner

import java.nio.file.Files
import java.nio.file.Path
import siteplan.dsl.load.DefinitionLoader
import siteplan.planner.plan.Plan
import siteplan.planner.plan.Planner
import siteplan.planner.rules.Finding
import siteplan.planner.rules.Profile
import siteplan.planner.rules.Profiles
import siteplan.planner.state.DiscoveredState
import siteplan.providers.sim.SimulatedEstate
import spock.lang.Specification

/**
 * The modernized architecture (replication appliance, InMageRcm) beside the classic one: a vault's architecture picks
 * its profile (classic → asr-2015, modernized → asr-2026), the same machines get the limits and actions of the
 * architecture that protects them, and every asr-2026 rule holds on both sides of its limit.
 */
class ModernizedArchitectureSpec extends Specification {

    /** The vault and site of each architecture; the machines below are the same for both. */
    static final Map<String, String> SITES = [
            classic   : '''
azure('dr') {
    subscription 'sub-1'; region 'westeurope'; resourceGroup 'rg'; vault 'vault'
    storageAccount('sa1') { replication 'grs' }
    network('dr-vnet') { addressSpace '10.0.0.0/16'; subnet 'infra', '10.0.0.0/24'; subnet 'servers', '10.0.1.0/24' }
}
vmwareSite('lab') {
    vcenter('vc01') { version '5.5'; credential secret('vc') }
    host('esx01') { version '5.5'; edition 'enterprise' }
    datastore('ds01') { type 'vmfs' }
    network 'VM Network'
    configurationServer('cs01') { location 'azure'; network 'dr-vnet'; subnet 'infra'; ip '10.0.0.10'; passphrase secret('pp') }
    processServer('ps01') { vcpu 12; memory 8.GB; cacheDisk 600.GB; osDisk 128.GB; uplink 100.Mbps; network 'VM Network'; vsphereCli '5.5.0' }
    masterTarget('mt01') { size 'D14'; os 'windows', 'Windows Server 2012 R2'; network 'dr-vnet'; retention { size 2.TB; disks 8 } }
}
replicationPolicy('gold') { rpoThreshold 15.minutes; retention 24.hours; appConsistentFrequency 60.minutes }
networkMapping 'VM Network', to: 'dr-vnet'
protectionGroup('win') { source 'lab'; target 'dr'; policy 'gold'; processServer 'ps01'; masterTarget 'mt01'; storageAccount 'sa1'; pushAccount secret('push'); tagged 'win'; pushAccountStanding 'administrator' }
''',
            modernized: '''
azure('dr') {
    subscription 'sub-1'; region 'westeurope'; resourceGroup 'rg'; vault 'vault'
    architecture 'modernized'
    storageAccount('log1') { replication 'lrs' }
    network('dr-vnet') { addressSpace '10.0.0.0/16'; subnet 'servers', '10.0.1.0/24' }
}
vmwareSite('lab') {
    vcenter('vc01') { version '8.0'; credential secret('vc') }
    host('esx01') { version '8.0'; edition 'enterprise' }
    datastore('ds01') { type 'vmfs' }
    network 'VM Network'
    replicationAppliance('app01') { vcpu 16; memory 32.GB; cacheDisk 1.TB; network 'VM Network' }
    replicationAppliance('app02') { vcpu 8; memory 16.GB; cacheDisk 620.GB; network 'VM Network' }
}
replicationPolicy('gold') { recoveryPointHistory 3.days; appConsistentFrequency 4.hours }
protectionGroup('win') { source 'lab'; target 'dr'; policy 'gold'; appliance 'app01'; targetResourceGroup 'rg-dr'; targetNetwork 'dr-vnet'; targetSubnet 'servers'; logStorageAccount 'log1'; diskType 'premium-lrs'; tagged 'win' }
''']

    /** A Windows server both architectures protect (Windows Server 2012 R2 is in both profiles' lists). */
    static String machine(String name, String body = '') {
        """machines('lab') { vmwareVm('${name}') {
    os 'windows', 'Windows Server 2012 R2'; tags 'win'; esxiHost 'esx01'; datastore 'ds01'
    disk('c') { size 127.GB; churn 5.GB; iops 40; mount 'C:'; boot true }
    nic('n0') { network 'VM Network' }
    ${body}
} }
"""
    }

    static Plan plan(String architecture, String machines, Map<String, String> replace = [:], Closure mutate = null) {
        Path dir = Files.createTempDirectory('siteplan-arch')
        try {
            String site = SITES[architecture]
            replace.each { from, to -> assert site.contains(from): "the ${architecture} site has no '${from}'"; site = site.replace(from, to) }
            Files.writeString(dir.resolve('site.groovy'), site)
            Files.writeString(dir.resolve('machines.groovy'), machines)
            def loaded = DefinitionLoader.load([dir.toString()])
            DiscoveredState discovered = SimulatedEstate.create(loaded.estate(), true, null)
            if (mutate != null) {
                def state = siteplan.model.json.ModelJson.JSON.readValue(siteplan.planner.state.StateFiles.toJson(discovered), Map)
                mutate(state)
                discovered = siteplan.model.json.ModelJson.JSON.convertValue(state, DiscoveredState)
            }
            Planner.plan([dir.toString()], loaded.estate(), loaded.sources(), discovered, 'test', Profiles.bundled(),
                    new Planner.Options(false, PlanningSpecification.TODAY, 'test'), new Planner.Digests(null, null), [])
        } finally {
            dir.toFile().deleteDir()
        }
    }

    static List<String> rules(Plan p) {
        p.findings().findAll { it.severity() != siteplan.planner.rules.Severity.INFO }*.rule().unique().sort()
    }

    static List<Finding> findings(Plan p, String rule) {
        p.findings().findAll { it.rule() == rule }
    }

    /** The machine's disk in the discovered state shrunk to the given size: as if it had been protected smaller. */
    static Closure protectedAt(String machine, String disk, String size) {
        return { Map state ->
            def item = state.vaults.collectMany { it.protectedItems }.find { it.machine == machine }
            item.disks.find { it.name == disk }.size = size
        }
    }

    def "a vault's architecture picks its profile, and the plan says which"() {
        expect:
        plan('classic', machine('web01')).profile() == 'asr-2015'
        plan('modernized', machine('web01')).profile() == 'asr-2026'
        plan('modernized', machine('web01')).findings().findAll { it.severity() != siteplan.planner.rules.Severity.INFO } == []
        plan('classic', machine('web01')).findings().findAll { it.severity() != siteplan.planner.rules.Severity.INFO } == []
    }

    def "the same machine under both architectures: #what"() {
        when:
        Plan classic = plan('classic', machine('srv01', body), [:], mutate)
        Plan modernized = plan('modernized', machine('srv01', body), [:], mutate)

        then: 'what asr-2015 finds and plans'
        rules(classic) == classicRules
        classic.changes().find { it.address() == 'protection.srv01' }.action().symbol() == classicAction

        and: 'what asr-2026 finds and plans for the same machine'
        rules(modernized) == modernizedRules
        modernized.changes().find { it.address() == 'protection.srv01' }.action().symbol() == modernizedAction

        where:
        what                                   | body                                                             | mutate                             || classicRules         | classicAction | modernizedRules | modernizedAction
        'a 1.5 TB data disk'                   | "disk('d') { size 1500.GB; churn 20.GB; iops 80 }"               | null                               || ['SRC-DISK-SIZE']    | ' '           | []              | ' '
        'a 32 TB data disk'                    | "disk('d') { size 32767.GB; churn 20.GB; iops 80 }"              | null                               || ['SRC-DISK-SIZE', 'SRC-TOTAL-SIZE'] | ' ' | []       | ' '
        'UEFI with Secure Boot off'            | "firmware 'uefi'"                                                | null                               || ['SRC-UNSUPPORTED']  | ' '           | []              | ' '
        'UEFI with Secure Boot on'             | "firmware 'uefi-secure-boot'"                                    | null                               || ['SRC-UNSUPPORTED']  | ' '           | ['RCM-UEFI']    | ' '
        'a dynamic data disk'                  | "disk('d') { size 100.GB; churn 2.GB; dynamic true }"            | null                               || ['SRC-UNSUPPORTED']  | ' '           | []              | ' '
        'a grown data disk (100 GB → 200 GB)'  | "disk('d') { size 200.GB; churn 2.GB; iops 40 }"                 | protectedAt('srv01', 'd', '100GB') || []                   | '~>'          | []              | '~'
        'a shrunk data disk (200 GB → 100 GB)' | "disk('d') { size 100.GB; churn 2.GB; iops 40 }"                 | protectedAt('srv01', 'd', '200GB') || []                   | '~>'          | ['RCM-RESIZE']  | '~'
    }

    def "an added disk is still protected again under asr-2026, with the reason why"() {
        when:
        Plan p = plan('modernized', machine('srv01', "disk('d') { size 100.GB; churn 2.GB }"), [:]) { Map state ->
            def item = state.vaults.collectMany { it.protectedItems }.find { it.machine == 'srv01' }
            item.disks.removeIf { it.name == 'd' }
        }
        def c = p.changes().find { it.address() == 'protection.srv01' }

        then:
        c.action().symbol() == '~>'
        c.reason().contains('RCM-RESIZE')
    }

    def "SRC-DISK-SIZE under asr-2026: 32 TB to a managed disk passes, one gigabyte more does not"() {
        expect:
        findings(plan('modernized', machine('srv01', "disk('d') { size ${gb}.GB }")), 'SRC-DISK-SIZE').size() == count

        where:
        gb    || count
        32767 || 0
        32768 || 1
    }

    def "SRC-DISK-COUNT under asr-2026: 64 data disks and the OS disk pass, 65 data disks do not"() {
        expect:
        findings(plan('modernized', machine('srv01', (1..n).collect { "disk('d${it}') { size 10.GB }" }.join('\n'))), 'SRC-DISK-COUNT').size() == count

        where:
        n  || count
        64 || 0
        65 || 1
    }

    def "RCM-OS-DISK: an OS disk of #size on a #firmware machine (generation #gen) #verdict"() {
        given:
        String m = """machines('lab') { vmwareVm('srv01') {
    os 'windows', 'Windows Server 2022'; tags 'win'; firmware '${firmware}'
    disk('c') { size ${size}; boot true; mount 'C:' }
    nic('n0') { network 'VM Network' }
} }
"""
        expect:
        findings(plan('modernized', m), 'RCM-OS-DISK').size() == count

        where:
        firmware | size        | gen || count
        'bios'   | '2048.GB'   | 1   || 0
        'bios'   | '2049.GB'   | 1   || 1
        'uefi'   | '4095.GB'   | 2   || 0
        'uefi'   | '4096.GB'   | 2   || 1
        verdict = count == 0 ? 'passes' : 'is refused'
    }

    def "SRC-DISK-CHURN under asr-2026: a #type replica disk of #size takes #limit a day at #writes writes"() {
        given:
        String m = """machines('lab') { vmwareVm('srv01') {
    os 'windows', 'Windows Server 2022'; tags 'win'
    disk('c') { size 127.GB; boot true; mount 'C:' }
    disk('d') { size ${size}; churn ${churn}; writeSize ${writes} }
    nic('n0') { network 'VM Network' }
} }
"""
        expect:
        findings(plan('modernized', m, ["diskType 'premium-lrs'": "diskType '${type}'"]), 'SRC-DISK-CHURN').size() == count

        where:
        type           | size       | writes   | churn      | limit      || count
        'standard-lrs' | '500.GB'   | '8.KB'   | '168.GB'   | '168 GB'   || 0
        'standard-lrs' | '500.GB'   | '8.KB'   | '169.GB'   | '168 GB'   || 1
        'premium-lrs'  | '256.GB'   | '16.KB'  | '336.GB'   | '336 GB'   || 0
        'premium-lrs'  | '256.GB'   | '16.KB'  | '337.GB'   | '336 GB'   || 1
        'premium-lrs'  | '1024.GB'  | '16.KB'  | '1684.GB'  | '1684 GB'  || 0
        'premium-lrs'  | '1024.GB'  | '16.KB'  | '1685.GB'  | '1684 GB'  || 1
    }

    def "SRC-CHURN under asr-2026: a machine's churn averaging above the 54 MB/s peak is refused"() {
        expect:
        findings(plan('modernized', machine('srv01', "disk('d') { size 30.TB; churn ${gb}.GB }"), ["diskType 'premium-lrs'": "diskType 'standardssd-lrs'"]), 'SRC-CHURN').size() == count

        where: '54 MB/s over a day is 4556.25 GB (binary units, as the published per-day figures are; the OS disk adds 5 GB)'
        gb   || count
        4551 || 0
        4552 || 1
    }

    def "RCM-APPLIANCE-MACHINES and RCM-APPLIANCE-CHURN: one appliance carries 200 machines and 2 TB a day"() {
        given:
        String many = (1..n).collect { machine("m${it}", '') }.join('\n').replace("churn 5.GB", "churn ${perMachine}.GB")

        expect:
        rules(plan('modernized', many)).findAll { it.startsWith('RCM-APPLIANCE') } == expected

        where: 'a machine changes perMachine GB a day (its one disk): n × perMachine against 200 machines and 2 TB (2048 GB) a day'
        n   | perMachine || expected
        200 | 5          || []
        201 | 5          || ['RCM-APPLIANCE-MACHINES']
        80  | 25         || []
        82  | 25         || ['RCM-APPLIANCE-CHURN']
    }

    def "RCM-APPLIANCE-SIZE: below the minimum is an error; a busy appliance smaller than the published band a warning"() {
        when:
        Plan small = plan('modernized', machine('srv01'), ["replicationAppliance('app01') { vcpu 16; memory 32.GB": "replicationAppliance('app01') { vcpu 4; memory 8.GB"])
        Plan busy = plan('modernized', (1..151).collect { machine("m${it}") }.join('\n'), ["appliance 'app01'": "appliance 'app02'"])
        Plan quiet = plan('modernized', (1..150).collect { machine("m${it}") }.join('\n'), ["appliance 'app01'": "appliance 'app02'"])

        then:
        findings(small, 'RCM-APPLIANCE-SIZE')*.severity()*.name() == ['ERROR']
        findings(small, 'RCM-APPLIANCE-SIZE')[0].message().contains('4 vCPU (minimum 8), 8 GB memory (minimum 16 GB)')
        findings(busy, 'RCM-APPLIANCE-SIZE')*.severity()*.name() == ['WARNING']
        findings(quiet, 'RCM-APPLIANCE-SIZE') == []
    }

    def "RCM-POLICY-HISTORY: 15 days of points pass, 16 do not; app-consistent points no more often than crash-consistent ones"() {
        expect:
        findings(plan('modernized', machine('srv01'), ['recoveryPointHistory 3.days; appConsistentFrequency 4.hours': policy]), 'RCM-POLICY-HISTORY').size() == count

        where:
        policy                                                                                  || count
        'recoveryPointHistory 15.days; appConsistentFrequency 4.hours'                          || 0
        'recoveryPointHistory 16.days; appConsistentFrequency 4.hours'                          || 1
        'recoveryPointHistory 1.days; crashConsistentFrequency 10.minutes; appConsistentFrequency 10.minutes' || 0
        'recoveryPointHistory 1.days; crashConsistentFrequency 10.minutes; appConsistentFrequency 5.minutes'  || 1
    }

    def "SRC-VMWARE under asr-2026: vCenter 8.0 passes, 5.5 (the seeds' version) does not"() {
        expect:
        findings(plan('modernized', machine('srv01'), ["vcenter('vc01') { version '8.0'": "vcenter('vc01') { version '${version}'"]), 'SRC-VMWARE').size() == count

        where:
        version || count
        '8.0'   || 0
        '6.5'   || 0
        '5.5'   || 1
    }

    def "RCM-FAILBACK-DISKS: machines failing back through one appliance have at most 60 disks"() {
        expect:
        rules(plan('modernized', (1..n).collect { machine("m${it}", "disk('d') { size 10.GB }") }.join('\n'))).contains('RCM-FAILBACK-DISKS') == warned

        where: 'each machine has two disks'
        n  || warned
        30 || false
        31 || true
    }

    /** The machine failed over and committed: running in Azure, on its way back (failback's rules apply). */
    static Closure committed(String machine, Closure more = {}) {
        return { Map state ->
            def item = state.vaults.collectMany { it.protectedItems }.find { it.machine == machine }
            item.state = 'failover-committed'
            item.activeLocation = 'recovery'
            more(state)
        }
    }

    def "RCM-FAILBACK-APPLIANCE and RCM-FAILBACK-DATASTORE: a machine in Azure fails back through a registered, healthy appliance into a datastore vCenter has"() {
        when:
        Plan p = plan('modernized', machine('srv01'), replace, committed('srv01', mutate))

        then:
        rules(p).findAll { it.startsWith('RCM-FAILBACK') } == expected

        where:
        replace                                                                                    | mutate                                                                                      || expected
        [:]                                                                                        | {}                                                                                          || []
        [:]                                                                                        | { Map s -> s.vaults[0].fabrics[0].servers.find { it.name == 'app01' }.health = 'critical' } || ['RCM-FAILBACK-APPLIANCE']
        [:]                                                                                        | { Map s -> s.vaults[0].fabrics[0].servers.removeIf { it.name == 'app01' } }                  || ['RCM-FAILBACK-APPLIANCE']
        [:]                                                                                        | { Map s -> s.vcenters[0].datastores.removeIf { it.name == 'ds01' } }                        || ['RCM-FAILBACK-DATASTORE']
        ["tagged 'win' }": "failbackAppliance 'app02'; failbackDatastore 'ds01'; tagged 'win' }"] | { Map s -> s.vaults[0].fabrics[0].servers.find { it.name == 'app01' }.health = 'critical' } || []
    }

    def "a physical server fails back as a VM: without a failbackDatastore it has none to go to (RCM-FAILBACK-DATASTORE)"() {
        given:
        String physical = """machines('lab') { physicalServer('phy01') {
    os 'windows', 'Windows Server 2022'; tags 'win'
    disk('c') { size 127.GB; boot true; mount 'C:' }
    nic('n0') { network 'VM Network' }
} }
"""
        expect:
        findings(plan('modernized', physical, [:], committed('phy01')), 'RCM-FAILBACK-DATASTORE')*.message() ==
                ["phy01 fails back as a VMware VM and names no datastore to fail back into (a physical server comes back as a VM) — add to protection group win: failbackDatastore '…'"]
        findings(plan('modernized', physical, ["tagged 'win' }": "failbackDatastore 'ds01'; tagged 'win' }"], committed('phy01')), 'RCM-FAILBACK-DATASTORE') == []
    }

    def "SRC-OS under asr-2026: today's systems pass, the seeds' CentOS 6.5 does not"() {
        expect:
        findings(plan('modernized', machine('srv01').replace("'Windows Server 2012 R2'", "'${version}'").replace("os 'windows'", "os '${family}'")), 'SRC-OS').size() == count

        where:
        family    | version                        || count
        'windows' | 'Windows Server 2025'          || 0
        'linux'   | 'Red Hat Enterprise Linux 9.4' || 0
        'linux'   | 'Ubuntu 24.04'                 || 0
        'linux'   | 'CentOS 6.5'                   || 1
    }

    def "MAP-NET in a modernized vault: the group's targetNetwork (or the machine's failover network) is the mapping"() {
        expect:
        findings(plan('modernized', machine('srv01', body), replace), 'MAP-NET').size() == count

        where:
        replace                                                   | body                              || count
        [:]                                                       | ''                                || 0
        ["targetNetwork 'dr-vnet'; targetSubnet 'servers';": ''] | ''                                || 1
        ["targetNetwork 'dr-vnet'; targetSubnet 'servers';": ''] | "failover { network 'dr-vnet' }" || 0
    }

    def "a removed disk is protected again without it, and destructively so under asr-2026 (its recovery points are lost)"() {
        given:
        Closure extraDisk = { Map s -> s.vaults.collectMany { it.protectedItems }.find { it.machine == 'srv01' }.disks << [name: 'd', size: '100GB'] }

        when:
        Plan classic = plan('classic', machine('srv01'), [:], extraDisk)
        Plan modernized = plan('modernized', machine('srv01'), [:], extraDisk)
        def mc = modernized.changes().find { it.address() == 'protection.srv01' }

        then:
        classic.changes().find { it.address() == 'protection.srv01' }.action().symbol() == '~>'
        mc.action().symbol() == '~>'
        mc.destructive()
        mc.fields()*.toString() == ['FieldChange[field=disk d, before=100GB, after=null]']
        rules(modernized) == ['PLAN-DESTROY']
    }

    def "a modernized group's target settings are planned: #what"() {
        given: 'the item as Site Recovery holds it, before the definition changed'
        Closure was = { Map state -> state.vaults.collectMany { it.protectedItems }.find { it.machine == 'srv01' }.with(before) }

        expect:
        plan('modernized', machine('srv01'), [:], was).changes().find { it.address() == 'protection.srv01' }.with { "${it.action().symbol()} ${it.fields()*.field()}" as String } == wanted

        where:
        what                                       | before                                          || wanted
        'a resource group is updated in place'     | { Map i -> i.failover.resourceGroup = 'rg-old' } || '~ [targetResourceGroup]'
        'a subnet is updated in place'             | { Map i -> i.failover.subnet = 'old' }           || '~ [failover.subnet]'
        'a disk type is protected anew (replaced)' | { Map i -> i.failover.diskType = 'standard-lrs' } || '-/+ [diskType]'
        'a log storage account too'                | { Map i -> i.storageAccount = 'oldlog' }         || '-/+ [logStorageAccount]'
    }

    def "one plan over a classic and a modernized vault: each machine gets its architecture's limits, the configuration server counts only its own"() {
        given: 'the classic site and vault, and a second vault of the modernized architecture with an appliance in the same site'
        String site = SITES.classic + """
azure('dr2') {
    subscription 'sub-1'; region 'westeurope'; resourceGroup 'rg'; vault 'vault2'; architecture 'modernized'
    storageAccount('log1') { replication 'lrs' }
    network('dr2-vnet') { addressSpace '10.1.0.0/16'; subnet 'servers', '10.1.1.0/24' }
}
replicationPolicy('rcm') { recoveryPointHistory 1.days }
protectionGroup('moved') { source 'lab'; target 'dr2'; policy 'rcm'; appliance 'app01'; targetNetwork 'dr2-vnet'; logStorageAccount 'log1'; tagged 'moved' }
"""
        site = site.replace("    masterTarget('mt01')", "    replicationAppliance('app01') { vcpu 16; memory 32.GB; cacheDisk 1.TB; network 'VM Network' }\n    masterTarget('mt01')")
        String machines = (1..60).collect { machine("c${it}") }.join('\n') + (1..50).collect { machine("m${it}").replace("tags 'win'", "tags 'moved'") }.join('\n') +
                machine('bigclassic', "disk('d') { size 1500.GB }") + machine('bigmoved', "disk('d') { size 1500.GB }").replace("tags 'win'", "tags 'moved'")
        Path dir = Files.createTempDirectory('siteplan-mixed')
        Files.writeString(dir.resolve('site.groovy'), site)
        Files.writeString(dir.resolve('machines.groovy'), machines)

        when:
        def loaded = DefinitionLoader.load([dir.toString()])
        Plan p = Planner.plan([dir.toString()], loaded.estate(), loaded.sources(), SimulatedEstate.create(loaded.estate(), true, null), 'test', Profiles.bundled(),
                new Planner.Options(false, PlanningSpecification.TODAY, 'test'), new Planner.Digests(null, null), [])

        then: 'both profiles, named in the plan'
        p.profile() == 'asr-2015+asr-2026'

        and: 'a 1.5 TB disk is refused toward the classic vault only'
        findings(p, 'SRC-DISK-SIZE')*.subject() == ['bigclassic']

        and: '61 classic machines on the configuration server, not 112'
        findings(p, 'CS-SOURCES') == []

        cleanup:
        dir?.toFile()?.deleteDir()
    }

    def "a profile given for one architecture replaces only that architecture's"() {
        given:
        Profile classic2017 = Profile.load('asr-2017')

        when:
        Profiles p = Profiles.bundled().with(classic2017)

        then:
        p.classic().name() == 'asr-2017'
        p.modernized().name() == 'asr-2026'
        Profiles.bundled().with(Profile.load('asr-2026')).classic().name() == 'asr-2015'
    }
}
