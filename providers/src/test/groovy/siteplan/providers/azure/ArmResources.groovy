package siteplan.providers.azure

import java.security.MessageDigest
import java.time.Instant
import siteplan.model.AzureTarget
import siteplan.model.Estate
import siteplan.model.MachineKind
import siteplan.planner.state.DiscoveredState
import siteplan.planner.state.ProtectedItem
import siteplan.planner.state.RecoveryVault
import siteplan.units.DataSize
import siteplan.units.Durations

/**
 * The Azure peer's resources, shaped as Site Recovery's published contract (the AutoRest SDK's models,
 * checked by AsrContract on every response) and named as Azure names them (/work/notes/asr-decisions.md):
 * fabrics are 64-hex hashes with friendly names, containers cloud_&lt;guid&gt;, protectable items, networks,
 * storage classifications and jobs GUIDs. Every generated name is deterministic (SHA-256 or a name-based
 * UUID of what it stands for), so specs are repeatable.
 *
 * <p>Seeded from a simulated estate's state (and the estate, for what only the definition knows: VMM
 * server names, VM networks, storage classifications, credentials); created from PUT bodies; changed by
 * the actions of {@link #act}, per the decisions' state table. Written from the contract and the
 * decisions, not from the provider.
 */
class ArmResources {
    static final String AZURE_FABRIC = 'Microsoft Azure'
    static final String TYPE_ITEM = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems'
    static final String TYPE_PROTECTABLE = 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectableItems'
    /** ReplicationProtectedItem.currentScenario when nothing runs (every SPEC example). */
    static final String IDLE_TIME = '1753-01-01T01:01:01Z'

    // ------------------------------------------------------------------ names

    static String rg(AzureTarget t) { "/subscriptions/${t.subscription()}/resourceGroups/${t.resourceGroup()}".toString() }

    static String vault(AzureTarget t) { "${rg(t)}/providers/Microsoft.RecoveryServices/vaults/${t.vault()}".toString() }

    /** 64 lower-case hex chars: SHA-256 of the registering server's host name (decisions: Names). */
    static String hash(String host) {
        MessageDigest.getInstance('SHA-256').digest(host.toLowerCase(Locale.ROOT).getBytes('UTF-8')).encodeHex().toString()
    }

    /** A lower-case GUID that is always the same for the same kind and name. */
    static String guid(String kind, String name) { UUID.nameUUIDFromBytes("${kind}:${name}".toString().getBytes('UTF-8')).toString() }

    /** The fabric a server registered: its name is the hash of the host name. */
    static String fabric(AzureTarget t, String host) { "${vault(t)}/replicationFabrics/${hash(host)}".toString() }

    static String azureFabric(AzureTarget t) { fabric(t, AZURE_FABRIC) }

    static String containerName(String friendlyName) { 'cloud_' + guid('container', friendlyName) }

    static String container(AzureTarget t, String host, String friendlyName) { "${fabric(t, host)}/replicationProtectionContainers/${containerName(friendlyName)}".toString() }

    static String processServerId(String name) { guid('process-server', name).toUpperCase(Locale.ROOT) }

    static String masterTargetId(String name) { guid('master-target', name).toUpperCase(Locale.ROOT) }

    static String protectableName(String vm) { guid('vm', vm) }

    static String networkName(String vmNetwork) { guid('network', vmNetwork) }

    static String classificationName(String classification) { guid('storage-classification', classification) }

    /** The host a site's fabric is registered by: the configuration server (VMware), the first VMM server (VMM), else the site's name. */
    static String host(RecoveryVault.Fabric f, Estate estate) {
        if (f.type() == 'vmware') return f.servers().find { it.role() == 'configuration-server' }?.name() ?: f.site()
        estate?.vmmSites()?.find { it.name() == f.site() }?.servers()?.find()?.name() ?: f.site()
    }

    static String vmmHost(String site, Estate estate) { estate?.vmmSites()?.find { it.name() == site }?.servers()?.find()?.name() ?: site }

    static long minutes(String duration) { Durations.parse(duration).toMinutes() }

    static String now() { Instant.now().toString() }

    static Map idleScenario(String vaultId) { [scenarioName: 'None', jobId: "${vaultId}/replicationJobs/None".toString(), startTime: IDLE_TIME] }

    /** The vault id within any id under it. */
    static String vaultOf(String id) {
        String marker = '/providers/microsoft.recoveryservices/vaults/'
        int at = id.toLowerCase().indexOf(marker)
        at < 0 ? null : id.substring(0, at + marker.length()) + id.substring(at + marker.length()).tokenize('/')[0]
    }

    static String rgOf(String id) { id.substring(0, id.toLowerCase().indexOf('/providers/')) }

    // ------------------------------------------------------------------ states (decisions: Protection states)

    static List<String> normalOperations(String provider) {
        if (provider == 'InMageRcmFailback') return ['PlannedFailover', 'DisableProtection'] // a modernized failback is a planned failover only
        provider == 'HyperVReplica2012R2' || provider == 'HyperVReplica2012' ? ['PlannedFailover', 'UnplannedFailover', 'DisableProtection', 'TestFailover']
                : ['UnplannedFailover', 'DisableProtection', 'TestFailover']
    }

    static final Map<String, Map> STATES = [
            protected       : [protectionState: 'Protected', protectionStateDescription: 'Protected'],
            plannedFailover : [protectionState: 'PlannedFailoverCommitRequired', protectionStateDescription: 'Planned failover finished', allowedOperations: ['Commit', 'ChangePit', 'DisableProtection']],
            unplannedFailover: [protectionState: 'UnplannedFailoverCommitPendingStatesBegin', protectionStateDescription: 'Failover completed', allowedOperations: ['Commit', 'ChangePit', 'DisableProtection']],
            committed       : [protectionState: 'PlannedFailoverStatesBegin', protectionStateDescription: 'Planned failover committed', allowedOperations: ['ReverseReplicate', 'DisableProtection']],
    ]

    static void state(Map p, String word) {
        Map s = STATES[word]
        p.protectionState = s.protectionState
        p.protectionStateDescription = s.protectionStateDescription
        p.allowedOperations = s.allowedOperations ? new ArrayList(s.allowedOperations) : normalOperations(p.providerSpecificDetails?.instanceType as String)
        p.testFailoverState = 'None'
        p.testFailoverStateDescription = 'None'
    }

    static String asrHealth(String h) {
        h == null || h == 'healthy' || h == 'normal' ? 'Normal' : h == 'critical' || h == 'error' ? 'Critical' : 'Warning'
    }

    static List<Map> healthErrors(String h, String what) {
        asrHealth(h) == 'Normal' ? [] : [[errorLevel: asrHealth(h) == 'Critical' ? 'Error' : 'Warning', errorSource: what, summaryMessage: "${what} reports ${h}".toString(),
                                          errorMessage: "${what} reports ${h}".toString(), creationTimeUtc: now(), customerResolvability: 'Allowed']]
    }

    // ------------------------------------------------------------------ seeding

