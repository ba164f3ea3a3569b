package siteplan.planner

import java.nio.file.Files
import java.nio.file.Path
import java.time.LocalDate
import siteplan.planner.plan.Plan
import siteplan.planner.plan.Planner
import siteplan.planner.rules.Finding
import siteplan.planner.rules.Profile
import siteplan.providers.sim.SimulatedEstate
import siteplan.planner.state.DiscoveredState
import siteplan.dsl.load.DefinitionLoader
import spock.lang.Specification

/**
 * Plans a small estate written in the DSL. The base estate is clean: no change is invalid and no rule
 * finds anything, so each specification adds or replaces only what it is about.
 */
abstract class PlanningSpecification extends Specification {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 21)

    static final String BASE = '''
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
    masterTarget('mt02') { size 'A4'; os 'linux', 'CentOS 6.6'; network 'dr-vnet'; retention { size 1.TB; disks 4 } }
}
replicationPolicy('gold') { rpoThreshold 15.minutes; retention 24.hours; appConsistentFrequency 60.minutes }
networkMapping 'VM Network', to: 'dr-vnet'
protectionGroup('win') { source 'lab'; target 'dr'; policy 'gold'; processServer 'ps01'; masterTarget 'mt01'; storageAccount 'sa1'; pushAccount secret('push'); tagged 'win'; pushAccountStanding 'administrator' }
protectionGroup('lnx') { source 'lab'; target 'dr'; policy 'gold'; processServer 'ps01'; masterTarget 'mt02'; storageAccount 'sa1'; pushAccount secret('push'); tagged 'lnx'; pushAccountStanding 'root' }
machines('lab') {
    vmwareVm('base01') {
        os 'windows', 'Windows Server 2012 R2'; tags 'win'
        disk('c') { size 100.GB; churn 10.GB; iops 50; mount 'C:'; boot true }
        nic('n0') { network 'VM Network' }
    }
    vmwareVm('base02') {
        os 'linux', 'CentOS 6.5'; tags 'lnx'
        disk('root') { size 40.GB; churn 4.GB; iops 40; fileSystem 'ext4' }
        nic('n0') { network 'VM Network' }
    }
}
'''

    /** A Windows VM in group 'win' with the given block body added. */
    static String winVm(String name, String body) {
        """machines('lab') { vmwareVm('${name}') { os 'windows', 'Windows Server 2012 R2'; tags 'win'; nic('n0') { network 'VM Network' }
${body}
} }
"""
    }

    Plan plan(String extra = '', Map<String, String> replace = [:], String profile = Profile.DEFAULT, DiscoveredState discovered = null, boolean allowDestroy = false) {
        Path dir = Files.createTempDirectory('siteplan-spec')
        try {
            String base = BASE
            replace.each { from, to ->
                assert base.contains(from): "the base estate has no '${from}'"
                base = base.replace(from, to)
            }
            Files.writeString(dir.resolve('base.groovy'), base)
            Files.writeString(dir.resolve('extra.groovy'), extra)
            def loaded = DefinitionLoader.load([dir.toString()])
            def state = discovered ?: SimulatedEstate.create(loaded.estate(), false, null)
            Planner.plan([dir.toString()], loaded.estate(), loaded.sources(), state, 'test', Profile.load(profile),
                    new Planner.Options(allowDestroy, TODAY, 'test'))
        } finally {
            dir.toFile().deleteDir()
        }
    }

    /**
     * Plans against a simulated estate made from the definition itself (everything as declared), after
     * `mutate` has edited the state's JSON form: a failover, a grown disk, a stopped service.
     */
    Plan planAgainst(String extra = '', Map<String, String> replace = [:], boolean allowDestroy = false, Closure mutate) {
        Path dir = Files.createTempDirectory('siteplan-spec')
        try {
            String base = BASE
            replace.each { from, to -> assert base.contains(from); base = base.replace(from, to) }
            Files.writeString(dir.resolve('base.groovy'), base)
            Files.writeString(dir.resolve('extra.groovy'), extra)
            def loaded = DefinitionLoader.load([dir.toString()])
            def state = siteplan.model.json.ModelJson.JSON.readValue(siteplan.planner.state.StateFiles.toJson(SimulatedEstate.create(loaded.estate(), true, null)), Map)
            mutate(state)
            def discovered = siteplan.model.json.ModelJson.JSON.convertValue(state, DiscoveredState)
            Planner.plan([dir.toString()], loaded.estate(), loaded.sources(), discovered, 'test', Profile.load(Profile.DEFAULT),
                    new Planner.Options(allowDestroy, TODAY, 'test'))
        } finally {
            dir.toFile().deleteDir()
        }
    }

    static Map item(Map state, String machine) {
        state.vaults.collectMany { it.protectedItems }.find { it.machine == machine }
    }

    static List<String> changed(Plan p) {
        p.changes().findAll { it.action() != siteplan.planner.diff.Action.NO_OP }.collect { "${it.action().symbol()} ${it.address()}" as String }
    }

    static List<Finding> findings(Plan p, String rule) {
        p.findings().findAll { it.rule() == rule }
    }
}
