package siteplan.providers.azure.contract

import siteplan.providers.azure.OffAzureContract
import spock.lang.Shared
import spock.lang.Specification

/**
 * The OffAzure check can fail: a path, api-version, field or type the published 2023-06-06 contract (an excerpt of
 * azure-rest-api-specs' migrate.json, src/test/resources/siteplan/offazure) does not have is reported; a conforming one is not.
 */
class OffAzureContractSpec extends Specification {
    @Shared OffAzureContract contract = OffAzureContract.get()
    static final String SITE = '/subscriptions/2b9c4d1e-7a3f-4e2b-8c1d-5f6e7a8b9c0d/resourceGroups/rg-siterecovery/providers/Microsoft.OffAzure/VMwareSites/fabrikam-vmwaresite'

    def "the excerpt names its source and holds the five list operations a modernized vault's provider makes"() {
        expect:
        contract.source.startsWith('Azure/azure-rest-api-specs specification/migrate/resource-manager/Microsoft.OffAzure/stable/2023-06-06/migrate.json@')
        contract.operation('GET', SITE + '/machines').path('id').asText() == 'MachinesController_ListByVmwareSite'
        contract.operation('GET', SITE + '/runAsAccounts').path('id').asText() == 'RunAsAccountsController_ListByVmwareSite'
        contract.operation('GET', SITE + '/vcenters').path('id').asText() == 'VcenterController_ListByVmwareSite'
        contract.operation('GET', SITE.replace('VMwareSites', 'serverSites') + '/machines').path('id').asText() == 'ServersController_ListByServerSiteResource'
    }

    def "a request the contract has at its api-version passes; another api-version, another path are reported"() {
        expect:
        contract.request('GET', SITE + '/machines', '2023-06-06') == []
        contract.request('GET', SITE + '/machines', '2020-01-01') == ['MachinesController_ListByVmwareSite: api-version 2020-01-01, not 2023-06-06']
        contract.request('GET', SITE + '/hosts', '2023-06-06')[0].startsWith("GET ${SITE}/hosts: no such operation in Azure/azure-rest-api-specs".toString())
    }

    def "a served machine is held to the models: a field the contract lacks and a value of another type are reported, nested ones too"() {
        given:
        Map machine = [id: SITE + '/machines/vcenter_1', name: 'vcenter_1', type: 'Microsoft.OffAzure/vmwareSites/machines',
                       properties: [displayName: 'web01', firmware: 'BIOS', disks: [[uuid: 'u1', name: 'c', maxSizeInBytes: 137438953472L]]]]

        expect:
        contract.response('GET', SITE + '/machines', [value: [machine]]) == []
        contract.response('GET', SITE + '/machines', [value: [machine + [location: 'westeurope']]]) == ['MachineResourceListResult.value[0].location: no such field in MachineResource']
        contract.response('GET', SITE + '/machines', [value: [[properties: [displayName: 'web01', disks: [[uuid: 'u1', maxSizeInBytes: '128GB']]]]]]) ==
                ['MachineResourceListResult.value[0].properties.disks[0].maxSizeInBytes: VmwareDisk.maxSizeInBytes is a number']
        contract.response('GET', SITE + '/runAsAccounts', [value: [[properties: [displayName: 'asr-push-admin', password: 'x']]]]) ==
                ['VmwareRunAsAccountResourceListResult.value[0].properties.password: no such field in RunAsAccountProperties']
    }
}