    /** Everything the simulated estate holds for target t, as Resource Manager would serve it. */
    static void seed(ArmServer arm, AzureTarget t, DiscoveredState state, Estate estate = null) {
        // What the configuration server knows of each VM's NIC: the port group it is on (VMNicDetails.vMNetworkName).
        estate?.machines()?.each { m -> if (m.nics()) arm.nicNetworks[m.name()] = m.nics()[0].network() }
        arm.put(rg(t), [location: t.region(), type: 'Microsoft.Resources/resourceGroups', properties: [provisioningState: 'Succeeded']])
        state.azure(t.name()).ifPresent { s ->
            s.networks().each { n ->
                arm.put("${rg(t)}/providers/Microsoft.Network/virtualNetworks/${n.name()}".toString(), [location: n.region(), type: 'Microsoft.Network/virtualNetworks',
                        properties: [provisioningState: 'Succeeded', addressSpace: [addressPrefixes: n.addressSpace()],
                                     subnets: n.subnets().collect { String sn -> def (name, prefix) = sn.split('=', 2)
                                         [name: name, id: "${rg(t)}/providers/Microsoft.Network/virtualNetworks/${n.name()}/subnets/${name}".toString(),
                                          properties: [addressPrefix: prefix, provisioningState: 'Succeeded']] }]])
            }
            s.storageAccounts().each { a ->
                arm.put("${rg(t)}/providers/Microsoft.Storage/storageAccounts/${a.name()}".toString(), [location: a.region(), type: 'Microsoft.Storage/storageAccounts',
                        kind: 'StorageV2', sku: [name: 'Standard_' + a.sku().toUpperCase().replace('-', ''), tier: 'Standard'],
                        properties: [provisioningState: 'Succeeded', primaryLocation: a.region()]])
            }
        }
        RecoveryVault v = state.vault(t.name()).orElse(null)
        if (v == null) return
        boolean managed = v.protectedItems().any { it.managed() } || v.policies().any { it.managed() }
        arm.put(vault(t), [location: v.region() ?: t.region(), type: 'Microsoft.RecoveryServices/vaults', sku: [name: 'Standard'],
                           tags: managed ? ['managed-by': 'siteplan'] : [:], properties: [provisioningState: 'Succeeded']])
        v.fabrics().each { f -> seedFabric(arm, t, f, estate) }
        if (v.fabrics().any { it.type() == 'vmware' }) {
            arm.put(azureFabric(t), [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics',
                    properties: [friendlyName: AZURE_FABRIC, internalIdentifier: guid('fabric', AZURE_FABRIC), bcdrState: 'Valid', health: 'Normal', healthErrorDetails: [],
                                 customDetails: [instanceType: 'Azure', location: t.region()]]])
        }
        // What the configuration server discovered in vCenter: the machines protection can be enabled for, with their disks.
        v.fabrics().findAll { RcmResources.modernized(it) }.each { f -> RcmResources.discovery(arm, t, f, state, estate) }
        state.vcenters().each { vc ->
            def f = v.fabric(vc.site()).orElse(null)
            if (f == null || f.type() != 'vmware' || RcmResources.modernized(f)) return
            vc.vms().each { vm ->
                protectable(arm, container(t, host(f, estate), host(f, estate)), vm.name(), [instanceType: 'VMwareVirtualMachine', osType: vm.guestOs()?.toLowerCase()?.contains('windows') ? 'Windows' : 'Linux',
                        ipAddress: vm.nics().find { it.ip() }?.ip(), poweredOn: String.valueOf(vm.powerState() == 'poweredOn'), discoveryType: 'vCenter',
                        agentInstalled: 'No', diskDetails: vm.disks().collect { inMageDisk(it.name(), it.size()) }], ['InMageAzureV2', 'InMage'])
            }
        }
        // Physical servers: the configuration server lists them once their Mobility service or push reaches them.
        estate?.machines()?.findAll { it.kind() == MachineKind.PHYSICAL }?.each { m ->
            def f = v.fabric(m.site()).orElse(null)
            if (f == null || RcmResources.modernized(f)) return
            protectable(arm, container(t, host(f, estate), host(f, estate)), m.name(), [instanceType: 'VMwareVirtualMachine', osType: m.os().name() == 'WINDOWS' ? 'Windows' : 'Linux',
                    ipAddress: m.nics().find { it.ip() }?.ip(), poweredOn: 'true', discoveryType: 'Physical', agentInstalled: m.mobility() ? 'Yes' : 'No',
                    diskDetails: m.disks().collect { inMageDisk(it.name(), it.size()) }], ['InMageAzureV2', 'InMage'])
        }
        // Hyper-V VMs: VMM lists each in its cloud (the estate says which; without it, the site's first cloud).
        v.fabrics().findAll { it.type() == 'vmm' }.each { f ->
            def machines = estate?.machines()?.findAll { it.kind() == MachineKind.HYPERV_VM && it.site() == f.site() }
            if (machines) {
                machines.each { m -> hyperVProtectable(arm, t, f, estate, m.name(), m.cloud() ?: f.protectionContainers().find(), m.disks().collect { [it.name(), it.size()] }) }
            } else {
                state.vmm(f.site()).ifPresent { inv -> inv.vms().each { vm -> hyperVProtectable(arm, t, f, estate, vm.name(), f.protectionContainers().find(), vm.disks().collect { [it.name(), it.size()] }) } }
            }
        }
        v.policies().each { p -> arm.put("${vault(t)}/replicationPolicies/${p.name()}".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationPolicies', properties: policy(p)]) }
        // Site Recovery creates a failback (InMage) policy with each VMware → Azure one (seed 000, FB-POLICY).
        v.policies().findAll { it.kind() == 'vmware-to-azure' }.each { p -> failbackPolicy(arm, vault(t), p.name(), policy(p).providerSpecificDetails as Map) }
        v.policies().findAll { it.kind() == 'vmware-to-azure-modernized' }.each { p -> RcmResources.failbackPolicy(arm, vault(t), p.name(), policy(p).providerSpecificDetails as Map) }
        RcmResources.mappings(arm, t, v, estate)
        // VMM→VMM network mappings (no network mapping exists for VMware sites: decisions, Inputs).
        v.fabrics().findAll { it.type() == 'vmm' }.each { f ->
            v.networkMappings().findAll { siteOfNetwork(estate, it.source()) == f.site() }.each { m ->
                String source = networkId(t, estate, m.source())
                if (source == null || arm.get(source) == null) return
                String target = networkId(t, estate, m.target())
                String targetSite = siteOfNetwork(estate, m.target())
                arm.put("${source}/replicationNetworkMappings/${m.source()}-${m.target()}".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationNetworks/replicationNetworkMappings',
                        properties: [state: 'Paired', primaryNetworkFriendlyName: m.source(), primaryNetworkId: source, primaryFabricFriendlyName: host(f, estate),
                                     recoveryNetworkFriendlyName: m.target(), recoveryNetworkId: target ?: m.target(),
                                     recoveryFabricArmId: targetSite ? fabric(t, vmmHost(targetSite, estate)) : null, recoveryFabricFriendlyName: targetSite ? vmmHost(targetSite, estate) : null,
                                     fabricSpecificSettings: [instanceType: 'VmmToVmm']]])
            }
            v.storageMappings().each { m ->
                String source = "${fabric(t, host(f, estate))}/replicationStorageClassifications/${classificationName(m.source())}".toString()
                if (arm.get(source) == null) return
                String targetSite = estate?.vmmSites()?.find { s -> s.storageClassifications().any { it.name() == m.target() } }?.name()
                arm.put("${source}/replicationStorageClassificationMappings/${m.source()}-${m.target()}".toString(),
                        [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationStorageClassifications/replicationStorageClassificationMappings',
                         properties: [targetStorageClassificationId: "${fabric(t, vmmHost(targetSite ?: m.target(), estate))}/replicationStorageClassifications/${classificationName(m.target())}".toString()]])
            }
        }
        v.protectedItems().each { i -> seedItem(arm, t, v, i, estate) }
        v.recoveryPlans().each { rp ->
            def first = v.protectedItems().find { it.machine() in rp.groups().flatten() }
            def f = first ? v.fabric(first.site()).orElse(null) : null
            String primary = f ? fabric(t, host(f, estate)) : null
            arm.put("${vault(t)}/replicationRecoveryPlans/${rp.name()}".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationRecoveryPlans',
                    properties: [friendlyName: rp.name(), primaryFabricId: primary, primaryFabricFriendlyName: f ? host(f, estate) : null,
                                 recoveryFabricId: f?.type() == 'vmware' ? AZURE_FABRIC : null, recoveryFabricFriendlyName: f?.type() == 'vmware' ? AZURE_FABRIC : null,
                                 failoverDeploymentModel: f?.type() == 'vmware' ? 'ResourceManager' : 'NotApplicable',
                                 currentScenario: idleScenario(vault(t)),
                                 groups: [group('Shutdown', []), group('Failover', [])] + rp.groups().collect { g ->
                                     group('Boot', g.collect { m -> def it = v.protectedItems().find { it.machine() == m }
                                         it ? [id: itemId(t, v, it, estate), virtualMachineId: protectableName(m)] : null }.findAll()) }]])
        }
    }

