package siteplan.providers.azure

import siteplan.model.AzureTarget
import siteplan.model.Estate
import siteplan.model.MachineKind
import siteplan.planner.state.DiscoveredState
import siteplan.planner.state.ProtectedItem
import siteplan.planner.state.RecoveryVault
import siteplan.planner.state.ServerForm
import siteplan.units.DataSize

import static siteplan.providers.azure.ArmResources.*

/**
 * The Azure peer's modernized resources (provider InMageRcm), shaped as the published contract's InMageRcm models
 * (checked by AsrContract on every Site Recovery response) and as azure-powershell's recorded sessions show them: a
 * site's fabric lists each appliance's components under the appliance's name; the machines the appliances discover live
 * in the vault's Azure Migrate discovery sites (Microsoft.OffAzure VMwareSites / ServerSites, outside Site Recovery's
 * contract, shaped as OffAzure's published 2023-06-06 contract, {@link OffAzureContract}); a protected item is named by
 * its discovered machine and carries InMageRcmReplicationDetails, or InMageRcmFailbackReplicationDetails while it
 * replicates back to VMware. Written from the contract and the recordings, not from the provider.
 */
class RcmResources {
    static final String OFF_AZURE_API = '2023-06-06'
    static final String AGENT_VERSION = '9.66.7567.1'

    static boolean modernized(RecoveryVault.Fabric f) { f.servers().any { it.role() == ServerForm.APPLIANCE_ROLE } }

    static String vmwareSite(AzureTarget t, String site) { "${rg(t)}/providers/Microsoft.OffAzure/VMwareSites/${t.vault()}-${site}vmwaresite".toString() }

    static String physicalSite(AzureTarget t, String site) { "${rg(t)}/providers/Microsoft.OffAzure/serverSites/${t.vault()}-${site}physicalsite".toString() }

    /** A discovered VMware VM's name in its site: the vCenter's name for it and the VM's instance UUID, as the recordings show. */
    static String machineName(String vm) { 'vcenter_' + guid('vm-uuid', vm) }

    /** One component of an appliance, in the fields every component model shares. */
    static Map component(RecoveryVault.RegisteredServer s, String kind) {
        [id: guid(kind, s.name()), name: s.name(), biosId: guid('bios', s.name()), fabricObjectId: guid("${kind}-object", s.name()), fqdn: s.name(),
         version: AGENT_VERSION, lastHeartbeatUtc: now(), health: asrHealth(s.health()), healthErrors: healthErrors(s.health(), s.name())]
    }

    /** InMageRcmFabricSpecificDetails of a site: its discovery sites and each appliance's components. */
    static Map fabricDetails(AzureTarget t, RecoveryVault.Fabric f, Estate estate) {
        def site = estate?.vmwareSites()?.find { it.name() == f.site() }
        def appliances = f.servers().findAll { it.role() == ServerForm.APPLIANCE_ROLE }
        List<String> datastores = (site?.datastores() ?: [])*.name()
        [instanceType: 'InMageRcm', vmwareSiteId: vmwareSite(t, f.site()), physicalSiteId: physicalSite(t, f.site()),
         serviceEndpoint: "https://${t.region()}-rcm.siterecovery.windowsazure.com".toString(), serviceResourceId: guid('rcm-service', f.site()),
         processServers: appliances.collect { s ->
             def declared = site?.appliances()?.find { it.name() == s.name() }
             component(s, 'process-server') + [id: processServerId(s.name()), ipAddresses: declared?.ip() ? [declared.ip()] : [],
                     totalMemoryInBytes: s.properties()?.memory ? DataSize.parse(s.properties().memory).bytes() : null, protectedItemCount: 0].findAll { it.value != null }
         },
         rcmProxies: appliances.collect { component(it, 'rcm-proxy') + [clientAuthenticationType: 'Certificate'] },
         pushInstallers: appliances.collect { component(it, 'push-installer') },
         replicationAgents: appliances.collect { component(it, 'replication-agent') },
         // The recordings show a reprotect agent with its appliance's process server id.
         reprotectAgents: appliances.collect { component(it, 'reprotect-agent') + [id: processServerId(it.name()), accessibleDatastores: datastores,
                                                                                   vcenterId: guid('vcenter', site?.vcenter()?.address() ?: f.site()), lastDiscoveryInUtc: now()] },
         marsAgents: appliances.collect { component(it, 'mars-agent') },
         dras: appliances.collect { component(it, 'dra').findAll { k, v -> !(k in ['fabricObjectId', 'fqdn']) } + [forwardProtectedItemCount: 0, reverseProtectedItemCount: 0] },
         agentDetails: []]
    }

