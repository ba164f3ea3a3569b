package siteplan.providers.azure

import siteplan.model.AzureTarget
import siteplan.planner.state.DiscoveredState
import siteplan.planner.state.ProtectedItem
import siteplan.planner.state.RecoveryVault
import siteplan.units.DataSize
import siteplan.units.Durations

/**
 * The test server's resources in the shapes of azure-rest-api-specs (Microsoft.Network virtualNetworks,
 * Microsoft.Storage storageAccounts, Microsoft.RecoveryServices vaults and their replication… objects):
 * seeded from a simulated estate's state, created from PUT bodies, changed by POST actions.
 * Written independently of the provider's mapping, so a round trip checks both.
 */
class ArmResources {
    static String rg(AzureTarget t) { "/subscriptions/${t.subscription()}/resourceGroups/${t.resourceGroup()}".toString() }

    static String vault(AzureTarget t) { "${rg(t)}/providers/Microsoft.RecoveryServices/vaults/${t.vault()}".toString() }

    static String fabric(AzureTarget t, String site) { "${vault(t)}/replicationFabrics/fabric-${site}".toString() }

    static long minutes(String duration) { Durations.parse(duration).toMinutes() }

    /** Everything the simulated estate holds for target t, as Resource Manager would serve it. */
    static void seed(ArmServer arm, AzureTarget t, DiscoveredState state, siteplan.model.Estate estate = null) {
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
        arm.put(vault(t), [location: v.region(), type: 'Microsoft.RecoveryServices/vaults', sku: [name: 'Standard'],
                           tags: managed ? ['managed-by': 'siteplan'] : [:], properties: [provisioningState: 'Succeeded']])
        v.fabrics().each { f -> seedFabric(arm, t, f) }
        // What the configuration server discovered in vCenter: the machines protection can be enabled for, with their disks.
        state.vcenters().each { vc ->
            def f = v.fabric(vc.site()).orElse(null)
            if (f == null || f.protectionContainers().isEmpty()) return
            vc.vms().each { vm ->
                arm.put("${fabric(t, vc.site())}/replicationProtectionContainers/${f.protectionContainers()[0]}/replicationProtectableItems/${vm.name()}".toString(),
                        [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectableItems',
                         properties: [friendlyName: vm.name(), protectionStatus: 'Unprotected',
                                      customDetails: [instanceType: 'VMwareVirtualMachine', diskDetails: vm.disks().collect { [diskId: it.name(), diskName: it.name(), maxSizeMB: it.size().bytes() / (1024 * 1024) as long] }]]])
            }
        }
        // Hyper-V VMs: VMM lists each in its cloud.
        estate?.machines()?.findAll { it.kind() == siteplan.model.MachineKind.HYPERV_VM && it.cloud() }?.each { m ->
            arm.put("${fabric(t, m.site())}/replicationProtectionContainers/${m.cloud()}/replicationProtectableItems/${m.name()}".toString(),
                    [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectableItems',
                     properties: [friendlyName: m.name(), protectionStatus: 'Unprotected',
                                  customDetails: [instanceType: 'HyperVVirtualMachine', diskDetails: m.disks().collect { [diskId: it.name(), diskName: it.name(), maxSizeMB: it.size().bytes() / (1024 * 1024) as long] }]]])
        }
        // Physical servers: the configuration server lists them once their Mobility service or push reaches them.
        estate?.machines()?.findAll { it.kind() == siteplan.model.MachineKind.PHYSICAL }?.each { m ->
            def f = v.fabric(m.site()).orElse(null)
            if (f == null || f.protectionContainers().isEmpty()) return
            arm.put("${fabric(t, m.site())}/replicationProtectionContainers/${f.protectionContainers()[0]}/replicationProtectableItems/${m.name()}".toString(),
                    [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectableItems',
                     properties: [friendlyName: m.name(), protectionStatus: 'Unprotected',
                                  customDetails: [instanceType: 'PhysicalMachine', diskDetails: m.disks().collect { [diskId: it.name(), diskName: it.name(), maxSizeMB: it.size().bytes() / (1024 * 1024) as long] }]]])
        }
        v.policies().each { p -> arm.put("${vault(t)}/replicationPolicies/${p.name()}".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationPolicies', properties: policy(p)]) }
        v.networkMappings().each { m ->
            String f = fabric(t, v.fabrics().find { it.type() == 'vmware' }?.site() ?: 'azure')
            arm.put("${f}/replicationNetworks/${m.source()}/replicationNetworkMappings/${m.source()}-${m.target()}".toString(),
                    [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationNetworks/replicationNetworkMappings',
                     properties: [state: 'Paired', primaryNetworkFriendlyName: m.source(), recoveryNetworkFriendlyName: m.target(),
                                  recoveryNetworkId: "${rg(t)}/providers/Microsoft.Network/virtualNetworks/${m.target()}".toString()]])
        }
        v.storageMappings().each { m ->
            String f = fabric(t, v.fabrics().find { it.type() == 'vmm' }?.site() ?: 'vmm')
            arm.put("${f}/replicationStorageClassifications/${m.source()}/replicationStorageClassificationMappings/${m.source()}-${m.target()}".toString(),
                    [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationStorageClassifications/replicationStorageClassificationMappings',
                     properties: [targetStorageClassificationId: "${f}/replicationStorageClassifications/${m.target()}".toString()]])
        }
        v.protectedItems().each { i -> arm.put(itemId(t, v, i), [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems', properties: item(t, v, i)]) }
        v.recoveryPlans().each { rp ->
            arm.put("${vault(t)}/replicationRecoveryPlans/${rp.name()}".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationRecoveryPlans',
                    properties: [friendlyName: rp.name(), failoverDeploymentModel: 'ResourceManager', groups: [[groupType: 'Shutdown', replicationProtectedItems: []]] +
                            rp.groups().collect { g -> [groupType: 'Boot', replicationProtectedItems: g.collect { m -> [id: itemId(t, v, v.protectedItems().find { it.machine() == m })] }] } +
                            [[groupType: 'Failover', replicationProtectedItems: []]]]])
        }
    }

    static void seedFabric(ArmServer arm, AzureTarget t, RecoveryVault.Fabric f) {
        String id = fabric(t, f.site())
        def servers = f.servers()
        Map custom = [instanceType: f.type() == 'vmm' ? 'VMM' : 'VMware']
        if (f.type() == 'vmware') {
            def cs = servers.find { it.role() == 'configuration-server' }
            if (cs) custom.hostName = cs.name()
            custom.processServers = servers.findAll { it.role() == 'process-server' }.collect { s ->
                [id: "ps-${s.name()}".toString(), friendlyName: s.name(), health: asrHealth(s.health()),
                 totalMemoryInBytes: s.properties().memory ? DataSize.parse(s.properties().memory).bytes() : null]
            }
            custom.masterTargetServers = servers.findAll { it.role() == 'master-target' }.collect { s ->
                [id: "mt-${s.name()}".toString(), name: s.name(), health: asrHealth(s.health()), osType: s.properties().os?.capitalize(),
                 retentionVolumes: s.properties().retention ? [[volumeName: 'R:', capacityInBytes: DataSize.parse(s.properties().retention).bytes()]] : []]
            }
        }
        arm.put(id, [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics', properties: [friendlyName: f.site(), health: asrHealth(servers.find { it.role() == 'configuration-server' }?.health()), customDetails: custom]])
        servers.findAll { it.role() == 'vcenter' }.each { s ->
            arm.put("${id}/replicationvCenters/${s.name()}".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationvCenters',
                    properties: [friendlyName: s.name(), ipAddress: s.name(), port: '443', health: asrHealth(s.health())]])
        }
        f.protectionContainers().each { c ->
            arm.put("${id}/replicationProtectionContainers/${c}".toString(), [type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers',
                    properties: [friendlyName: c, fabricFriendlyName: f.site(), role: 'Primary']])
        }
    }

    static String asrHealth(String h) {
        h == null || h == 'healthy' ? 'Normal' : h.capitalize()
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
        } else {
            d = [instanceType: p.kind() == 'failback' ? 'InMage' : 'InMageAzureV2', recoveryPointThresholdInMinutes: minutes(s.rpoThreshold),
                 recoveryPointHistory: minutes(s.retention), appConsistentFrequencyInMinutes: minutes(s.appConsistentFrequency),
                 crashConsistentFrequencyInMinutes: 5, multiVmSyncStatus: s.multiVmConsistency == 'true' ? 'Enable' : 'Disable']
        }
        [friendlyName: p.name(), providerSpecificDetails: d]
    }

    static String itemId(AzureTarget t, RecoveryVault v, ProtectedItem i) {
        def f = v.fabric(i.site()).orElse(null)
        String container = f?.protectionContainers()?.find() ?: "cloud_${i.site()}"
        "${fabric(t, i.site())}/replicationProtectionContainers/${container}/replicationProtectedItems/${i.machine()}".toString()
    }

    static Map item(AzureTarget t, RecoveryVault v, ProtectedItem i) {
        boolean hyperV = v.fabric(i.site()).map { it.type() == 'vmm' }.orElse(false)
        Map d = hyperV ? [instanceType: 'HyperVReplica2012R2'] : [instanceType: 'InMageAzureV2', multiVmGroupName: i.protectionGroup()]
        if (i.processServer()) d += [processServerName: i.processServer(), processServerId: "ps-${i.processServer()}".toString()]
        if (i.masterTarget()) d.masterTargetId = "mt-${i.masterTarget()}".toString()
        d += [
                 recoveryAzureStorageAccount: i.storageAccount() ? "${rg(t)}/providers/Microsoft.Storage/storageAccounts/${i.storageAccount()}".toString() : null,
                 protectedDisks: i.disks().collect { [diskId: it.name(), diskName: it.name(), diskCapacityInBytes: it.size().bytes()] }]
        if (i.failover()) {
            def f = i.failover()
            d.recoveryAzureVMName = f.azureName()
            d.recoveryAzureVMSize = f.vmSize()
            if (f.network()) d.selectedRecoveryAzureNetworkId = "${rg(t)}/providers/Microsoft.Network/virtualNetworks/${f.network()}".toString()
            d.vmNics = [[nicId: 'nic0', selectedSubnetName: f.subnet(), replicaNicStaticIPAddress: f.ip()]]
        }
        if (i.mobility()) d.agentVersion = i.mobility().version()
        if (i.testFailover()) d.selectedTfoAzureNetworkId = "${rg(t)}/providers/Microsoft.Network/virtualNetworks/${i.testFailover()}".toString()
        [friendlyName: i.machine(), protectedItemType: d.instanceType, primaryFabricFriendlyName: i.site(), policyFriendlyName: i.policy(),
         policyId: "${vault(t)}/replicationPolicies/${i.policy()}".toString(),
         protectionState: AsrStates.of(i.state()), replicationHealth: i.health()?.capitalize(),
         activeLocation: i.activeLocation() == ProtectedItem.ActiveLocation.RECOVERY ? 'Recovery' : 'Primary',
         testFailoverState: i.testFailover() ? 'TestFailoverCompleted' : 'None',
         providerSpecificDetails: d]
    }

    // ------------------------------------------------------------------ writes

    static String scenarioOfPut(String path) {
        String type = path.tokenize('/')[-2].toLowerCase()
        switch (type) {
            case 'replicationprotecteditems': return 'EnableDr'
            case 'replicationpolicies': return 'AddProtectionProfile'
            case 'replicationrecoveryplans': return 'CreateRecoveryPlan'
            case 'replicationnetworkmappings': return 'MapNetwork'
            case 'replicationvcenters': return 'AddvCenter'
            default: return 'Create'
        }
    }

    /** A PUT body (the …Input shapes) turned into the resource Site Recovery would then report. */
    static Map created(ArmServer arm, String path, Map body) {
        String type = path.tokenize('/')[-2].toLowerCase()
        String name = path.tokenize('/').last()
        Map in = (body.properties ?: [:]) as Map
        switch (type) {
            case 'replicationpolicies':
                Map details = new LinkedHashMap((in.providerSpecificInput ?: [:]) as Map)
                if (details.containsKey('replicaDeletion')) details.replicaDeletionOption = details.remove('replicaDeletion')
                return [type: ArmServer.typeOf(path), properties: [friendlyName: name, providerSpecificDetails: details]]
            case 'replicationrecoveryplans':
                return [type: ArmServer.typeOf(path), properties: [friendlyName: name, primaryFabricId: in.primaryFabricId, recoveryFabricId: in.recoveryFabricId,
                                                                   failoverDeploymentModel: in.failoverDeploymentModel, groups: in.groups]]
            case 'replicationnetworkmappings':
                def s = in.fabricSpecificDetails ?: [:]
                return [type: ArmServer.typeOf(path), properties: [state: 'Paired', primaryNetworkFriendlyName: path.tokenize('/')[-3],
                        recoveryNetworkFriendlyName: s.primaryNetworkId ? s.primaryNetworkId.tokenize('/').last() : in.recoveryNetworkId?.tokenize('/')?.last(),
                        recoveryNetworkId: s.primaryNetworkId ?: in.recoveryNetworkId]]
            case 'replicationvcenters':
                return [type: ArmServer.typeOf(path), properties: [friendlyName: in.friendlyName ?: name, ipAddress: in.ipAddress, port: in.port, health: 'Normal']]
            case 'replicationprotecteditems':
                Map ps = (in.providerSpecificDetails ?: [:]) as Map
                Map policy = arm.get(in.policyId as String)
                String fabricId = path.substring(0, path.toLowerCase().indexOf('/replicationprotectioncontainers/'))
                Map fabric = arm.get(fabricId)
                def server = fabric?.properties?.customDetails?.processServers?.find { it.id == ps.processServerId }
                return [type: ArmServer.typeOf(path), properties: [friendlyName: name, protectedItemType: ps.instanceType,
                        primaryFabricFriendlyName: fabric?.properties?.friendlyName, policyId: in.policyId, policyFriendlyName: policy?.properties?.friendlyName,
                        protectionState: 'Protected', replicationHealth: 'Normal', activeLocation: 'Primary', testFailoverState: 'None',
                        providerSpecificDetails: [instanceType: ps.instanceType, multiVmGroupName: ps.multiVmGroupName, processServerId: ps.processServerId,
                                                  processServerName: server?.friendlyName, masterTargetId: ps.masterTargetId,
                                                  recoveryAzureStorageAccount: ps.storageAccountId,
                                                  protectedDisks: disksOf(arm, in.protectableItemId as String, ps.disksToInclude as List),
                                                  recoveryAzureVMName: ps.targetAzureVmName,
                                                  selectedRecoveryAzureNetworkId: ps.targetAzureNetworkId,
                                                  vmNics: ps.targetAzureSubnetId ? [[nicId: 'nic0', selectedSubnetName: (ps.targetAzureSubnetId as String).tokenize('/').last()]] : [],
                                                  rpoInSeconds: 90] + (ps.instanceType == 'InMageAzureV2' ? [agentVersion: '9.0'] : [:])]]
            default:
                return [type: ArmServer.typeOf(path), properties: in]
        }
    }

    /** The disks the protectable item reports, those named in disksToInclude (all when none are named). */
    static List<Map> disksOf(ArmServer arm, String protectableItemId, List include) {
        Map protectable = arm.get(protectableItemId)
        List<Map> disks = (protectable?.properties?.customDetails?.diskDetails ?: []) as List<Map>
        disks.findAll { !include || it.diskName in include }.collect { [diskId: it.diskId, diskName: it.diskName, diskCapacityInBytes: (it.maxSizeMB as long) * 1024 * 1024] }
    }

    /** A POST action on a protected item: test failover, its cleanup, failovers, commit, reprotect. */
    static void act(ArmServer arm, Map item, String action, Map body) {
        Map p = item.properties as Map
        Map d = p.providerSpecificDetails as Map
        Map in = (body.properties ?: [:]) as Map
        switch (action.toLowerCase()) {
            case 'testfailover':
                p.testFailoverState = 'TestFailoverCompleted'
                d.selectedTfoAzureNetworkId = in.networkId
                if (!d.vmNics) d.vmNics = [[nicId: 'nic0']]
                d.vmNics[0].tfoIPAddress = arm.testAddresses.computeIfAbsent(p.friendlyName as String) { '127.2.0.' + (arm.testAddresses.size() + 1) }
                break
            case 'remove':
                arm.resources.remove((item.id as String).toLowerCase())
                break
            case 'updatemobilityservice':
                d.agentVersion = '9.1'
                break
            case 'testfailovercleanup':
                p.testFailoverState = 'None'
                d.remove('selectedTfoAzureNetworkId')
                d.vmNics?.each { it.remove('tfoIPAddress') }
                break
            case 'plannedfailover':
            case 'unplannedfailover':
                p.protectionState = 'FailedOver'
                p.activeLocation = p.activeLocation == 'Recovery' ? 'Primary' : 'Recovery'
                if (p.activeLocation == 'Recovery') {
                    // The failed-over VM and its NIC, in the vault's resource group, with the address tests listen on.
                    String rg = (item.id as String).substring(0, (item.id as String).toLowerCase().indexOf('/providers/microsoft.recoveryservices'))
                    String vm = d.recoveryAzureVMName ?: p.friendlyName
                    String nic = "${rg}/providers/Microsoft.Network/networkInterfaces/${vm}-nic".toString()
                    String ip = arm.testAddresses.computeIfAbsent(p.friendlyName as String) { '127.2.0.' + (arm.testAddresses.size() + 1) }
                    arm.put(nic, [type: 'Microsoft.Network/networkInterfaces', properties: [ipConfigurations: [[name: 'ipconfig1', properties: [privateIPAddress: ip]]]]])
                    arm.put("${rg}/providers/Microsoft.Compute/virtualMachines/${vm}".toString(), [type: 'Microsoft.Compute/virtualMachines',
                            properties: [hardwareProfile: [vmSize: d.recoveryAzureVMSize], networkProfile: [networkInterfaces: [[id: nic]]]]])
                }
                break
            case 'failovercommit':
                p.protectionState = 'FailoverCommitted'
                break
            case 'reprotect':
                p.protectionState = 'Reprotected'
                break
            default:
                throw new IllegalArgumentException("unknown action ${action}")
        }
    }
}