    static Map group(String type, List items) { [groupType: type, replicationProtectedItems: items, startGroupActions: [], endGroupActions: []] }

    static Map inMageDisk(String name, DataSize size) {
        [diskId: guid('disk', name).toUpperCase(Locale.ROOT), diskName: name, diskSizeInMB: String.valueOf(size.bytes().intdiv(1024 * 1024)), diskType: 'Basic']
    }

    static void protectable(ArmServer arm, String containerId, String vm, Map custom, List<String> providers) {
        arm.put("${containerId}/replicationProtectableItems/${protectableName(vm)}".toString(), [type: TYPE_PROTECTABLE,
                properties: [friendlyName: vm, protectionStatus: 'Unprotected', protectionReadinessErrors: [], supportedReplicationProviders: providers, customDetails: custom]])
    }

    static void hyperVProtectable(ArmServer arm, AzureTarget t, RecoveryVault.Fabric f, Estate estate, String vm, String cloud, List disks) {
        if (cloud == null) return
        String host = host(f, estate)
        protectable(arm, container(t, host, cloud), vm, [instanceType: 'VmmVirtualMachine', sourceItemId: guid('vm', vm), generation: '1', osDetails: [osType: 'Windows'],
                diskDetails: disks.collect { d -> [maxSizeMB: (d[1] as DataSize).bytes().intdiv(1024 * 1024), vhdType: 'OperatingSystem', vhdId: guid('vhd', "${vm}/${d[0]}"), vhdName: "${vm}_${d[0]}.vhdx".toString()] }],
                ['HyperVReplica2012', 'HyperVReplica2012R2', 'HyperVReplicaAzure'])
    }

    static String siteOfNetwork(Estate estate, String vmNetwork) {
        estate?.vmmSites()?.find { s -> s.vmNetworks().any { it.name() == vmNetwork } }?.name()
    }

    /** A VMM VM network's replication network id, when the estate says which site has it. */
    static String networkId(AzureTarget t, Estate estate, String vmNetwork) {
        String site = siteOfNetwork(estate, vmNetwork)
        site ? "${fabric(t, vmmHost(site, estate))}/replicationNetworks/${networkName(vmNetwork)}".toString() : null
    }

