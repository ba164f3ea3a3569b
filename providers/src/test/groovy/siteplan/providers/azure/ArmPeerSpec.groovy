package siteplan.providers.azure

import com.fasterxml.jackson.databind.ObjectMapper
import java.net.http.HttpClient
import java.net.http.HttpRequest
import java.net.http.HttpResponse
import java.nio.file.Path
import java.security.cert.X509Certificate
import javax.net.ssl.SSLContext
import javax.net.ssl.X509TrustManager
import siteplan.dsl.load.DefinitionLoader
import siteplan.model.AzureTarget
import siteplan.model.Estate
import siteplan.model.ProviderKind
import siteplan.planner.state.RecoveryVault
import siteplan.planner.state.StateFiles
import siteplan.providers.ThumbprintTrust
import siteplan.providers.Vcsim
import spock.lang.Specification
import spock.lang.Unroll

/**
 * The Azure peer itself, driven with plain HTTP as any client of Resource Manager would: it names things
 * as Azure does, speaks only Site Recovery's published contract, runs every write as a job behind either
 * form of ARM's long-running operations, and moves protected items through the states of
 * /work/notes/asr-decisions.md.
 */
class ArmPeerSpec extends Specification {
    static final ObjectMapper JSON = new ObjectMapper()
    static final String API = '2023-06-01'
    ArmServer arm
    HttpClient http

    def setup() {
        arm = ArmServer.start()
        arm.caller = 'ArmPeerSpec'
        // Trust exactly the peer's certificate, by its thumbprint (as the provider's pinning does).
        X509TrustManager pinned = new X509TrustManager() {
            void checkClientTrusted(X509Certificate[] chain, String type) { throw new java.security.cert.CertificateException('no clients') }
            void checkServerTrusted(X509Certificate[] chain, String type) {
                if (ThumbprintTrust.of(chain[0]) != arm.thumbprint) throw new java.security.cert.CertificateException('not the peer')
            }
            X509Certificate[] getAcceptedIssuers() { new X509Certificate[0] }
        }
        SSLContext ssl = SSLContext.getInstance('TLS')
        ssl.init(null, [pinned] as javax.net.ssl.TrustManager[], null)
        http = HttpClient.newBuilder().sslContext(ssl).build()
    }

    def cleanup() {
        arm?.close()
    }

    // ------------------------------------------------------------------ helpers

    static class Answer {
        int status
        Map body
        Map<String, List<String>> headers
        String header(String name) { headers.find { it.key.equalsIgnoreCase(name) }?.value?.first() }
    }