    /** What the appliances discovered: each VMware VM of the site (vCenter) and each physical server, with the site's run-as accounts. */
    static void discovery(ArmServer arm, AzureTarget t, RecoveryVault.Fabric f, DiscoveredState state, Estate estate) {
        def site = estate?.vmwareSites()?.find { it.name() == f.site() }
        String vmware = vmwareSite(t, f.site()), physical = physicalSite(t, f.site())
        arm.put(vmware, [type: 'Microsoft.OffAzure/vmwareSites', location: t.region(), properties: [:]])
        arm.put(physical, [type: 'Microsoft.OffAzure/serverSites', location: t.region(), properties: [:]])
        f.servers().findAll { it.role() == 'vcenter' }.each { s ->
            arm.put("${vmware}/vcenters/${guid('vcenter', s.name())}".toString(), [type: 'Microsoft.OffAzure/vmwareSites/vcenters',
                    properties: [fqdn: s.name(), port: '443', version: site?.vcenter()?.version(), createdTimestamp: now(), updatedTimestamp: now(), errors: []].findAll { it.value != null }])
        }
        state.vcenters().findAll { it.site() == f.site() }.each { vc ->
            vc.vms().each { vm ->
                arm.put("${vmware}/machines/${machineName(vm.name())}".toString(), [type: 'Microsoft.OffAzure/vmwareSites/machines', properties: [
                        displayName: vm.name(), instanceUuid: guid('vm-uuid', vm.name()), vCenterId: guid('vcenter', vc.address() ?: f.site()),
                        firmware: vm.firmware() == 'efi' || vm.firmware()?.startsWith('uefi') ? 'EFI' : 'BIOS', powerStatus: vm.powerState() == 'poweredOn' ? 'ON' : 'OFF',
                        operatingSystemDetails: [osType: vm.guestOs()?.toLowerCase()?.contains('windows') ? 'windowsguest' : 'linuxguest', osName: vm.guestOs()],
                        disks: vm.disks().withIndex().collect { d, int i -> [uuid: guid('disk-uuid', "${vm.name()}/${d.name()}"), label: "Hard disk ${i + 1}".toString(), name: d.name(),
                                                                             maxSizeInBytes: d.size().bytes()] },
                        networkAdapters: vm.nics().collect { n -> [label: n.name(), networkName: n.network(), ipAddressList: n.ip() ? [n.ip()] : []] }]])
            }
        }
        estate?.machines()?.findAll { it.kind() == MachineKind.PHYSICAL && it.site() == f.site() }?.each { m ->
            arm.put("${physical}/machines/${guid('server', m.name())}".toString(), [type: 'Microsoft.OffAzure/serverSites/machines', properties: [
                    displayName: m.name(), fqdn: m.name(), operatingSystemDetails: [osType: m.os().name() == 'WINDOWS' ? 'windowsguest' : 'linuxguest'],
                    disks: m.disks().collect { d -> [id: guid('disk-uuid', "${m.name()}/${d.name()}"), name: d.name(), maxSizeInBytes: d.size().bytes()] },
                    networkAdapters: m.nics().collect { n -> [nicId: guid('nic', "${m.name()}/${n.name()}"), ipAddressList: n.ip() ? [n.ip()] : []] }]])
        }
        // The appliances' run-as accounts (never their secrets): what a push names by its display name.
        List<String> accounts = []
        site?.appliances()?.each { a -> a.runAsAccounts().each { r -> accounts << (r.secret() ?: r.env()) } }
        estate?.protectionGroups()?.findAll { it.source() == f.site() && it.pushAccount() }?.each { g -> accounts << (g.pushAccount().secret() ?: g.pushAccount().env()) }
        if (site?.vcenter()?.credential()) accounts << (site.vcenter().credential().secret() ?: site.vcenter().credential().env())
        accounts.unique().each { a ->
            [vmware, physical].each { s ->
                arm.put("${s}/runAsAccounts/${guid('run-as', a)}".toString(), [type: "${s.contains('/VMwareSites/') ? 'Microsoft.OffAzure/vmwareSites' : 'Microsoft.OffAzure/serverSites'}/runAsAccounts".toString(),
                                                                               properties: [displayName: a, credentialType: 'VMwareFabric', createdTimestamp: now(), updatedTimestamp: now()]])
            }
        }
    }