    static void seedFabric(ArmServer arm, AzureTarget t, RecoveryVault.Fabric f, Estate estate = null) {
        String host = host(f, estate)
        String id = fabric(t, host)
        def servers = f.servers()
        Map custom
        if (f.type() == 'vmware' && RcmResources.modernized(f)) {
            custom = RcmResources.fabricDetails(t, f, estate)
        } else if (f.type() == 'vmware') {
            def site = estate?.vmwareSites()?.find { it.name() == f.site() }
            def cs = servers.find { it.role() == 'configuration-server' }
            List<String> accounts = []
            if (site?.vcenter()?.credential()?.secret()) accounts << site.vcenter().credential().secret()
            estate?.machines()?.findAll { it.site() == f.site() && it.mobility()?.account()?.secret() }?.each { accounts << it.mobility().account().secret() }
            accounts = accounts.unique()
            if (!accounts) accounts = ['admin']
            custom = [instanceType: 'VMware', hostName: host, ipAddress: site?.configurationServer()?.ip(),
                      processServerCount: String.valueOf(servers.count { it.role() == 'process-server' }),
                      processServers: servers.findAll { it.role() == 'process-server' }.collect { s ->
                          [id: processServerId(s.name()), friendlyName: s.name(), ipAddress: site?.processServers()?.find { it.name() == s.name() }?.ip(), osType: 'Windows',
                           health: asrHealth(s.health()), healthErrors: healthErrors(s.health(), s.name()),
                           totalMemoryInBytes: s.properties()?.memory ? DataSize.parse(s.properties().memory).bytes() : null]
                      },
                      masterTargetServers: servers.findAll { it.role() == 'master-target' }.collect { s ->
                          boolean linux = s.properties()?.os == 'linux'
                          [id: masterTargetId(s.name()), name: s.name(), osType: linux ? 'Linux' : 'Windows', healthErrors: healthErrors(s.health(), s.name()),
                           retentionVolumes: s.properties()?.retention ? [[volumeName: linux ? '/mnt/retention' : 'R:', capacityInBytes: DataSize.parse(s.properties().retention).bytes(),
                                                                          freeSpaceInBytes: DataSize.parse(s.properties().retention).bytes(), thresholdPercentage: 80]] : [],
                           dataStores: (site?.datastores() ?: []).collect { d -> [symbolicName: d.name(), uuid: guid('datastore', d.name()), type: d.type()?.name(),
                                                                                   capacity: d.capacity() ? String.valueOf(d.capacity().bytes()) : null] }]
                      },
                      runAsAccounts: accounts.withIndex().collect { String a, int i -> [accountId: String.valueOf(i + 1), accountName: a] }]
            if (!custom.ipAddress) custom.remove('ipAddress')
        } else {
            custom = [instanceType: 'VMM']
        }
        String health = asrHealth(servers.find { it.role() == 'configuration-server' }?.health())
        arm.put(id, [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics', properties: [friendlyName: host, internalIdentifier: guid('fabric', host),
                bcdrState: 'Valid', health: health, healthErrorDetails: [], customDetails: custom]])
        // A modernized site's vCenters are added on its appliances, into the vault's discovery site (RcmResources.discovery).
        servers.findAll { it.role() == 'vcenter' && !RcmResources.modernized(f) }.each { s ->
            arm.put("${id}/replicationvCenters/${s.name()}".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationvCenters',
                    properties: [friendlyName: s.name(), internalId: guid('vcenter', s.name()), ipAddress: s.name(), port: '443', fabricArmResourceName: hash(host),
                                 processServerId: custom.processServers ? custom.processServers[0].id : null, runAsAccountId: custom.runAsAccounts ? '1' : null,
                                 healthErrors: healthErrors(s.health(), s.name())]])
        }
        List<String> containers = f.type() == 'vmware' ? [host] : f.protectionContainers()
        containers.each { c ->
            arm.put("${id}/replicationProtectionContainers/${containerName(c)}".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers',
                    properties: [friendlyName: c, fabricFriendlyName: host, fabricType: f.type() == 'vmware' ? 'VMware' : 'VMM', role: 'Primary',
                                 pairingStatus: f.type() == 'vmware' ? 'Paired' : 'NotPaired', protectedItemCount: 0]])
        }
        if (f.type() == 'vmm') {
            def site = estate?.vmmSites()?.find { it.name() == f.site() }
            site?.vmNetworks()?.each { n ->
                arm.put("${id}/replicationNetworks/${networkName(n.name())}".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationNetworks',
                        properties: [friendlyName: n.name(), fabricType: 'VMM', subnets: n.subnet() ? [[name: n.subnet(), friendlyName: n.subnet(), addressList: [n.subnet()]]] : []]])
            }
            site?.storageClassifications()?.each { c ->
                arm.put("${id}/replicationStorageClassifications/${classificationName(c.name())}".toString(),
                        [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationStorageClassifications', properties: [friendlyName: c.name()]])
            }
        }
    }

    /** The failback policy Site Recovery adds beside a VMware → Azure policy: InMage, the same thresholds. */
    static void failbackPolicy(ArmServer arm, String vaultId, String name, Map details) {
        Map d = [instanceType: 'InMage', recoveryPointThresholdInMinutes: details.recoveryPointThresholdInMinutes, recoveryPointHistory: details.recoveryPointHistory,
                 appConsistentFrequencyInMinutes: details.appConsistentFrequencyInMinutes, multiVmSyncStatus: details.multiVmSyncStatus].findAll { it.value != null }
        arm.put("${vaultId}/replicationPolicies/${name}-failback".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationPolicies',
                properties: [friendlyName: "${name}-failback".toString(), providerSpecificDetails: d]])
    }

    static Map policy(RecoveryVault.Policy p) {
        Map s = p.settings()
        Map d
        if (p.kind() == 'hyperv-to-vmm') {
            d = [instanceType: 'HyperVReplica2012R2', replicationFrequencyInSeconds: Durations.parse(s.copyFrequency).seconds, recoveryPoints: s.recoveryPoints as int,
                 applicationConsistentSnapshotFrequencyInHours: s.appConsistentFrequency ? Durations.parse(s.appConsistentFrequency).toHours() : 0,
                 compression: s.compression == 'true' ? 'Enable' : 'Disable', allowedAuthenticationType: s.authentication == 'certificate' ? 2 : 1,
                 replicationPort: s.port as int, initialReplicationMethod: s.initialReplication == 'offline' ? 'Offline' : 'OverNetwork',
                 replicaDeletionOption: s.deleteReplica == 'true' ? 'Required' : 'NotRequired']
        } else if (p.kind() == 'vmware-to-azure-modernized') {
            d = RcmResources.policyDetails(s)
        } else {
            d = [instanceType: p.kind() == 'failback' ? 'InMage' : 'InMageAzureV2', recoveryPointThresholdInMinutes: minutes(s.rpoThreshold),
                 recoveryPointHistory: minutes(s.retention), appConsistentFrequencyInMinutes: minutes(s.appConsistentFrequency),
                 multiVmSyncStatus: s.multiVmConsistency == 'true' ? 'Enable' : 'Disable']
            if (d.instanceType == 'InMageAzureV2') d.crashConsistentFrequencyInMinutes = 5
        }
        [friendlyName: p.name(), providerSpecificDetails: d]
    }

    static String itemId(AzureTarget t, RecoveryVault v, ProtectedItem i, Estate estate = null) {
        def f = v.fabric(i.site()).orElse(null)
        String host = f ? host(f, estate) : i.site()
        String cloud = f?.type() == 'vmware' || f == null ? host
                : (estate?.machine(i.machine())?.map { it.cloud() }?.orElse(null) ?: f.protectionContainers().find())
        // A modernized item is named by the machine its appliance discovered (as azure-powershell's recordings address it).
        String name = f != null && RcmResources.modernized(f) ? (estate?.machine(i.machine())?.map { it.kind() == MachineKind.PHYSICAL }?.orElse(false)
                ? guid('server', i.machine()) : RcmResources.machineName(i.machine())) : protectableName(i.machine())
        "${container(t, host, cloud)}/replicationProtectedItems/${name}".toString()
    }

    /** A protected item of the simulated state, in the state word and provider the decisions give it. */
    /** Whether the item's protection group (as declared) replicates with multi-VM consistency: then Site Recovery holds a named replication group. */
    static boolean consistent(Estate estate, ProtectedItem i) {
        def g = estate?.protectionGroups()?.find { it.name() == i.protectionGroup() }
        def p = g == null ? null : estate.replicationPolicies().find { it.name() == g.policy() }
        p != null && p.multiVmConsistency()
    }

    static void seedItem(ArmServer arm, AzureTarget t, RecoveryVault v, ProtectedItem i, Estate estate) {
        def f = v.fabric(i.site()).orElse(null)
        boolean hyperV = f?.type() == 'vmm'
        String id = itemId(t, v, i, estate)
        String containerId = id.substring(0, id.indexOf('/replicationProtectedItems/'))
        String host = f ? host(f, estate) : i.site()
        def st = i.state()
        boolean recovery = i.activeLocation() == ProtectedItem.ActiveLocation.RECOVERY
        boolean inMage = !hyperV && ((st == ProtectedItem.ReplicationState.REPROTECTED && recovery) || st == ProtectedItem.ReplicationState.FAILBACK_IN_PROGRESS ||
                (st in [ProtectedItem.ReplicationState.FAILED_OVER, ProtectedItem.ReplicationState.FAILOVER_COMMITTED] && !recovery))
        Map d
        if (hyperV) {
            d = [instanceType: 'HyperVReplica2012R2', vmId: guid('vm', i.machine()), vmProtectionState: 'Protected', vmProtectionStateDescription: 'Protected',
                 initialReplicationDetails: [initialReplicationType: 'InitialReplication', initialReplicationProgressPercentage: '100'], lastReplicatedTime: now(),
                 vMDiskDetails: i.disks().collect { [maxSizeMB: it.size().bytes().intdiv(1024 * 1024), vhdType: 'OperatingSystem', vhdId: guid('vhd', "${i.machine()}/${it.name()}"), vhdName: "${i.machine()}_${it.name()}.vhdx".toString()] },
                 vmNics: []]
        } else if (f != null && RcmResources.modernized(f)) {
            d = RcmResources.itemDetails(arm, t, i, estate, inMage)
        } else {
            // A named replication group only where the group's policy has multi-VM consistency (as siteplan and azure-powershell
            // protect); otherwise Site Recovery names the machine's own group by its id.
            String groupId = guid('group', consistent(estate, i) ? i.protectionGroup() : i.machine())
            d = [instanceType: inMage ? 'InMage' : 'InMageAzureV2', multiVmGroupName: consistent(estate, i) ? i.protectionGroup() : groupId, multiVmGroupId: groupId,
                 vmId: guid('vm', i.machine()), vmProtectionState: 'Protected', vmProtectionStateDescription: 'Protected', rpoInSeconds: 90]
            if (i.processServer()) d.processServerId = processServerId(i.processServer())
            if (i.masterTarget()) d.masterTargetId = masterTargetId(i.masterTarget())
            if (i.mobility()?.version()) inMage ? (d.agentDetails = [agentVersion: i.mobility().version()]) : (d.agentVersion = i.mobility().version())
            if (inMage) {
                d.protectedDisks = i.disks().collect { [diskId: guid('disk', it.name()).toUpperCase(Locale.ROOT), diskName: it.name(), diskCapacityInBytes: it.size().bytes(), protectionStage: 'Protected'] }
            } else {
                if (i.processServer()) d.processServerName = i.processServer()
                // What the item reports of a move (MOVE-DISKS, MOVE-BLOCKED): managed disks unless the state says otherwise.
                d.useManagedDisks = i.moveReadiness()?.unmanagedDisks() ? 'false' : 'true'
                if (i.moveReadiness()?.blockers()) d.switchProviderBlockingErrorDetails = i.moveReadiness().blockers().collect { [errorMessage: it] }
                if (i.storageAccount()) d.recoveryAzureStorageAccount = "${rg(t)}/providers/Microsoft.Storage/storageAccounts/${i.storageAccount()}".toString()
                d.protectedDisks = i.disks().collect { [diskId: guid('disk', it.name()).toUpperCase(Locale.ROOT), diskName: it.name(), diskCapacityInBytes: it.size().bytes(), protectionStage: 'Protected'] }
                d.recoveryAzureResourceGroupId = rg(t)
                if (i.failover()) {
                    def fo = i.failover()
                    if (fo.azureName()) d.recoveryAzureVMName = fo.azureName()
                    if (fo.vmSize()) d.recoveryAzureVMSize = fo.vmSize()
                    if (fo.network()) d.selectedRecoveryAzureNetworkId = "${rg(t)}/providers/Microsoft.Network/virtualNetworks/${fo.network()}".toString()
                    Map ip = [name: 'ipconfig1', isPrimary: true]
                    if (fo.subnet()) ip.recoverySubnetName = fo.subnet()
                    if (fo.ip()) ip.recoveryStaticIPAddress = fo.ip()
                    d.vmNics = [[nicId: guid('nic', i.machine()), vMNetworkName: arm.nicNetworks[i.machine()], recoveryVMNetworkId: d.selectedRecoveryAzureNetworkId, ipConfigs: [ip]].findAll { it.value != null }]
                }
                if (i.testFailover()) {
                    d.selectedTfoAzureNetworkId = "${rg(t)}/providers/Microsoft.Network/virtualNetworks/${i.testFailover()}".toString()
                }
            }
        }
        Map p = [friendlyName: i.machine(), protectedItemType: hyperV ? 'HyperVVirtualMachine' : 'VMwareVirtualMachine',
                 protectableItemId: d.instanceType?.startsWith('InMageRcm') ? null : "${containerId}/replicationProtectableItems/${protectableName(i.machine())}".toString(),
                 primaryFabricFriendlyName: host, primaryFabricProvider: hyperV ? 'VMM' : 'VMware',
                 primaryProtectionContainerFriendlyName: arm.get(containerId)?.properties?.friendlyName ?: host,
                 replicationHealth: asrHealth(i.health()), failoverHealth: 'Normal', healthErrors: [],
                 activeLocation: recovery ? 'Recovery' : 'Primary',
                 policyId: "${vault(t)}/replicationPolicies/${i.policy()}".toString(), policyFriendlyName: i.policy(),
                 currentScenario: idleScenario(vault(t)), providerSpecificDetails: d]
        if (!hyperV) {
            p.recoveryFabricId = azureFabric(t)
            p.recoveryFabricFriendlyName = AZURE_FABRIC
        }
        switch (st) {
            case ProtectedItem.ReplicationState.FAILED_OVER: state(p, 'unplannedFailover'); break
            case ProtectedItem.ReplicationState.FAILBACK_IN_PROGRESS: state(p, 'unplannedFailover'); break
            case ProtectedItem.ReplicationState.FAILOVER_COMMITTED: state(p, 'committed'); break
            default: state(p, 'protected')
        }
        if (i.testFailover()) testFailoverPending(p)
        if (d.instanceType?.startsWith('InMageRcm')) {
            // Named by the target VM's name given at enable; a failback item names Azure its primary side.
            p.friendlyName = i.failover()?.azureName() ?: i.machine()
            if (d.instanceType == 'InMageRcmFailback') p.activeLocation = recovery ? 'Primary' : 'Recovery'
        }
        arm.put(id, [type: TYPE_ITEM, properties: p])
        Map protectable = arm.get(p.protectableItemId as String)
        if (protectable) {
            protectable.properties.protectionStatus = 'Protected'
            protectable.properties.replicationProtectedItemId = id
        }
        if ((d.instanceType == 'InMageAzureV2' || d.instanceType == 'InMageRcm') && recovery) azureVm(arm, arm.get(id), false)
    }

    static void testFailoverPending(Map p) {
        p.protectionStateDescription = 'Cleanup test failover pending'
        p.testFailoverState = 'WaitingForCompletion'
        p.testFailoverStateDescription = 'Waiting for user input'
        p.allowedOperations = ['TestFailoverCleanup']
    }

    // ------------------------------------------------------------------ writes

    /** The job's scenarioName for a write (the words failNext takes). */
    static String scenarioOf(String type, String action) {
        switch (action) {
            case 'enable': return 'EnableDr'
            case 'remove': return 'DisableDr'
            case 'purge': return 'PurgeProtection'
            case 'update': return 'UpdateVmProperties'
            case 'reProtect': return 'Reprotect'
            case 'delete': return 'Delete'
            case 'create':
                switch (type) {
                    case 'replicationpolicies': return 'AddProtectionProfile'
                    case 'replicationrecoveryplans': return 'CreateRecoveryPlan'
                    case 'replicationnetworkmappings': return 'MapNetwork'
                    case 'replicationprotectioncontainermappings': return 'ConfigureProtection'
                    case 'replicationvcenters': return 'AddvCenter'
                    case 'replicationstorageclassificationmappings': return 'PairStorageClassification'
                    default: return 'Create'
                }
            default: return action.capitalize()
        }
    }

    /** Keeps only what the contract's model has (a PUT body's fields that Azure reports back under the same name). */
    static Map only(ArmServer arm, Map m, String model) {
        def props = arm.contract.contract.path('models').path(model).path('properties')
        m.findAll { k, v -> v != null && props.has(k as String) }
    }

    /** The contract model a discriminator value names under a polymorphic base. */
    static String modelOf(ArmServer arm, String base, String value) {
        arm.contract.descendants(base).find { arm.contract.contract.path('models').path(it).path('discriminatorValue').asText(null) == value }
    }

    /** A PUT body (the …Input shapes) turned into the resource Site Recovery then reports. */
    static Map created(ArmServer arm, String path, Map body) {
        String type = path.tokenize('/')[-2].toLowerCase()
        String name = URLDecoder.decode(path.tokenize('/').last(), 'UTF-8')
        Map in = (body.properties ?: [:]) as Map
        String vaultId = vaultOf(path)
        switch (type) {
            case 'replicationpolicies':
                Map input = new LinkedHashMap((in.providerSpecificInput ?: [:]) as Map)
                if (input.containsKey('replicaDeletion')) input.replicaDeletionOption = input.remove('replicaDeletion')
                String model = modelOf(arm, 'PolicyProviderSpecificDetails', input.instanceType as String)
                return [type: ArmServer.typeOf(path), properties: [friendlyName: name, providerSpecificDetails: model ? only(arm, input, model) : [instanceType: input.instanceType]]]
            case 'replicationrecoveryplans':
                List groups = (in.groups ?: []) as List
                Map primary = in.primaryFabricId ? arm.get(in.primaryFabricId as String) : null
                Map recovery = in.recoveryFabricId && in.recoveryFabricId != AZURE_FABRIC ? arm.get(in.recoveryFabricId as String) : null
                List providers = groups.collectMany { g -> (g.replicationProtectedItems ?: []).collect { arm.get(it.id as String)?.properties?.providerSpecificDetails?.instanceType } }.findAll().unique()
                return [type: ArmServer.typeOf(path), properties: [friendlyName: name, primaryFabricId: in.primaryFabricId, primaryFabricFriendlyName: primary?.properties?.friendlyName,
                        recoveryFabricId: in.recoveryFabricId, recoveryFabricFriendlyName: in.recoveryFabricId == AZURE_FABRIC ? AZURE_FABRIC : recovery?.properties?.friendlyName,
                        failoverDeploymentModel: in.failoverDeploymentModel ?: 'NotApplicable', replicationProviders: providers,
                        currentScenario: idleScenario(vaultId),
                        groups: [group('Shutdown', []), group('Failover', [])] + groups.collect { g -> [groupType: g.groupType, replicationProtectedItems: g.replicationProtectedItems ?: [],
                                                                                                      startGroupActions: g.startGroupActions ?: [], endGroupActions: g.endGroupActions ?: []] }].findAll { it.value != null }]
            case 'replicationnetworkmappings':
                String networkId = path.substring(0, path.toLowerCase().indexOf('/replicationnetworkmappings/'))
                String fabricId = path.substring(0, path.toLowerCase().indexOf('/replicationnetworks/'))
                Map recoveryNet = in.recoveryNetworkId ? arm.get(in.recoveryNetworkId as String) : null
                String recoveryFabricId = in.recoveryFabricName ? (in.recoveryFabricName == AZURE_FABRIC ? null : "${vaultId}/replicationFabrics/${in.recoveryFabricName}".toString()) : null
                String kind = in.fabricSpecificDetails?.instanceType ?: 'VmmToVmm'
                return [type: ArmServer.typeOf(path), properties: [state: 'Paired', primaryNetworkFriendlyName: arm.get(networkId)?.properties?.friendlyName, primaryNetworkId: networkId,
                        primaryFabricFriendlyName: arm.get(fabricId)?.properties?.friendlyName,
                        recoveryNetworkFriendlyName: recoveryNet?.properties?.friendlyName ?: (in.recoveryNetworkId as String)?.tokenize('/')?.last(), recoveryNetworkId: in.recoveryNetworkId,
                        recoveryFabricArmId: recoveryFabricId, recoveryFabricFriendlyName: recoveryFabricId ? arm.get(recoveryFabricId)?.properties?.friendlyName : in.recoveryFabricName,
                        fabricSpecificSettings: [instanceType: kind]].findAll { it.value != null }]
            case 'replicationprotectioncontainermappings':
                String sourceId = path.substring(0, path.toLowerCase().indexOf('/replicationprotectioncontainermappings/'))
                String sourceFabric = sourceId.substring(0, sourceId.toLowerCase().indexOf('/replicationprotectioncontainers/'))
                String targetId = in.targetProtectionContainerId as String
                Map target = targetId && targetId != AZURE_FABRIC ? arm.get(targetId) : null
                Map policy = in.policyId ? arm.get(in.policyId as String) : null
                Map source = arm.get(sourceId)
                if (source) source.properties.pairingStatus = 'Paired'
                // A modernized policy's mapping towards Azure keeps the agents it carries upgraded unless told otherwise (the portal's default).
                Map rcm = policy?.properties?.providerSpecificDetails?.instanceType == 'InMageRcm' ? [instanceType: 'InMageRcm', enableAgentAutoUpgrade: 'true'] : null
                return [type: ArmServer.typeOf(path), properties: [providerSpecificDetails: rcm, targetProtectionContainerId: targetId, targetProtectionContainerFriendlyName: target?.properties?.friendlyName ?: targetId,
                        policyId: in.policyId, policyFriendlyName: policy?.properties?.friendlyName, state: 'Paired', health: 'Normal', healthErrorDetails: [],
                        sourceProtectionContainerFriendlyName: source?.properties?.friendlyName, sourceFabricFriendlyName: arm.get(sourceFabric)?.properties?.friendlyName,
                        targetFabricFriendlyName: target?.properties?.fabricFriendlyName ?: (targetId == AZURE_FABRIC ? AZURE_FABRIC : null)].findAll { it.value != null }]
            case 'replicationvcenters':
                String fabricId = path.substring(0, path.toLowerCase().indexOf('/replicationvcenters/'))
                return [type: ArmServer.typeOf(path), properties: [friendlyName: in.friendlyName ?: name, internalId: guid('vcenter', name), ipAddress: in.ipAddress, port: in.port,
                        processServerId: in.processServerId, runAsAccountId: in.runAsAccountId, fabricArmResourceName: fabricId.tokenize('/').last(),
                        discoveryStatus: 'Pending', healthErrors: []].findAll { it.value != null }]
            case 'replicationstorageclassificationmappings':
                return [type: ArmServer.typeOf(path), properties: [targetStorageClassificationId: in.targetStorageClassificationId]]
            default:
                return [type: ArmServer.typeOf(path), properties: in]
        }
    }

    /** Enable protection done: the item from the EnableProtectionInput and the protectable item, named by the PUT path. */
    static Map enabled(ArmServer arm, String path, Map body, Map protectable) {
        Map in = (body.properties ?: [:]) as Map
        Map ps = (in.providerSpecificDetails ?: [:]) as Map
        String containerId = path.substring(0, path.toLowerCase().indexOf('/replicationprotecteditems/'))
        String fabricId = containerId.substring(0, containerId.toLowerCase().indexOf('/replicationprotectioncontainers/'))
        String vaultId = vaultOf(path)
        Map fabric = arm.get(fabricId)
        Map container = arm.get(containerId)
        Map policy = in.policyId ? arm.get(in.policyId as String) : null
        String vm = protectable.properties.friendlyName ?: protectable.properties.displayName
        Map custom = protectable.properties.customDetails as Map
        Map d
        Map p = [friendlyName: vm, protectableItemId: protectable.id, primaryFabricFriendlyName: fabric?.properties?.friendlyName,
                 primaryProtectionContainerFriendlyName: container?.properties?.friendlyName, replicationHealth: 'Normal', failoverHealth: 'Normal', healthErrors: [],
                 activeLocation: 'Primary', policyId: in.policyId, policyFriendlyName: policy?.properties?.friendlyName, currentScenario: idleScenario(vaultId)]
        if (ps.instanceType == 'InMageRcm') {
            d = RcmResources.enabledDetails(arm, path, ps, protectable)
            p.remove('protectableItemId')
            // Site Recovery names the item by the target VM's name given at enable (Microsoft Learn's REST sample), not the machine's.
            if (ps.targetVmName) p.friendlyName = ps.targetVmName
            p.protectedItemType = 'VMwareVirtualMachine'
            p.primaryFabricProvider = 'VMware'
            p.recoveryFabricId = "${vaultId}/replicationFabrics/${hash(AZURE_FABRIC)}".toString()
            p.recoveryFabricFriendlyName = AZURE_FABRIC
        } else if (ps.instanceType == 'InMageAzureV2') {
            def server = fabric?.properties?.customDetails?.processServers?.find { it.id == ps.processServerId }
            List include = (ps.disksToInclude ?: []) as List
            List disks = ((custom?.diskDetails ?: []) as List<Map>).findAll { !include || include.any { i -> i.diskId == it.diskId } }
            String rgId = (ps.targetAzureV2ResourceGroupId ?: rgOf(path)) as String
            Map ip = [name: 'ipconfig1', isPrimary: true]
            if (ps.targetAzureSubnetId) ip.recoverySubnetName = (ps.targetAzureSubnetId as String).tokenize('/').last()
            String groupId = ps.multiVmGroupId ?: guid('group', ps.multiVmGroupName ?: vm)
            d = [instanceType: 'InMageAzureV2', vmId: protectable.name, multiVmGroupName: ps.multiVmGroupName ?: groupId, multiVmGroupId: groupId,
                 processServerId: ps.processServerId, processServerName: server?.friendlyName, masterTargetId: ps.masterTargetId,
                 recoveryAzureStorageAccount: ps.storageAccountId, recoveryAzureLogStorageAccountId: ps.logStorageAccountId,
                 // Replicas on managed disks unless the input names a storage account for them instead.
                 useManagedDisks: ps.storageAccountId && !ps.diskType ? 'false' : 'true',
                 protectedDisks: disks.collect { [diskId: it.diskId, diskName: it.diskName, diskCapacityInBytes: (it.diskSizeInMB as long) * 1024 * 1024, protectionStage: 'Protected'] },
                 recoveryAzureVMName: ps.targetAzureVmName ?: vm, recoveryAzureVMSize: ps.targetVmSize, recoveryAzureResourceGroupId: rgId,
                 selectedRecoveryAzureNetworkId: ps.targetAzureNetworkId, enableRdpOnTargetOption: ps.enableRdpOnTargetOption, licenseType: ps.licenseType,
                 vmNics: [[nicId: guid('nic', vm), vMNetworkName: arm.nicNetworks[vm], recoveryVMNetworkId: ps.targetAzureNetworkId, ipConfigs: [ip]].findAll { it.value != null }],
                 osType: custom?.osType, ipAddress: custom?.ipAddress, agentVersion: '9.0', vmProtectionState: 'Protected', vmProtectionStateDescription: 'Protected', rpoInSeconds: 90].findAll { it.value != null }
            p.protectedItemType = 'VMwareVirtualMachine'
            p.primaryFabricProvider = 'VMware'
            p.recoveryFabricId = "${vaultId}/replicationFabrics/${hash(AZURE_FABRIC)}".toString()
            p.recoveryFabricFriendlyName = AZURE_FABRIC
        } else {
            // VMM→VMM: no provider input exists; the container mapping's policy says where the replica goes.
            Map mapping = arm.resources.values().find { it.id?.toLowerCase()?.startsWith(containerId.toLowerCase() + '/replicationprotectioncontainermappings/') &&
                    (in.policyId == null || (it.properties?.policyId as String)?.equalsIgnoreCase(in.policyId as String)) }
            Map target = mapping?.properties?.targetProtectionContainerId ? arm.get(mapping.properties.targetProtectionContainerId as String) : null
            d = [instanceType: 'HyperVReplica2012R2', vmId: custom?.sourceItemId ?: protectable.name, vmProtectionState: 'Protected', vmProtectionStateDescription: 'Protected',
                 initialReplicationDetails: [initialReplicationType: 'InitialReplication', initialReplicationProgressPercentage: '100'], lastReplicatedTime: now(),
                 vMDiskDetails: custom?.diskDetails ?: [], vmNics: []]
            p.protectedItemType = 'HyperVVirtualMachine'
            p.primaryFabricProvider = 'VMM'
            if (target) {
                p.recoveryContainerId = target.id
                p.recoveryProtectionContainerFriendlyName = target.properties.friendlyName
                p.recoveryFabricFriendlyName = target.properties.fabricFriendlyName
                p.recoveryFabricId = (target.id as String).substring(0, (target.id as String).toLowerCase().indexOf('/replicationprotectioncontainers/'))
            }
        }
        p.providerSpecificDetails = d
        state(p, 'protected')
        [type: TYPE_ITEM, properties: p.findAll { it.value != null }]
    }

    /** UpdateReplicationProtectedItemInput: failover settings land in the item's provider details, as the details model names them. */
    static void updated(ArmServer arm, Map item, Map body) {
        Map d = item.properties.providerSpecificDetails as Map
        Map in = (body.properties ?: [:]) as Map
        if (d.instanceType == 'InMageRcm') {
            RcmResources.updated(arm, d, (in.providerSpecificDetails ?: [:]) as Map)
            return
        }
        String model = modelOf(arm, 'ReplicationProviderSpecificSettings', d.instanceType as String)
        Map flat = new LinkedHashMap(in.findAll { k, v -> k != 'vmNics' && k != 'providerSpecificDetails' })
        Map ps = (in.providerSpecificDetails ?: [:]) as Map
        ps.each { k, v -> if (k != 'instanceType') flat[k == 'recoveryAzureV2ResourceGroupId' ? 'recoveryAzureResourceGroupId' : k] = v }
        d.putAll(only(arm, flat, model))
        if (in.vmNics) {
            d.vmNics = (in.vmNics as List<Map>).collect { Map n ->
                Map nic = only(arm, n, 'VMNicDetails')
                if (n.tfoNicName) nic.tfoRecoveryNicName = n.tfoNicName
                if (n.tfoNicResourceGroupName) nic.tfoRecoveryNicResourceGroupName = n.tfoNicResourceGroupName
                if (d.selectedRecoveryAzureNetworkId) nic.recoveryVMNetworkId = d.selectedRecoveryAzureNetworkId
                nic.ipConfigs = ((n.ipConfigs ?: []) as List<Map>).collect { Map c -> (c.ipConfigName ? [name: c.ipConfigName] : [:]) + only(arm, c, 'IPConfigDetails') }
                nic
            }
        }
    }

    /** An Azure VM and its NIC in the vault's resource group: a failed-over or test-failed-over VMware/physical machine. */
    static String azureVm(ArmServer arm, Map item, boolean test) {
        Map p = item.properties as Map
        Map d = p.providerSpecificDetails as Map
        String rg = (d.recoveryAzureResourceGroupId ?: d.targetResourceGroupId ?: rgOf(item.id as String)) as String
        String vm = ((d.recoveryAzureVMName ?: d.targetVmName ?: p.friendlyName) as String) + (test ? '-test' : '')
        String nic = "${rg}/providers/Microsoft.Network/networkInterfaces/${vm}-nic".toString()
        String ip = arm.address(p.friendlyName as String)
        arm.put(nic, [location: arm.get(rg)?.location, type: 'Microsoft.Network/networkInterfaces',
                      properties: [provisioningState: 'Succeeded', ipConfigurations: [[name: 'ipconfig1', properties: [privateIPAddress: ip, privateIPAllocationMethod: 'Static', primary: true]]]]])
        String vmId = "${rg}/providers/Microsoft.Compute/virtualMachines/${vm}".toString()
        arm.put(vmId, [location: arm.get(rg)?.location, type: 'Microsoft.Compute/virtualMachines',
                       properties: [provisioningState: 'Succeeded', hardwareProfile: [vmSize: d.recoveryAzureVMSize ?: d.targetVmSize ?: 'Standard_A2'], networkProfile: [networkInterfaces: [[id: nic]]]]])
        arm.note(p.friendlyName as String, test ? 'testVm' : 'vm', [id: vmId, nic: nic, address: ip])
        vmId
    }

    static void removeVm(ArmServer arm, String vmId) {
        Map vm = arm.get(vmId)
        if (vm == null) return
        vm.properties?.networkProfile?.networkInterfaces?.each { arm.resources.remove((it.id as String).toLowerCase()) }
        arm.resources.remove(vmId.toLowerCase())
    }

    /** An action on a protected item, once its job completes: the decisions' state table. Returns an error message when the job fails. */
    static String act(ArmServer arm, Map item, String action, Map body) {
        Map p = item.properties as Map
        Map d = p.providerSpecificDetails as Map
        Map in = (body?.properties ?: [:]) as Map
        String provider = d.instanceType
        switch (action) {
            case 'testFailover':
                testFailoverPending(p)
                p.lastSuccessfulTestFailoverTime = now()
                if (provider == 'InMageAzureV2' && in.networkId) d.selectedTfoAzureNetworkId = in.networkId
                if (provider == 'InMageRcm' && in.networkId) d.testNetworkId = in.networkId
                if (provider != 'InMageRcm') (d.vmNics ?: []).each { it.tfoVMNetworkId = in.networkId }
                if ((provider == 'InMageAzureV2' || provider == 'InMageRcm') && p.activeLocation == 'Primary') azureVm(arm, item, true)
                break
            case 'testFailoverCleanup':
                p.testFailoverState = 'None'
                p.testFailoverStateDescription = 'None'
                p.protectionStateDescription = STATES.protected.protectionStateDescription
                p.allowedOperations = normalOperations(provider)
                d.remove('selectedTfoAzureNetworkId')
                if (provider != 'InMageRcm') (d.vmNics ?: []).each { it.remove('tfoVMNetworkId') }
                String testVm = arm.notes(p.friendlyName as String).testVm?.id
                if (testVm) removeVm(arm, testVm)
                break
            case 'plannedFailover':
            case 'unplannedFailover':
                state(p, action)
                p.activeLocation = p.activeLocation == 'Recovery' ? 'Primary' : 'Recovery'
                p.lastSuccessfulFailoverTime = now()
                if (provider == 'InMageAzureV2' && p.activeLocation == 'Recovery') d.targetVmId = azureVm(arm, item, false)
                if (provider == 'InMageRcm' && p.activeLocation == 'Recovery') azureVm(arm, item, false)
                break
            case 'failoverCommit':
                state(p, 'committed')
                break
            case 'reProtect':
                Map ps = (in.providerSpecificDetails ?: [:]) as Map
                if (provider == 'InMageRcm' || provider == 'InMageRcmFailback') {
                    String refused = RcmResources.reprotected(arm, item, ps)
                    if (refused) return refused
                } else if (provider == 'InMageAzureV2') {
                    // Failed over to Azure: now replicating Azure → VMware (InMageReprotectInput).
                    Map n = [instanceType: 'InMage', vmId: d.vmId, processServerId: ps.processServerId ?: d.processServerId, masterTargetId: ps.masterTargetId ?: d.masterTargetId,
                             multiVmGroupName: d.multiVmGroupName, multiVmGroupId: d.multiVmGroupId, activeSiteType: 'Azure', vmProtectionState: 'Protected',
                             vmProtectionStateDescription: 'Protected', rpoInSeconds: 90, ipAddress: d.ipAddress, vmNics: d.vmNics,
                             datastores: ps.datastoreName ? [ps.datastoreName] : null, agentDetails: d.agentVersion ? [agentVersion: d.agentVersion] : null,
                             protectedDisks: (d.protectedDisks ?: []).collect { [diskId: it.diskId, diskName: it.diskName, diskCapacityInBytes: it.diskCapacityInBytes, protectionStage: 'Protected'] }]
                    n.infrastructureVmId = d.targetVmId
                    arm.note(p.friendlyName as String, 'azureDetails', new LinkedHashMap(d))
                    p.providerSpecificDetails = n.findAll { it.value != null }
                    if (ps.profileId) { p.policyId = ps.profileId; p.policyFriendlyName = arm.get(ps.profileId as String)?.properties?.friendlyName ?: p.policyFriendlyName }
                } else if (provider == 'InMage') {
                    // Back on VMware: replicating to Azure again (InMageAzureV2ReprotectInput).
                    Map before = (arm.notes(p.friendlyName as String).azureDetails ?: [:]) as Map
                    Map n = new LinkedHashMap(before)
                    n.putAll([instanceType: 'InMageAzureV2', processServerId: ps.processServerId ?: d.processServerId, masterTargetId: ps.masterTargetId ?: d.masterTargetId,
                              multiVmGroupName: d.multiVmGroupName, multiVmGroupId: d.multiVmGroupId, vmProtectionState: 'Protected', vmProtectionStateDescription: 'Protected'])
                    if (ps.storageAccountId) n.recoveryAzureStorageAccount = ps.storageAccountId
                    if (ps.logStorageAccountId) n.recoveryAzureLogStorageAccountId = ps.logStorageAccountId
                    n.remove('targetVmId')
                    n.remove('selectedTfoAzureNetworkId')
                    def fabric = arm.get(item.id.substring(0, item.id.toLowerCase().indexOf('/replicationprotectioncontainers/')) as String)
                    def server = fabric?.properties?.customDetails?.processServers?.find { it.id == n.processServerId }
                    if (server) n.processServerName = server.friendlyName
                    n.protectedDisks = (d.protectedDisks ?: []).collect { [diskId: it.diskId, diskName: it.diskName, diskCapacityInBytes: it.diskCapacityInBytes, protectionStage: 'Protected'] }
                    p.providerSpecificDetails = n.findAll { it.value != null }
                    if (ps.policyId) { p.policyId = ps.policyId; p.policyFriendlyName = arm.get(ps.policyId as String)?.properties?.friendlyName ?: p.policyFriendlyName }
                }
                state(p, 'protected')
                break
            case 'updateMobilityService':
                def fabric = arm.get(item.id.substring(0, item.id.toLowerCase().indexOf('/replicationprotectioncontainers/')) as String)
                List accounts = (fabric?.properties?.customDetails?.runAsAccounts ?: []) as List
                if (d.instanceType == 'InMageRcm') {
                    if ((arm.get(in.runAsAccountId as String)?.type as String)?.toLowerCase()?.endsWith('/runasaccounts') != true) return "runAsAccountId '${in.runAsAccountId}' is not a run-as account of the discovery site".toString()
                    d.mobilityAgentDetails = (d.mobilityAgentDetails ?: [:]) + [version: RcmResources.AGENT_VERSION, isUpgradeable: 'false']
                    break
                }
                if (!accounts.any { it.accountId == in.runAsAccountId }) return "runAsAccountId '${in.runAsAccountId}' is not an account of the configuration server".toString()
                if (d.instanceType == 'InMageAzureV2') { d.agentVersion = arm.latestAgentVersion; d.isAgentUpdateRequired = 'false' }
                else if (d.agentDetails) d.agentDetails.agentVersion = arm.latestAgentVersion
                break
            case 'switchProvider':
                return RcmResources.switched(arm, item, in)
            case 'remove':
                arm.resources.remove((item.id as String).toLowerCase())
                Map protectable = p.protectableItemId ? arm.get(p.protectableItemId as String) : null
                if (protectable) { protectable.properties.protectionStatus = 'Unprotected'; protectable.properties.remove('replicationProtectedItemId') }
                break
            default:
                // Other actions the contract has (repairReplication, resolveHealthErrors, …): accepted, nothing modelled changes.
                break
        }
        null
    }
}