    Answer hit(String method, String pathOrUrl, Map body = null, String apiVersion = API) {
        String url = pathOrUrl.startsWith('https://') ? pathOrUrl : arm.endpoint + pathOrUrl.substring(1).split('/').collect { URLEncoder.encode(URLDecoder.decode(it, 'UTF-8'), 'UTF-8').replace('+', '%20') }.join('/') + "?api-version=${apiVersion}"
        def b = HttpRequest.newBuilder(URI.create(url)).header('Authorization', "Bearer ${arm.token}")
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        if (body != null) b.header('Content-Type', 'application/json')
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString())
        new Answer(status: r.statusCode(), body: r.body() ? JSON.readValue(r.body(), Map) : null, headers: r.headers().map())
    }

    List<Map> list(String path) { hit('GET', path).body.value as List<Map> }

    /** Polls a 202's operation the way its mode says, until done; returns [final status word, polls, last answer]. */
    List wait(Answer accepted) {
        assert accepted.status == 202 && accepted.body == null
        assert accepted.header('Retry-After') == '30'
        int polls = 0
        if (arm.lroMode == 'async') {
            String status = accepted.header('Azure-AsyncOperation')
            assert status.contains('/replicationOperationStatus/') && status.endsWith("api-version=${API}")
            while (true) {
                Answer a = hit('GET', status)
                polls++
                assert a.status == 200 && a.body.name && a.body.startTime
                if (a.body.status != 'InProgress') return [a.body.status, polls, a]
                assert polls < 10
            }
        }
        assert accepted.header('Azure-AsyncOperation') == null
        String location = accepted.header('Location')
        assert location.contains('/operationResults/')
        while (true) {
            Answer a = hit('GET', location)
            polls++
            if (a.status == 200) return [a.body.properties.state, polls, a]
            assert a.status == 202 && a.header('Retry-After') == '30'
            assert polls < 10
        }
    }

    Path example(String name) { Vcsim.root().resolve("examples/${name}") }

    AzureTarget seedVmware() {
        Estate estate = DefinitionLoader.load([example('vmware-to-azure').toString()]).estate()
        AzureTarget t = estate.azure()[0]
        ArmResources.seed(arm, t, StateFiles.read(example('vmware-to-azure').resolve('.siteplan/state.json')), estate)
        t
    }

    AzureTarget seedHyperV() {
        Estate estate = DefinitionLoader.load([example('hyperv-vmm-to-vmm').toString()]).estate()
        AzureTarget t = new AzureTarget('chicago', '0b7e3c1d-0000-4000-8000-000000000003', 'eastus', 'rg-vmm', 'chicago-vault', null, null, null, [], [],
                ProviderKind.AZURE, arm.endpoint, null, arm.thumbprint, null)
        ArmResources.seed(arm, t, StateFiles.read(example('hyperv-vmm-to-vmm').resolve('.siteplan/state.json')), estate)
        ArmResources.seedFabric(arm, t, new RecoveryVault.Fabric('chicago', 'vmm', null, [], ['GoldCloud2', 'SilverCloud2']), estate)
        t
    }

    Map vmwareFabric(AzureTarget t) { list("${ArmResources.vault(t)}/replicationFabrics").find { it.properties.customDetails.instanceType == 'VMware' } }

    /** An EnableProtectionInput for a VMware VM, as the decisions say the provider sends it. */
    Map enableBody(AzureTarget t, Map fabric, Map protectable, String vm) {
        Map c = fabric.properties.customDetails
        String rg = ArmResources.rg(t)
        [properties: [policyId: "${ArmResources.vault(t)}/replicationPolicies/gold".toString(), protectableItemId: protectable.id,
                      providerSpecificDetails: [instanceType: 'InMageAzureV2', processServerId: c.processServers[0].id, masterTargetId: c.masterTargetServers.find { it.name == 'mt-win01' }.id,
                                                storageAccountId: "${rg}/providers/Microsoft.Storage/storageAccounts/contosodr01".toString(), runAsAccountId: c.runAsAccounts[0].accountId,
                                                disksToInclude: protectable.properties.customDetails.diskDetails.collect { [diskId: it.diskId] },
                                                targetAzureNetworkId: "${rg}/providers/Microsoft.Network/virtualNetworks/dr-vnet".toString(),
                                                targetAzureSubnetId: "${rg}/providers/Microsoft.Network/virtualNetworks/dr-vnet/subnets/web".toString(),
                                                targetAzureVmName: vm, targetAzureV2ResourceGroupId: rg]]]
    }

    /** The VMware VM to enable: one vCenter lists that is not protected yet. */
    Map unprotected(String containerId) {
        list("${containerId}/replicationProtectableItems").find { it.properties.protectionStatus == 'Unprotected' && it.properties.friendlyName.startsWith('web') }
    }

    // ------------------------------------------------------------------ specs

    def "names are Azure's: hashed fabrics with friendly names, cloud_ containers, GUID protectable items, run-as accounts from the estate's credentials"() {
        given:
        AzureTarget t = seedVmware()

        when:
        List<Map> fabrics = list("${ArmResources.vault(t)}/replicationFabrics")
        Map vmware = fabrics.find { it.properties.customDetails.instanceType == 'VMware' }
        List<Map> containers = list("${vmware.id}/replicationProtectionContainers")
        List<Map> protectables = list("${containers[0].id}/replicationProtectableItems")

        then:
        fabrics*.name.every { it ==~ /[0-9a-f]{64}/ }
        fabrics*.properties*.friendlyName as Set == ['cs01', 'Microsoft Azure'] as Set
        fabrics.find { it.properties.friendlyName == 'Microsoft Azure' }.properties.customDetails == [instanceType: 'Azure', location: 'westeurope']
        vmware.properties.customDetails.hostName == 'cs01'
        vmware.properties.customDetails.processServers*.friendlyName == ['ps01', 'ps02']
        vmware.properties.customDetails.processServers.every { it.id ==~ /[0-9A-F-]{36}/ }
        vmware.properties.customDetails.masterTargetServers*.name == ['mt-lnx01', 'mt-win01']
        vmware.properties.customDetails.masterTargetServers.every { !it.containsKey('health') }
        vmware.properties.customDetails.runAsAccounts[0] == [accountId: '1', accountName: 'vcenter-asr']
        vmware.properties.customDetails.runAsAccounts*.accountName.contains('asr-push-root')

        containers.size() == 1
        containers[0].name ==~ /cloud_[0-9a-f-]{36}/
        containers[0].properties.friendlyName == 'cs01'

        protectables*.properties*.friendlyName.containsAll(['web01', 'mq02', 'erp-db01'])
        protectables.every { it.name ==~ /[0-9a-f-]{36}/ }
        protectables.find { it.properties.friendlyName == 'erp-db01' }.properties.protectionStatus == 'Protected'

        and: 'seeded protected items are named by their protectable item, in the Protected row of the table'
        Map item = arm.item('erp-db01')
        item.name == protectables.find { it.properties.friendlyName == 'erp-db01' }.name
        item.properties.protectionState == 'Protected'
        item.properties.allowedOperations == ['UnplannedFailover', 'DisableProtection', 'TestFailover']
        item.properties.providerSpecificDetails.vmNics[0].ipConfigs[0].recoveryStaticIPAddress == '10.20.1.10'

        and: 'every seeded Site Recovery resource, read back one by one, fits the contract'
        arm.resources.values().findAll { ArmServer.typeOf(it.id as String).startsWith('Microsoft.RecoveryServices/vaults/') }.each { r ->
            assert hit('GET', r.id as String).status == 200
        }
        arm.violations.isEmpty()
    }

    def "VMM sites: fabrics by VMM server, containers per cloud, replication networks and storage classifications from the estate"() {
        given:
        AzureTarget t = seedHyperV()

        when:
        List<Map> fabrics = list("${ArmResources.vault(t)}/replicationFabrics")
        Map ny = fabrics.find { it.properties.friendlyName == 'VMM-NewYork' }
        Map chi = fabrics.find { it.properties.friendlyName == 'VMM-Chicago' }

        then:
        fabrics.size() == 2
        ny.properties.customDetails == [instanceType: 'VMM']
        list("${ny.id}/replicationProtectionContainers")*.properties*.friendlyName as Set == ['GoldCloud1', 'SilverCloud1'] as Set
        list("${chi.id}/replicationProtectionContainers")*.properties*.friendlyName as Set == ['GoldCloud2', 'SilverCloud2'] as Set
        list("${ny.id}/replicationNetworks")*.properties*.friendlyName as Set == ['VMNetwork1-NewYork', 'VMNetwork2-NewYork'] as Set
        list("${ny.id}/replicationStorageClassifications")*.properties*.friendlyName as Set == ['GOLD', 'SILVER', 'BRONZE'] as Set
        list("${ArmResources.vault(t)}/replicationNetworkMappings")[0].properties.recoveryNetworkFriendlyName == 'VMNetwork1-Chicago'
        arm.item('app-ny-01').properties.providerSpecificDetails.instanceType == 'HyperVReplica2012R2'
        arm.item('app-ny-01').properties.allowedOperations == ['PlannedFailover', 'UnplannedFailover', 'DisableProtection', 'TestFailover']

        and: 'without an estate, a VMM fabric is named by its site'
        ArmResources.seedFabric(arm, t, new RecoveryVault.Fabric('denver', 'vmm', null, [], ['Cloud3']))
        list("${ArmResources.vault(t)}/replicationFabrics").find { it.name == ArmResources.hash('denver') }.properties.friendlyName == 'denver'

        and:
        arm.resources.values().findAll { ArmServer.typeOf(it.id as String).startsWith('Microsoft.RecoveryServices/vaults/') }.each { r ->
            assert hit('GET', r.id as String).status == 200
        }
        arm.violations.isEmpty()
    }

    @Unroll
    def "a VMware VM's whole lifecycle through Site Recovery, polled the #mode way"() {
        given:
        arm.lroMode = mode
        AzureTarget t = seedVmware()
        Map fabric = vmwareFabric(t)
        Map container = list("${fabric.id}/replicationProtectionContainers")[0]
        Map protectable = unprotected(container.id as String)
        String vm = protectable.properties.friendlyName
        String itemPath = "${container.id}/replicationProtectedItems/${protectable.name}"
        Map c = fabric.properties.customDetails
        arm.testAddresses[vm] = '127.2.0.77'

        when: 'enable'
        def (word, polls) = wait(hit('PUT', itemPath, enableBody(t, fabric, protectable, vm)))
        Map item = hit('GET', itemPath).body

        then:
        word == 'Succeeded'
        polls == 2
        item.name == protectable.name
        item.properties.friendlyName == vm
        item.properties.protectionState == 'Protected' && item.properties.protectionStateDescription == 'Protected'
        item.properties.activeLocation == 'Primary'
        item.properties.testFailoverState == 'None'
        item.properties.allowedOperations == ['UnplannedFailover', 'DisableProtection', 'TestFailover']
        item.properties.providerSpecificDetails.instanceType == 'InMageAzureV2'
        item.properties.currentScenario.scenarioName == 'None'
        list("${container.id}/replicationProtectableItems").find { it.name == protectable.name }.properties.protectionStatus == 'Protected'
        list("${ArmResources.vault(t)}/replicationJobs").find { it.properties.scenarioName == 'EnableDr' }.properties.state == 'Succeeded'

        when: 'failover to Azure (the planned one is an unplanned failover after shutting the source down)'
        wait(hit('POST', "${itemPath}/unplannedFailover", [properties: [failoverDirection: 'PrimaryToRecovery', sourceSiteOperations: 'Required',
                                                                           providerSpecificDetails: [instanceType: 'InMageAzureV2']]]))
        item = hit('GET', itemPath).body
        Map azureVm = hit('GET', item.properties.providerSpecificDetails.targetVmId as String).body
        Map nic = hit('GET', azureVm.properties.networkProfile.networkInterfaces[0].id as String).body

        then:
        item.properties.protectionState == 'UnplannedFailoverCommitPendingStatesBegin'
        item.properties.protectionStateDescription == 'Failover completed'
        item.properties.activeLocation == 'Recovery'
        item.properties.allowedOperations == ['Commit', 'ChangePit', 'DisableProtection']
        azureVm.name == vm
        nic.name == "${vm}-nic"
        nic.properties.ipConfigurations[0].properties.privateIPAddress == '127.2.0.77'

        when: 'commit'
        wait(hit('POST', "${itemPath}/failoverCommit"))
        item = hit('GET', itemPath).body

        then:
        item.properties.protectionState == 'PlannedFailoverStatesBegin'
        item.properties.protectionStateDescription == 'Planned failover committed'
        item.properties.allowedOperations == ['ReverseReplicate', 'DisableProtection']

        when: 'reprotect from Azure to VMware'
        Map mt = c.masterTargetServers.find { it.name == 'mt-win01' }
        wait(hit('POST', "${itemPath}/reProtect", [properties: [failoverDirection: 'RecoveryToPrimary', providerSpecificDetails: [instanceType: 'InMage',
                masterTargetId: mt.id, processServerId: c.processServers[0].id, retentionDrive: mt.retentionVolumes[0].volumeName, runAsAccountId: '1',
                datastoreName: mt.dataStores ? mt.dataStores[0].symbolicName : null, profileId: "${ArmResources.vault(t)}/replicationPolicies/gold".toString()].findAll { it.value != null }]]))
        item = hit('GET', itemPath).body

        then:
        item.properties.protectionState == 'Protected'
        item.properties.activeLocation == 'Recovery'
        item.properties.providerSpecificDetails.instanceType == 'InMage'
        item.properties.allowedOperations == ['UnplannedFailover', 'DisableProtection', 'TestFailover']

        when: 'fail back to VMware'
        wait(hit('POST', "${itemPath}/unplannedFailover", [properties: [failoverDirection: 'PrimaryToRecovery', sourceSiteOperations: 'NotRequired',
                                                                           providerSpecificDetails: [instanceType: 'InMage', recoveryPointType: 'LatestTime']]]))
        item = hit('GET', itemPath).body

        then:
        item.properties.protectionState == 'UnplannedFailoverCommitPendingStatesBegin'
        item.properties.activeLocation == 'Primary'

        when: 'commit, and reprotect to Azure again'
        wait(hit('POST', "${itemPath}/failoverCommit"))
        assert hit('GET', itemPath).body.properties.protectionState == 'PlannedFailoverStatesBegin'
        wait(hit('POST', "${itemPath}/reProtect", [properties: [failoverDirection: 'RecoveryToPrimary', providerSpecificDetails: [instanceType: 'InMageAzureV2',
                processServerId: c.processServers[0].id, masterTargetId: mt.id, storageAccountId: "${ArmResources.rg(t)}/providers/Microsoft.Storage/storageAccounts/contosodr01".toString(),
                policyId: "${ArmResources.vault(t)}/replicationPolicies/gold".toString(), runAsAccountId: '1']]]))
        item = hit('GET', itemPath).body

        then:
        item.properties.protectionState == 'Protected'
        item.properties.activeLocation == 'Primary'
        item.properties.providerSpecificDetails.instanceType == 'InMageAzureV2'
        item.properties.providerSpecificDetails.recoveryAzureVMName == vm
        item.properties.allowedOperations == ['UnplannedFailover', 'DisableProtection', 'TestFailover']

        and: 'the peer kept what happened to the VM'
        arm.actions(vm) == ['enable', 'unplannedFailover', 'failoverCommit', 'reProtect', 'unplannedFailover', 'failoverCommit', 'reProtect']
        arm.lastBody(vm, 'reProtect').properties.providerSpecificDetails.instanceType == 'InMageAzureV2'
        arm.item(vm).id == item.id
        arm.history(vm).every { it.state == 'Succeeded' }
        arm.exercised.any { it.startsWith('ReplicationProtectedItems_Reprotect 2023-06-01 InMage') }
        arm.violations.isEmpty()

        where:
        mode << ['async', 'location']
    }

    def "a test failover makes a test VM at the address asked for, its cleanup removes it; what allowedOperations lacks is refused"() {
        given:
        AzureTarget t = seedVmware()
        Map item = arm.item('mq01')
        String rg = ArmResources.rg(t)
        arm.testAddresses['mq01'] = '127.2.0.9'

        when: 'a planned failover: the contract lets it through without provider input, but InMageAzureV2 items do not allow it'
        def refused = hit('POST', "${item.id}/plannedFailover", [properties: [failoverDirection: 'PrimaryToRecovery']])

        then:
        refused.status == 400
        refused.body.error.code == 'OperationNotAllowed'
        arm.refused.size() == 1

        when:
        wait(hit('POST', "${item.id}/testFailover", [properties: [failoverDirection: 'PrimaryToRecovery', networkType: 'VmNetworkAsInput',
                networkId: "${rg}/providers/Microsoft.Network/virtualNetworks/drill-vnet".toString(), providerSpecificDetails: [instanceType: 'InMageAzureV2']]]))
        Map after = hit('GET', item.id as String).body
        String testVm = "${rg}/providers/Microsoft.Compute/virtualMachines/mq01-test"

        then:
        after.properties.protectionState == 'Protected'
        after.properties.protectionStateDescription == 'Cleanup test failover pending'
        after.properties.testFailoverState == 'WaitingForCompletion'
        after.properties.allowedOperations == ['TestFailoverCleanup']
        hit('GET', "${rg}/providers/Microsoft.Network/networkInterfaces/mq01-test-nic").body.properties.ipConfigurations[0].properties.privateIPAddress == '127.2.0.9'
        hit('GET', testVm).status == 200
        arm.notes('mq01').testVm.address == '127.2.0.9'

        when:
        wait(hit('POST', "${item.id}/testFailoverCleanup", [properties: [comments: 'drill done']]))
        after = hit('GET', item.id as String).body

        then:
        after.properties.testFailoverState == 'None'
        after.properties.protectionStateDescription == 'Protected'
        after.properties.allowedOperations == ['UnplannedFailover', 'DisableProtection', 'TestFailover']
        hit('GET', testVm).status == 404
        arm.actions('mq01') == ['plannedFailover', 'testFailover', 'testFailoverCleanup']
        arm.history('mq01')[0].state == 'Refused'
        arm.violations.isEmpty()
    }

    def "an item of a replication group is refused the item-level failover and test failover it can have only with its group"() {
        given: "protection group erp replicates with multi-VM consistency (policy gold): its items share a named replication group"
        AzureTarget t = seedVmware()
        Map item = arm.item('erp-db01')
        String rg = ArmResources.rg(t)

        expect:
        item.properties.providerSpecificDetails.multiVmGroupName == 'erp'
        arm.item('mq01').properties.providerSpecificDetails.multiVmGroupName == arm.item('mq01').properties.providerSpecificDetails.multiVmGroupId

        when:
        def drill = hit('POST', "${item.id}/testFailover", [properties: [failoverDirection: 'PrimaryToRecovery', networkType: 'VmNetworkAsInput',
                networkId: "${rg}/providers/Microsoft.Network/virtualNetworks/drill-vnet".toString(), providerSpecificDetails: [instanceType: 'InMageAzureV2']]])
        def failover = hit('POST', "${item.id}/unplannedFailover", [properties: [failoverDirection: 'PrimaryToRecovery', sourceSiteOperations: 'NotRequired',
                providerSpecificDetails: [instanceType: 'InMageAzureV2']]])

        then:
        [drill, failover]*.status == [400, 400]
        drill.body.error.message.contains('replication group erp')
        arm.refused == ['testFailover erp-db01: replication group erp', 'unplannedFailover erp-db01: replication group erp']
        arm.item('erp-db01').properties.protectionState == 'Protected'
        arm.violations.isEmpty()
    }

    @Unroll
    def "a job asked to fail fails, the #mode way, and changes nothing"() {
        given:
        arm.lroMode = mode
        AzureTarget t = seedVmware()
        Map fabric = vmwareFabric(t)
        Map container = list("${fabric.id}/replicationProtectionContainers")[0]
        Map protectable = list("${container.id}/replicationProtectableItems").find { it.properties.friendlyName == 'mq02' }
        String itemPath = "${container.id}/replicationProtectedItems/${protectable.name}"
        arm.failNext('EnableDr', 'mq02')

        when:
        def (word, polls, last) = wait(hit('PUT', itemPath, enableBody(t, fabric, protectable, 'mq02')))

        then:
        word == 'Failed'
        mode == 'async' ? last.body.error.code == 'InternalError' : last.body.properties.errors[0].serviceErrorDetails.message.contains('mq02')
        hit('GET', itemPath).status == 404
        arm.item('mq02') == null
        arm.actions('mq02') == ['enable']
        arm.history('mq02')[0].state == 'Failed'
        arm.violations.isEmpty()

        where:
        mode << ['async', 'location']
    }

    def "a VMM→VMM VM: container mapping, network mapping, enable without provider input, planned failover, commit, reprotect"() {
        given:
        AzureTarget t = seedHyperV()
        String vault = ArmResources.vault(t)
        List<Map> fabrics = list("${vault}/replicationFabrics")
        Map ny = fabrics.find { it.properties.friendlyName == 'VMM-NewYork' }
        Map chi = fabrics.find { it.properties.friendlyName == 'VMM-Chicago' }
        Map gold1 = list("${ny.id}/replicationProtectionContainers").find { it.properties.friendlyName == 'GoldCloud1' }
        Map gold2 = list("${chi.id}/replicationProtectionContainers").find { it.properties.friendlyName == 'GoldCloud2' }

        when: 'pair the clouds and the networks'
        wait(hit('PUT', "${gold1.id}/replicationProtectionContainerMappings/gold-hv-GoldCloud2", [properties: [targetProtectionContainerId: gold2.id, policyId: "${vault}/replicationPolicies/gold-hv".toString()]]))
        Map net1 = list("${ny.id}/replicationNetworks").find { it.properties.friendlyName == 'VMNetwork2-NewYork' }
        Map net2 = list("${chi.id}/replicationNetworks").find { it.properties.friendlyName == 'VMNetwork2-Chicago' }
        wait(hit('PUT', "${net1.id}/replicationNetworkMappings/net2-map", [properties: [recoveryFabricName: chi.name, recoveryNetworkId: net2.id, fabricSpecificDetails: [instanceType: 'VmmToVmm']]]))
        Map mapping = hit('GET', "${gold1.id}/replicationProtectionContainerMappings/gold-hv-GoldCloud2").body
        Map netMap = hit('GET', "${net1.id}/replicationNetworkMappings/net2-map").body

        then:
        mapping.properties.state == 'Paired'
        mapping.properties.targetProtectionContainerFriendlyName == 'GoldCloud2'
        mapping.properties.policyFriendlyName == 'gold-hv'
        netMap.properties.state == 'Paired'
        netMap.properties.primaryNetworkFriendlyName == 'VMNetwork2-NewYork'
        netMap.properties.recoveryNetworkFriendlyName == 'VMNetwork2-Chicago'
        netMap.properties.recoveryFabricFriendlyName == 'VMM-Chicago'

        when: 'enable a VM of the Gold cloud'
        Map protectable = list("${gold1.id}/replicationProtectableItems").find { it.properties.protectionStatus == 'Unprotected' }
        String vm = protectable.properties.friendlyName
        String itemPath = "${gold1.id}/replicationProtectedItems/${protectable.name}"
        wait(hit('PUT', itemPath, [properties: [policyId: "${vault}/replicationPolicies/gold-hv".toString(), protectableItemId: protectable.id]]))
        Map item = hit('GET', itemPath).body

        then:
        item.properties.providerSpecificDetails.instanceType == 'HyperVReplica2012R2'
        item.properties.protectionState == 'Protected'
        item.properties.allowedOperations == ['PlannedFailover', 'UnplannedFailover', 'DisableProtection', 'TestFailover']
        item.properties.recoveryProtectionContainerFriendlyName == 'GoldCloud2'
        item.properties.recoveryFabricFriendlyName == 'VMM-Chicago'

        when:
        wait(hit('POST', "${itemPath}/plannedFailover", [properties: [failoverDirection: 'PrimaryToRecovery']]))
        item = hit('GET', itemPath).body

        then:
        item.properties.protectionState == 'PlannedFailoverCommitRequired'
        item.properties.protectionStateDescription == 'Planned failover finished'
        item.properties.activeLocation == 'Recovery'

        when:
        wait(hit('POST', "${itemPath}/failoverCommit"))
        wait(hit('POST', "${itemPath}/reProtect", [properties: [failoverDirection: 'RecoveryToPrimary']]))
        item = hit('GET', itemPath).body

        then:
        item.properties.protectionState == 'Protected'
        item.properties.activeLocation == 'Recovery'
        item.properties.providerSpecificDetails.instanceType == 'HyperVReplica2012R2'
        arm.actions(vm) == ['enable', 'plannedFailover', 'failoverCommit', 'reProtect']
        arm.violations.isEmpty()
    }

    def "a recovery plan is stored as Azure reports it, with Shutdown and Failover groups added"() {
        given:
        AzureTarget t = seedVmware()
        String vault = ArmResources.vault(t)
        Map fabric = vmwareFabric(t)
        Map item = arm.item('erp-db01')

        when:
        wait(hit('PUT', "${vault}/replicationRecoveryPlans/erp plan", [properties: [primaryFabricId: fabric.id, recoveryFabricId: 'Microsoft Azure', failoverDeploymentModel: 'ResourceManager',
                groups: [[groupType: 'Boot', replicationProtectedItems: [[id: item.id, virtualMachineId: item.name]], startGroupActions: [],
                          endGroupActions: [[actionName: 'check', failoverTypes: ['UnplannedFailover'], failoverDirections: ['PrimaryToRecovery'],
                                             customDetails: [instanceType: 'ManualActionDetails', description: 'look']]]]]]]))
        Map plan = hit('GET', "${vault}/replicationRecoveryPlans/erp plan").body

        then:
        plan.name == 'erp plan'
        plan.properties.groups*.groupType == ['Shutdown', 'Failover', 'Boot']
        plan.properties.primaryFabricFriendlyName == 'cs01'
        plan.properties.recoveryFabricFriendlyName == 'Microsoft Azure'
        plan.properties.replicationProviders == ['InMageAzureV2']
        arm.violations.isEmpty()
    }

    def "failover settings, a Mobility service update with a run-as account of the fabric, and disabling protection"() {
        given:
        AzureTarget t = seedVmware()
        Map item = arm.item('erp-app01')
        String rg = ArmResources.rg(t)

        when:
        wait(hit('PATCH', item.id as String, [properties: [recoveryAzureVMName: 'erp-app01-dr', recoveryAzureVMSize: 'Standard_D2s_v3',
                selectedRecoveryAzureNetworkId: "${rg}/providers/Microsoft.Network/virtualNetworks/dr-vnet".toString(),
                vmNics: [[nicId: item.properties.providerSpecificDetails.vmNics[0].nicId, ipConfigs: [[ipConfigName: 'ipconfig1', recoverySubnetName: 'servers', recoveryStaticIPAddress: '10.20.1.20']]]],
                providerSpecificDetails: [instanceType: 'InMageAzureV2', recoveryAzureV2ResourceGroupId: rg]]]))
        Map d = hit('GET', item.id as String).body.properties.providerSpecificDetails

        then:
        d.recoveryAzureVMName == 'erp-app01-dr'
        d.recoveryAzureVMSize == 'Standard_D2s_v3'
        d.vmNics[0].ipConfigs[0] == [name: 'ipconfig1', recoverySubnetName: 'servers', recoveryStaticIPAddress: '10.20.1.20']

        when:
        def (good) = wait(hit('POST', "${item.id}/updateMobilityService", [properties: [runAsAccountId: '1']]))
        def (bad) = wait(hit('POST', "${item.id}/updateMobilityService", [properties: [runAsAccountId: '42']]))

        then:
        good == 'Succeeded'
        bad == 'Failed'
        hit('GET', item.id as String).body.properties.providerSpecificDetails.agentVersion == '9.1'

        when:
        wait(hit('POST', "${item.id}/remove", [properties: [disableProtectionReason: 'NotSpecified']]))

        then:
        hit('GET', item.id as String).status == 404
        hit('GET', item.properties.protectableItemId as String).body.properties.protectionStatus == 'Unprotected'
        arm.actions('erp-app01') == ['update', 'updateMobilityService', 'updateMobilityService', 'remove']
        arm.violations.isEmpty()
    }

    def "a body the contract does not allow is refused with ARM's error shape and recorded as a violation"() {
        given:
        AzureTarget t = seedVmware()
        Map fabric = vmwareFabric(t)
        Map container = list("${fabric.id}/replicationProtectionContainers")[0]
        Map protectable = unprotected(container.id as String)
        Map body = enableBody(t, fabric, protectable, 'x')
        body.properties.providerSpecificDetails.disksToInclude = ['c']

        when:
        def a = hit('PUT', "${container.id}/replicationProtectedItems/${protectable.name}", body)
        def wrongVersion = hit('GET', "${ArmResources.vault(t)}/replicationFabrics", null, '2021-01-01')

        then:
        a.status == 400
        a.body.error.code == 'InvalidRequestContent'
        a.body.error.message.contains('disksToInclude[0]')
        wrongVersion.status == 400
        arm.violations.size() == 2
        arm.violations[0].startsWith('EnableProtectionInput.properties.providerSpecificDetails.disksToInclude[0]')

        cleanup:
        arm.violations.clear()
    }
}