    /** InMageRcmPolicyDetails from the definition's form, as Site Recovery echoes azure-powershell's input ("true"/"false"). */
    static Map policyDetails(Map s) {
        [instanceType: 'InMageRcm', recoveryPointHistoryInMinutes: minutes(s.recoveryPointHistory), crashConsistentFrequencyInMinutes: minutes(s.crashConsistentFrequency ?: '5min'),
         appConsistentFrequencyInMinutes: s.appConsistentFrequency && s.appConsistentFrequency != '0min' ? minutes(s.appConsistentFrequency) : 0,
         enableMultiVmSync: s.multiVmConsistency == 'true' ? 'true' : 'false']
    }

    static void failbackPolicy(ArmServer arm, String vaultId, String name, Map details) {
        arm.put("${vaultId}/replicationPolicies/${name}-failback".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationPolicies',
                properties: [friendlyName: "${name}-failback".toString(), providerSpecificDetails: [instanceType: 'InMageRcmFailback',
                        crashConsistentFrequencyInMinutes: details.crashConsistentFrequencyInMinutes, appConsistentFrequencyInMinutes: details.appConsistentFrequencyInMinutes]]])
    }

    /** A modernized vault's container mappings: each policy towards Azure (with the appliances' agent auto-upgrade) and its failback twin. */
    static void mappings(ArmServer arm, AzureTarget t, RecoveryVault v, Estate estate) {
        v.fabrics().findAll { modernized(it) }.each { f ->
            String container = container(t, host(f, estate), host(f, estate))
            boolean upgrade = f.servers().findAll { it.role() == ServerForm.APPLIANCE_ROLE }.every { it.properties()?.get(ServerForm.AGENT_AUTO_UPGRADE) != 'false' }
            v.policies().findAll { it.kind() == 'vmware-to-azure-modernized' }.each { p ->
                String policy = "${vault(t)}/replicationPolicies/${p.name()}".toString()
                arm.put("${container}/replicationProtectionContainerMappings/${p.name()}".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectionContainerMappings',
                        properties: [targetProtectionContainerId: AZURE_FABRIC, targetProtectionContainerFriendlyName: AZURE_FABRIC, policyId: policy, policyFriendlyName: p.name(),
                                     state: 'Paired', health: 'Normal', healthErrorDetails: [], sourceProtectionContainerFriendlyName: host(f, estate), sourceFabricFriendlyName: host(f, estate),
                                     targetFabricFriendlyName: AZURE_FABRIC, providerSpecificDetails: [instanceType: 'InMageRcm', enableAgentAutoUpgrade: String.valueOf(upgrade)]]])
                arm.put("${container}/replicationProtectionContainerMappings/${p.name()}-failback".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectionContainerMappings',
                        properties: [targetProtectionContainerId: container, targetProtectionContainerFriendlyName: host(f, estate), policyId: policy + '-failback', policyFriendlyName: "${p.name()}-failback".toString(),
                                     state: 'Paired', health: 'Normal', healthErrorDetails: [], sourceProtectionContainerFriendlyName: host(f, estate), sourceFabricFriendlyName: host(f, estate)]])
            }
        }
    }

    /** The disks of an item, as InMageRcmProtectedDiskDetails. */
    static List<Map> protectedDisks(String vm, List disks, String logAccount, String diskType) {
        disks.withIndex().collect { d, int i ->
            [diskId: guid('disk-uuid', "${vm}/${d.name()}"), diskName: d.name(), isOSDisk: String.valueOf(i == 0), capacityInBytes: d.size().bytes(),
             logStorageAccountId: logAccount, diskType: diskType, isInitialReplicationComplete: 'true',
             targetManagedDiskId: null].findAll { it.value != null }
        }
    }

    /** Standard_LRS from standard-lrs. */
    static String azureDiskType(String token) {
        switch (token) {
            case 'premium-lrs': return 'Premium_LRS'
            case 'standardssd-lrs': return 'StandardSSD_LRS'
            default: return 'Standard_LRS'
        }
    }

    /** A protected item of a modernized simulated vault: replicating to Azure, or back to VMware when it was reprotected from Azure. */
    static Map itemDetails(ArmServer arm, AzureTarget t, ProtectedItem i, Estate estate, boolean failback) {
        String log = i.storageAccount() ? "${rg(t)}/providers/Microsoft.Storage/storageAccounts/${i.storageAccount()}".toString() : null
        def fo = i.failover()
        String group = fo?.resourceGroup() ? "/subscriptions/${t.subscription()}/resourceGroups/${fo.resourceGroup()}".toString() : rg(t)
        def machine = estate?.machine(i.machine())?.orElse(null)
        boolean physical = machine?.kind() == MachineKind.PHYSICAL
        String discovered = physical ? "${physicalSite(t, i.site())}/machines/${guid('server', i.machine())}".toString() : "${vmwareSite(t, i.site())}/machines/${machineName(i.machine())}".toString()
        Map agent = i.mobility()?.version() ? [version: i.mobility().version(), latestVersion: AGENT_VERSION, driverVersion: i.mobility().version(), isUpgradeable: 'true', reasonsBlockingUpgrade: []] : null
        if (failback) {
            return [instanceType: 'InMageRcmFailback', internalIdentifier: guid('item', i.machine()), azureVirtualMachineId: "${group}/providers/Microsoft.Compute/virtualMachines/${fo?.azureName() ?: i.machine()}".toString(),
                    reprotectAgentId: i.processServer() ? processServerId(i.processServer()) : null, reprotectAgentName: i.processServer(), osType: machine?.os()?.name() == 'WINDOWS' ? 'Windows' : 'Linux',
                    logStorageAccountId: log, targetVmName: i.machine(), initialReplicationProgressPercentage: 100, resyncRequired: 'false', resyncState: 'None',
                    protectedDisks: i.disks().withIndex().collect { d, int n -> [diskId: guid('disk-uuid', "${i.machine()}/${d.name()}"), diskName: d.name(), isOSDisk: String.valueOf(n == 0),
                                                                                   capacityInBytes: d.size().bytes(), isInitialReplicationComplete: 'true'] },
                    mobilityAgentDetails: agent, vmNics: [], lastUsedPolicyId: "${vault(t)}/replicationPolicies/${i.policy()?.replace('-failback', '')}".toString()].findAll { it.value != null }
        }
        Map nic = [nicId: guid('nic', i.machine()), isPrimaryNic: 'true', isSelectedForFailover: 'true', sourceIPAddress: machine?.nics()?.find { it.ip() }?.ip(),
                   targetSubnetName: fo?.subnet(), targetIPAddress: fo?.ip(), targetIPAddressType: fo?.ip() ? 'Static' : 'Dynamic'].findAll { it.value != null }
        [instanceType: 'InMageRcm', internalIdentifier: guid('item', i.machine()), fabricDiscoveryMachineId: discovered, discoveryType: physical ? 'PhysicalServer' : 'vCenter',
         multiVmGroupName: consistent(estate, i) ? i.protectionGroup() : i.machine(),
         processServerId: i.processServer() ? processServerId(i.processServer()) : null, processServerName: i.processServer(),
         osType: machine?.os()?.name() == 'WINDOWS' ? 'Windows' : 'Linux', firmwareType: machine?.firmware()?.token()?.startsWith('uefi') ? 'UEFI' : 'BIOS',
         primaryNicIpAddress: nic.sourceIPAddress, targetGeneration: machine?.firmware()?.token()?.startsWith('uefi') ? 'Gen2' : 'Gen1',
         targetVmName: fo?.azureName() ?: i.machine(), targetVmSize: fo?.vmSize(), targetResourceGroupId: group, targetLocation: t.region(),
         targetNetworkId: fo?.network() ? "${rg(t)}/providers/Microsoft.Network/virtualNetworks/${fo.network()}".toString() : null,
         testNetworkId: i.testFailover() ? "${rg(t)}/providers/Microsoft.Network/virtualNetworks/${i.testFailover()}".toString() : null,
         lastRpoInSeconds: 90, lastRpoCalculatedTime: now(), initialReplicationProgressPercentage: 100, resyncRequired: 'false', resyncState: 'None',
         agentUpgradeState: 'None', protectedDisks: protectedDisks(i.machine(), i.disks(), log, azureDiskType(fo?.diskType())),
         mobilityAgentDetails: agent, vmNics: [nic]].findAll { it.value != null }
    }

    /** Enable protection done: InMageRcmEnableProtectionInput and the discovered machine → InMageRcmReplicationDetails. */
    static Map enabledDetails(ArmServer arm, String path, Map ps, Map discovered) {
        Map fabric = arm.get(path.substring(0, path.toLowerCase().indexOf('/replicationprotectioncontainers/')))
        Map server = fabric?.properties?.customDetails?.processServers?.find { it.id == ps.processServerId } as Map
        Map m = discovered.properties as Map
        Map defaults = (ps.disksDefault ?: [:]) as Map
        List include = (ps.disksToInclude ?: []) as List
        List<Map> disks = ((m.disks ?: []) as List<Map>).withIndex().findAll { d, int i -> !include || include.any { it.diskId == (d.uuid ?: d.id) } }.collect { d, int i ->
            Map chosen = (include.find { it.diskId == (d.uuid ?: d.id) } ?: defaults) as Map
            [diskId: d.uuid ?: d.id, diskName: d.name, isOSDisk: String.valueOf(i == 0), capacityInBytes: d.maxSizeInBytes, logStorageAccountId: chosen.logStorageAccountId,
             diskType: chosen.diskType, isInitialReplicationComplete: 'true'].findAll { it.value != null }
        }
        Map nic = [nicId: guid('nic', m.displayName as String), isPrimaryNic: 'true', isSelectedForFailover: 'true',
                   sourceIPAddress: ((m.networkAdapters ?: []) as List<Map>).collectMany { (it.ipAddressList ?: []) as List }.find(),
                   targetSubnetName: ps.targetSubnetName, testSubnetName: ps.testSubnetName, targetIPAddressType: 'Dynamic'].findAll { it.value != null }
        [instanceType: 'InMageRcm', internalIdentifier: guid('item', m.displayName as String), fabricDiscoveryMachineId: discovered.id,
         multiVmGroupName: ps.multiVmGroupName ?: m.displayName, discoveryType: (discovered.id as String).contains('/ServerSites/') ? 'PhysicalServer' : 'vCenter',
         processServerId: ps.processServerId, processServerName: server?.name, runAsAccountId: ps.runAsAccountId,
         osType: m.operatingSystemDetails?.osType?.startsWith('windows') ? 'Windows' : 'Linux', firmwareType: m.firmware == 'EFI' ? 'UEFI' : 'BIOS',
         primaryNicIpAddress: nic.sourceIPAddress, targetGeneration: m.firmware == 'EFI' ? 'Gen2' : 'Gen1',
         targetVmName: ps.targetVmName ?: m.displayName, targetVmSize: ps.targetVmSize, targetResourceGroupId: ps.targetResourceGroupId,
         targetNetworkId: ps.targetNetworkId, testNetworkId: ps.testNetworkId, licenseType: ps.licenseType,
         lastRpoInSeconds: 90, lastRpoCalculatedTime: now(), initialReplicationProgressPercentage: 100, resyncRequired: 'false', resyncState: 'None', agentUpgradeState: 'None',
         protectedDisks: disks, mobilityAgentDetails: [version: AGENT_VERSION, latestVersion: AGENT_VERSION, driverVersion: AGENT_VERSION, isUpgradeable: 'false', reasonsBlockingUpgrade: []],
         vmNics: [nic]].findAll { it.value != null }
    }

    /** InMageRcmUpdateReplicationProtectedItemInput: the target settings land in the item's details, a NIC's static address as its target address. */
    static void updated(ArmServer arm, Map d, Map in) {
        // The appliance reports a grown source disk and Site Recovery grows its replica in place (RCM-RESIZE): capacities follow the discovered machine.
        Map discovered = arm.get(d.fabricDiscoveryMachineId as String)
        ((d.protectedDisks ?: []) as List<Map>).each { disk ->
            def source = ((discovered?.properties?.disks ?: []) as List<Map>).find { (it.uuid ?: it.id) == disk.diskId }
            if (source?.maxSizeInBytes) disk.capacityInBytes = source.maxSizeInBytes
        }
        ['targetVmName', 'targetVmSize', 'targetResourceGroupId', 'targetNetworkId', 'testNetworkId', 'licenseType', 'targetAvailabilitySetId', 'targetAvailabilityZone',
         'targetProximityPlacementGroupId', 'targetBootDiagnosticsStorageAccountId'].each { k -> if (in.containsKey(k)) { if (in[k]) d[k] = in[k] else d.remove(k) } }
        ((in.vmNics ?: []) as List<Map>).each { n ->
            Map nic = ((d.vmNics ?: []) as List<Map>).find { it.nicId == n.nicId }
            if (nic == null) return
            nic.isPrimaryNic = n.isPrimaryNic
            if (n.isSelectedForFailover) nic.isSelectedForFailover = n.isSelectedForFailover
            if (n.targetSubnetName) nic.targetSubnetName = n.targetSubnetName
            if (n.targetStaticIPAddress) { nic.targetIPAddress = n.targetStaticIPAddress; nic.targetIPAddressType = 'Static' }
            if (n.testSubnetName) nic.testSubnetName = n.testSubnetName
            if (n.testStaticIPAddress) { nic.testIPAddress = n.testStaticIPAddress; nic.testIPAddressType = 'Static' }
        }
    }

    /**
     * Reprotect of a modernized item, once its job completes; a message when Site Recovery would fail the job. InMageRcm (failed over
     * to Azure) → InMageRcmFailback through the named reprotect agent into a datastore it can reach, under an InMageRcmFailback policy;
     * InMageRcmFailback (failed back) → InMageRcm again through a process server of the fabric, under an InMageRcm policy.
     */
    static String reprotected(ArmServer arm, Map item, Map ps) {
        Map p = item.properties as Map
        Map d = p.providerSpecificDetails as Map
        String itemId = item.id as String
        Map fabric = arm.get(itemId.substring(0, itemId.toLowerCase().indexOf('/replicationprotectioncontainers/')))
        Map custom = (fabric?.properties?.customDetails ?: [:]) as Map
        Map policy = ps.policyId ? arm.get(ps.policyId as String) : null
        String machine = p.friendlyName
        if (d.instanceType == 'InMageRcm') {
            Map agent = ((custom.reprotectAgents ?: []) as List<Map>).find { it.id == ps.reprotectAgentId }
            if (agent == null) return "reprotectAgentId '${ps.reprotectAgentId}' is no reprotect agent of the fabric".toString()
            if (!(ps.datastoreName in (agent.accessibleDatastores ?: []))) return "datastore '${ps.datastoreName}' is not reachable by reprotect agent ${agent.name} (it reaches ${agent.accessibleDatastores})".toString()
            if (policy?.properties?.providerSpecificDetails?.instanceType != 'InMageRcmFailback') return "policyId '${ps.policyId}' is not an InMageRcmFailback policy".toString()
            if (arm.get(ps.logStorageAccountId as String) == null) return "logStorageAccountId '${ps.logStorageAccountId}' does not exist".toString()
            arm.note(machine, 'rcmDetails', new LinkedHashMap(d))
            arm.note(machine, 'rcmPolicy', [id: p.policyId, name: p.policyFriendlyName])
            Map agentDetails = d.mobilityAgentDetails ? [version: d.mobilityAgentDetails.version, latestVersion: d.mobilityAgentDetails.latestVersion ?: AGENT_VERSION] : null
            p.providerSpecificDetails = [instanceType: 'InMageRcmFailback', internalIdentifier: d.internalIdentifier, multiVmGroupName: d.multiVmGroupName,
                    azureVirtualMachineId: arm.notes(machine).vm?.id, reprotectAgentId: agent.id, reprotectAgentName: agent.name, osType: d.osType,
                    logStorageAccountId: ps.logStorageAccountId, targetDataStoreName: ps.datastoreName,
                    targetVmName: arm.get(d.fabricDiscoveryMachineId as String)?.properties?.displayName ?: machine, initialReplicationProgressPercentage: 100,
                    resyncRequired: 'false', resyncState: 'None',
                    protectedDisks: ((d.protectedDisks ?: []) as List<Map>).collect { [diskId: it.diskId, diskName: it.diskName, isOSDisk: it.isOSDisk, capacityInBytes: it.capacityInBytes,
                                                                                          isInitialReplicationComplete: 'true'] },
                    mobilityAgentDetails: agentDetails, vmNics: [], lastUsedPolicyId: p.policyId, lastUsedPolicyFriendlyName: p.policyFriendlyName].findAll { it.value != null }
        } else {
            Map server = ((custom.processServers ?: []) as List<Map>).find { it.id == ps.processServerId }
            if (server == null) return "processServerId '${ps.processServerId}' is no process server of the fabric".toString()
            if (policy?.properties?.providerSpecificDetails?.instanceType != 'InMageRcm') return "policyId '${ps.policyId}' is not an InMageRcm policy".toString()
            if (ps.runAsAccountId && arm.get(ps.runAsAccountId as String) == null) return "runAsAccountId '${ps.runAsAccountId}' is not a run-as account of the discovery site".toString()
            Map before = (arm.notes(machine).rcmDetails ?: [:]) as Map
            Map n = new LinkedHashMap(before)
            n.instanceType = 'InMageRcm'
            n.processServerId = server.id
            n.processServerName = server.name
            if (ps.runAsAccountId) n.runAsAccountId = ps.runAsAccountId
            n.remove('testNetworkId')
            p.providerSpecificDetails = n
        }
        if (policy) { p.policyId = policy.id; p.policyFriendlyName = policy.properties.friendlyName }
        // A failback item names Azure its primary side; once back on VMware, forward replication names VMware its primary again.
        p.activeLocation = 'Primary'
        null
    }

    /**
     * A modernized item as Site Recovery lists it among the vault's items: without its disks and NICs (azure-powershell's recorded
     * list answers carry protectedDisks and vmNics empty for healthy items), which only the item's own GET carries.
     */
    static Map listed(Map item) {
        Map d = item.properties?.providerSpecificDetails as Map
        if (!(d?.instanceType as String)?.startsWith('InMageRcm')) return item
        Map copy = new LinkedHashMap(item)
        copy.properties = new LinkedHashMap(item.properties as Map)
        copy.properties.providerSpecificDetails = new LinkedHashMap(d) + [protectedDisks: [], vmNics: []]
        copy
    }

    /**
     * Switch provider (MOVE-*), once its job completes; a message when Site Recovery would fail the job. What is published:
     * the input (InMageAzureV2SwitchProviderInput: target vault, fabric, appliance), that only a protected classic item
     * replicating to Azure moves, that the move keeps the classic item's resources (log storage account, target resource
     * group, network, VM name and size) and creates the classic policy's copy in the modernized vault, and that the classic
     * item stays, failover-able, until its recovery points expire. What is not published, and how the peer answers it: the
     * new item is named, and its machine found, as an enable names them (the machine its appliances discovered, by display
     * name); the appliance is the fabric's process server of that id (azure-powershell's Start-AzRecoveryServicesAsrSwitchAppliance
     * sends that id as targetApplianceId); the classic item records the move in switchProviderDetails.
     * The policy copy is named as Microsoft Learn publishes it: the classic policy's name, then the modernized vault's name
     * and resource group ("default replication policy contoso-modern-vault_contoso-rg"); made once, with the classic settings.
     */
    static String switched(ArmServer arm, Map item, Map in) {
        Map p = item.properties as Map
        Map d = p.providerSpecificDetails as Map
        Map ps = (in.providerSpecificDetails ?: [:]) as Map
        if (in.targetInstanceType != 'InMageRcm') return "targetInstanceType '${in.targetInstanceType}' is not InMageRcm.".toString()
        if (d.instanceType != 'InMageAzureV2' || ps.instanceType != 'InMageAzureV2') return "Only an InMageAzureV2 item moves to a modernized vault.".toString()
        // The published prerequisites the item itself reports: managed disks, and no blocking error Site Recovery names.
        if (d.useManagedDisks == 'false') return "'${p.friendlyName}' replicates to a storage account: only an item replicating to managed disks moves.".toString()
        if (d.switchProviderBlockingErrorDetails) return "'${p.friendlyName}' cannot move: ${d.switchProviderBlockingErrorDetails*.errorMessage.join('; ')}".toString()
        if (p.protectionState != 'Protected' || p.activeLocation != 'Primary') return "'${p.friendlyName}' is ${p.protectionState} at ${p.activeLocation}: only a protected item replicating to Azure moves.".toString()
        Map vault = arm.get(ps.targetVaultID as String)
        if (vault == null) return "targetVaultID '${ps.targetVaultID}' does not exist.".toString()
        String vaultId = (ps.targetVaultID as String)
        Map fabric = arm.get(ps.targetFabricID as String)
        if (fabric == null || !(ps.targetFabricID as String).toLowerCase().startsWith(vaultId.toLowerCase() + '/replicationfabrics/') || fabric.properties?.customDetails?.instanceType != 'InMageRcm') {
            return "targetFabricID '${ps.targetFabricID}' is no modernized fabric of the target vault.".toString()
        }
        if (!fabric.properties.customDetails.processServers?.any { it.id == ps.targetApplianceID }) return "targetApplianceID '${ps.targetApplianceID}' is no appliance of the target fabric.".toString()
        String vm = p.friendlyName
        String sub = vaultId.substring(0, vaultId.toLowerCase().indexOf('/resourcegroups/')).toLowerCase()
        Map discovered = arm.resources.values().find { (it.type as String)?.toLowerCase() in ['microsoft.offazure/vmwaresites/machines', 'microsoft.offazure/serversites/machines'] &&
                it.properties?.displayName == vm && (it.id as String)?.toLowerCase()?.startsWith(sub) } as Map
        if (discovered == null) return "No appliance of the target vault discovered '${vm}': add its vCenter to the appliance.".toString()
        Map container = arm.resources.values().find { (it.id as String)?.toLowerCase()?.startsWith((ps.targetFabricID as String).toLowerCase() + '/replicationprotectioncontainers/') &&
                (it.id as String).tokenize('/')[-2].equalsIgnoreCase('replicationProtectionContainers') } as Map
        if (container == null) return 'The target fabric has no protection container.'
        List<String> parts = vaultId.tokenize('/')
        String policyName = "${p.policyFriendlyName} ${parts[-1]}_${parts[parts.findIndexOf { it.equalsIgnoreCase('resourceGroups') } + 1]}".toString()
        String policyId = "${vaultId}/replicationPolicies/${policyName}".toString()
        if (arm.get(policyId) == null) {
            Map classic = arm.get(p.policyId as String)?.properties?.providerSpecificDetails as Map
            Map copy = [instanceType: 'InMageRcm', recoveryPointHistoryInMinutes: classic?.recoveryPointHistory ?: 1440, crashConsistentFrequencyInMinutes: 5,
                        appConsistentFrequencyInMinutes: classic?.appConsistentFrequencyInMinutes ?: 0, enableMultiVmSync: classic?.multiVmSyncStatus == 'Enable' ? 'true' : 'false']
            arm.put(policyId, [type: 'Microsoft.RecoveryServices/vaults/replicationPolicies', properties: [friendlyName: policyName, providerSpecificDetails: copy]])
            arm.put("${container.id}/replicationProtectionContainerMappings/${guid('move-copy', policyName)}".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectionContainerMappings',
                    properties: [targetProtectionContainerId: AZURE_FABRIC, targetProtectionContainerFriendlyName: AZURE_FABRIC, policyId: policyId, policyFriendlyName: policyName,
                                 state: 'Paired', health: 'Normal', healthErrorDetails: [], providerSpecificDetails: [instanceType: 'InMageRcm', enableAgentAutoUpgrade: 'true']]])
        }
        Map input = [instanceType: 'InMageRcm', fabricDiscoveryMachineId: discovered.id, processServerId: ps.targetApplianceID,
                     disksDefault: [logStorageAccountId: d.recoveryAzureLogStorageAccountId ?: d.recoveryAzureStorageAccount, diskType: d.diskType ?: 'Standard_LRS'],
                     targetResourceGroupId: d.recoveryAzureResourceGroupId, targetNetworkId: d.selectedRecoveryAzureNetworkId, targetVmName: d.recoveryAzureVMName ?: vm,
                     // A replication group moves together and stays one; an item in none (its group id its own) has none to carry.
                     targetVmSize: d.recoveryAzureVMSize,
                     multiVmGroupName: d.multiVmGroupName && !(d.multiVmGroupName as String).equalsIgnoreCase(d.multiVmGroupId as String) ? d.multiVmGroupName : null].findAll { it.value != null }
        String path = "${container.id}/replicationProtectedItems/${discovered.name}".toString()
        Map made = ArmResources.enabled(arm, path, [properties: [policyId: policyId, providerSpecificDetails: input]], discovered)
        Map subnet = ((d.vmNics ?: []) as List<Map>).collectMany { (it.ipConfigs ?: []) as List<Map> }.find { it.recoverySubnetName } as Map
        if (subnet) ((made.properties.providerSpecificDetails.vmNics ?: []) as List<Map>).each { it.targetSubnetName = subnet.recoverySubnetName }
        arm.put(path, made)
        d.switchProviderDetails = [targetVaultId: vaultId, targetResourceId: path, targetFabricId: ps.targetFabricID, targetApplianceId: ps.targetApplianceID]
        null
    }

}
