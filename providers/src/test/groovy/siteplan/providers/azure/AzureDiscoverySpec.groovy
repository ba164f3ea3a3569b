package siteplan.providers.azure

import java.nio.file.Path
import siteplan.model.AzureTarget
import siteplan.model.ProviderKind
import siteplan.model.SecretRef
import siteplan.planner.state.DiscoveredState
import siteplan.planner.state.StateFiles
import siteplan.providers.TrustedEndpoints
import siteplan.providers.Vcsim
import siteplan.dsl.load.DefinitionLoader
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/** The Azure provider reads networks, storage and the vault from a Resource Manager over HTTPS: here the local one. */
class AzureDiscoverySpec extends Specification {
    @Shared @AutoCleanup ArmServer arm = ArmServer.start()
    @Shared Path example = Vcsim.root().resolve('examples/vmware-to-azure')
    @Shared DiscoveredState simulated = StateFiles.read(example.resolve('.siteplan/state.json'))
    @Shared siteplan.model.Estate estate = DefinitionLoader.load([example.toString()]).estate()
    @Shared AzureTarget declared = estate.azure()[0]

    def setupSpec() {
        ArmResources.seed(arm, declared, simulated, estate)
    }

    AzureTarget target(Map overrides = [:]) {
        new AzureTarget(declared.name(), declared.subscription(), declared.region(), declared.resourceGroup(), declared.vault(), declared.deploymentModel(),
                declared.reservedPublicIpLimit(), declared.registrationKeyIssued(), declared.storageAccounts(), declared.networks(),
                ProviderKind.AZURE, overrides.endpoint ?: arm.endpoint, new SecretRef('arm-token', null), overrides.containsKey('thumbprint') ? overrides.thumbprint : arm.thumbprint, declared.architecture())
    }

    /** The runner's configuration: the local Resource Manager's host and port, its certificate pinned by the definition. */
    TrustedEndpoints trusted(String entries = "127.0.0.1:${arm.server.address.port}") {
        TrustedEndpoints.parse(entries)
    }

    def "networks and storage accounts come back through the management libraries as the planner knows them"() {
        when:
        def sub = new AzureDiscovery(AzureConnection.open(target(), arm.token, trusted()), estate).subscription()

        then:
        sub == simulated.azure(declared.name()).get()
    }

    def "the vault's fabrics, policies, mappings, protected items and recovery plans come back through Site Recovery's REST surface"() {
        when:
        def vault = new AzureDiscovery(AzureConnection.open(target(), arm.token, trusted()), estate).vault()
        def sim = simulated.vault(declared.name()).get()

        then:
        vault.name() == 'contoso-vault'
        vault.policies().findAll { it.kind() != 'failback' } == sim.policies()

        and: 'the failback policy Site Recovery adds beside each VMware policy (FB-POLICY)'
        vault.policies().findAll { it.kind() == 'failback' }*.name() == ['gold-failback', 'silver-failback']
        vault.recoveryPlans() == sim.recoveryPlans()

        and: "VMware → Azure has no network mapping in Site Recovery: each protected machine's NIC network and failover network are the mapping"
        !vault.networkMappings().isEmpty()
        vault.networkMappings().every { it in sim.networkMappings() }
        vault.fabrics()*.site() == sim.fabrics()*.site()
        vault.fabrics()[0].servers().collect { [it.role(), it.name(), it.health()] } == sim.fabrics()[0].servers().collect { [it.role(), it.name(), it.health()] }

        and: 'what Site Recovery reports of a server, and nothing it does not'
        vault.fabrics()[0].servers().find { it.name() == 'ps01' }.properties() == [memory: '6GB']
        vault.fabrics()[0].servers().find { it.name() == 'mt-win01' }.properties() == [os: 'windows', retention: '1TB']
        vault.fabrics()[0].replicationMechanism() == null

        and: 'every protected item with its group, policy, servers, storage, state, health, place, disks and failover settings'
        vault.protectedItems()*.machine() == sim.protectedItems()*.machine()
        [vault.protectedItems(), sim.protectedItems()].transpose().every { pair ->
            def (real, s) = pair
            real.protectionGroup() == s.protectionGroup() && real.policy() == s.policy() && real.processServer() == s.processServer() &&
                    real.masterTarget() == s.masterTarget() && real.storageAccount() == s.storageAccount() && real.state() == s.state() &&
                    real.health() == s.health() && real.activeLocation() == s.activeLocation() && real.disks() == s.disks() &&
                    real.failover() == s.failover() && real.mobility()?.version() == s.mobility()?.version() && real.mobility()?.services() == [:]
        }
    }

    def "VMs and public IP addresses already in the resource group are read too"() {
        given:
        String rg = "/subscriptions/${declared.subscription()}/resourceGroups/${declared.resourceGroup()}"
        arm.put("${rg}/providers/Microsoft.Compute/virtualMachines/cs01".toString(), [location: 'westeurope', type: 'Microsoft.Compute/virtualMachines',
                properties: [hardwareProfile: [vmSize: 'Standard_A3'], provisioningState: 'Succeeded']])
        arm.put("${rg}/providers/Microsoft.Network/publicIPAddresses/cs01-ip".toString(), [location: 'westeurope', type: 'Microsoft.Network/publicIPAddresses',
                sku: [name: 'Standard'], properties: [ipAddress: '203.0.113.10', publicIPAllocationMethod: 'Static', provisioningState: 'Succeeded']])

        when:
        def sub = new AzureDiscovery(AzureConnection.open(target(), arm.token, trusted()), estate).subscription()

        then:
        sub.vms() == [new siteplan.planner.state.AzureSubscription.AzureVm('cs01', 'Standard_A3', 'westeurope')]
        sub.publicIps() == [new siteplan.planner.state.AzureSubscription.PublicIp('cs01-ip', '203.0.113.10', 'static', 'westeurope')]

        cleanup:
        arm.resources.keySet().removeIf { it.contains('/microsoft.compute/') || it.contains('/publicipaddresses/') }
    }

    def "a resource group that does not exist yet means nothing exists in it"() {
        when:
        def sub = new AzureDiscovery(AzureConnection.open(target(), arm.token, trusted()), estate).subscription()
        arm.resources.remove("/subscriptions/${declared.subscription()}/resourcegroups/${declared.resourceGroup()}".toString().toLowerCase())
        def none = new AzureDiscovery(AzureConnection.open(target(), arm.token, trusted()), estate).subscription()
        arm.put("/subscriptions/${declared.subscription()}/resourceGroups/${declared.resourceGroup()}".toString(), [location: 'westeurope', type: 'Microsoft.Resources/resourceGroups'])

        then:
        sub.networks().size() == 2
        none.networks().isEmpty() && none.storageAccounts().isEmpty() && none.vms().isEmpty()
    }

    def "throttling is waited out, as Retry-After asks"() {
        given:
        arm.throttle(2)
        int before = arm.requests.size()

        when:
        def sub = new AzureDiscovery(AzureConnection.open(target(), arm.token, trusted()), estate).subscription()

        then:
        sub.networks()*.name() == ['dr-vnet', 'drill-vnet']
        arm.requests.size() - before >= 4
    }

    def "a refused token is named, with what to check"() {
        when:
        new AzureDiscovery(AzureConnection.open(target(), 'not-the-token', trusted()), estate).vault()

        then:
        def e = thrown(AzureConnection.AzureException)
        e.message.startsWith('Azure Resource Manager refused /subscriptions/6f1a3b2c-0d4e-4f5a-9b8c-7d6e5f4a3b2c/resourceGroups/rg-siterecovery/providers/Microsoft.RecoveryServices/vaults/contoso-vault (HTTP 401, AuthenticationFailed: The access token is invalid.)')
        e.message.endsWith("check the token or the service principal's role on the subscription")
    }

    def "a certificate other than the declared thumbprint is refused"() {
        when:
        new AzureDiscovery(AzureConnection.open(target(thumbprint: 'AB' * 32), arm.token, trusted()), estate).vault()

        then:
        def e = thrown(AzureConnection.AzureException)
        e.message.startsWith("cannot reach Azure Resource Manager at ${arm.endpoint}: ")
        e.message.contains('not the declared thumbprint')
    }

    def "a plain-http endpoint is refused before any token is sent"() {
        when:
        AzureConnection.open(target(endpoint: 'http://127.0.0.1:1/'), arm.token, trusted())

        then:
        def e = thrown(AzureConnection.AzureException)
        e.message == "azure target contoso-dr: endpoint http://127.0.0.1:1/ is not https — Resource Manager and its tokens go over TLS only"
    }

    def "a VMM site's fabric and clouds, its Hyper-V policies and its network and storage mappings come back as the planner knows them (seed 003)"() {
        given: "the Hyper-V example's vault, served for a subscription of its own"
        def hyperv = StateFiles.read(Vcsim.root().resolve('examples/hyperv-vmm-to-vmm/.siteplan/state.json'))
        def sim = hyperv.vaults()[0]
        def hvEstate = DefinitionLoader.load([Vcsim.root().resolve('examples/hyperv-vmm-to-vmm').toString()]).estate()
        def t = new AzureTarget(sim.target(), '0b7e3c1d-0000-4000-8000-000000000003', 'eastus', 'rg-vmm', sim.name(), null, null, null, [], [],
                ProviderKind.AZURE, arm.endpoint, null, arm.thumbprint, null)
        ArmResources.seed(arm, t, hyperv, hvEstate)

        when:
        def vault = new AzureDiscovery(AzureConnection.open(t, arm.token, trusted()), hvEstate).vault()

        then:
        vault.fabrics().collect { [it.site(), it.type(), it.protectionContainers().sort(false)] } == sim.fabrics().collect { [it.site(), it.type(), it.protectionContainers().sort(false)] }
        vault.policies() == sim.policies()
        vault.networkMappings() == sim.networkMappings()
        vault.storageMappings()*.source() == sim.storageMappings()*.source()
        and: "a target classification is named once the target's VMM server has registered too (its GUID until then)"
        vault.storageMappings()*.target().every { it ==~ /[-0-9a-f]{36}/ }
        vault.protectedItems()*.machine() == sim.protectedItems()*.machine()
        vault.protectedItems()*.policy() == sim.protectedItems()*.policy()
        vault.protectedItems()*.protectionGroup() == sim.protectedItems()*.protectionGroup()
        vault.protectedItems()*.disks() == sim.protectedItems()*.disks()
    }

    def "an endpoint the runner does not list is refused before anything is sent, whatever thumbprint the definition pins"() {
        given:
        int before = arm.requests.size()

        when:
        AzureConnection.open(target(), arm.token, trusted(entries))

        then:
        def e = thrown(AzureConnection.AzureException)
        e.message == "azure target 'contoso-dr': endpoint ${arm.endpoint} (127.0.0.1:${arm.server.address.port}) is not one this runner trusts — siteplan sends credentials only to" +
                " Azure Resource Manager's public endpoints (management.azure.com, management.usgovcloudapi.net, management.chinacloudapi.cn) and to hosts listed in" +
                " SITEPLAN_TRUSTED_ENDPOINTS; if this is your Resource Manager, add '127.0.0.1:${arm.server.address.port}' to SITEPLAN_TRUSTED_ENDPOINTS in the runner's" +
                " configuration (not in the definition). Nothing was sent"
        arm.requests.size() == before

        where:
        entries << ['', '127.0.0.1', "localhost:${arm.server.address.port}", "127.0.0.1:${arm.server.address.port + 1}"]
    }

    def "the runner's pin is used when the definition pins nothing, and a definition pin that disagrees with it is refused"() {
        when:
        def vault = new AzureDiscovery(AzureConnection.open(target(thumbprint: null), arm.token, trusted("127.0.0.1:${arm.server.address.port}=${arm.thumbprint}")), estate).vault()

        then:
        vault.name() == 'contoso-vault'

        when:
        AzureConnection.open(target(thumbprint: 'AB' * 32), arm.token, trusted("127.0.0.1:${arm.server.address.port}=${arm.thumbprint}"))

        then:
        def e = thrown(AzureConnection.AzureException)
        e.message.startsWith("azure target 'contoso-dr': thumbprint '${'AB' * 32}' disagrees with the certificate the runner pins for 127.0.0.1:${arm.server.address.port}")
    }

    def "Azure's public endpoint needs no entry, but a definition cannot pin its certificate"() {
        expect:
        AzureConnection.open(target(endpoint: 'https://management.azure.com/', thumbprint: null), 'token', trusted('')) != null

        when:
        AzureConnection.open(target(endpoint: 'https://management.usgovcloudapi.net/', thumbprint: 'AB' * 32), 'token', trusted(''))

        then:
        def e = thrown(AzureConnection.AzureException)
        e.message.startsWith("azure target 'contoso-dr': a definition cannot choose the certificate siteplan trusts with credentials for management.usgovcloudapi.net:443")
    }

    def "a link the server answers with, to another host or port, is not followed with the token"() {
        given:
        ArmServer other = ArmServer.start()
        def connection = AzureConnection.open(target(), arm.token, trusted())

        when:
        connection.poll(other.endpoint + 'operations/1')

        then:
        def e = thrown(AzureConnection.AzureException)
        e.message == "refused to send the Azure token to https://127.0.0.1:${other.server.address.port}: only 127.0.0.1:${arm.server.address.port} is trusted for this target"
        other.requests.isEmpty()

        cleanup:
        other?.close()
    }

    def "a malformed SITEPLAN_TRUSTED_ENDPOINTS is refused with what an entry looks like"() {
        when:
        AzureConnection.open(target(), arm.token, trusted('https://127.0.0.1/'))

        then:
        def e = thrown(AzureConnection.AzureException)
        e.message == "azure target 'contoso-dr': SITEPLAN_TRUSTED_ENDPOINTS entry 'https://127.0.0.1/' is not host[:port] or host[:port]=SHA-256 fingerprint" +
                " (such as vc01.corp.local:443=44:8F:…:9B:F6) — correct it in the runner's configuration. Nothing was sent"
    }
}
