package siteplan.providers.azure.contract

import com.fasterxml.jackson.databind.ObjectMapper
import spock.lang.Shared
import spock.lang.Specification

/**
 * The contract check can fail: requests that break Site Recovery's published contract in each way it
 * checks are refused with what broke, and conforming ones pass. The contract comes from the AutoRest
 * SDK on npm (providers/asr-contract/build.sh), not from anything written here.
 */
class AsrContractSpec extends Specification {
    @Shared AsrContract contract = AsrContract.get()
    static final String VAULT = '/subscriptions/6f1a3b2c-0d4e-4f5a-9b8c-7d6e5f4a3b2c/resourceGroups/rg-siterecovery/providers/Microsoft.RecoveryServices/vaults/contoso-vault'
    static final String ITEM = VAULT + '/replicationFabrics/0f6cbbd7e0c1b9b4c4e4f1b4a2d2e4c9d1a0b3c2e5f6a7b8c9d0e1f2a3b4c5d6/replicationProtectionContainers/cloud_8c3a0a52-5d9a-4c8e-9d3b-0e7a5c2f1b11/replicationProtectedItems/3f5e7c1a-2b4d-4e6f-8a0b-1c2d3e4f5a6b'

    List<String> post(String path, Map body, String apiVersion = '2023-06-01') {
        contract.request('POST', path, apiVersion, new ObjectMapper().valueToTree(body))
    }

    def "the contract is the published SDK's, with every operation siteplan's peer needs"() {
        expect:
        contract.source == '@azure/arm-recoveryservices-siterecovery@5.1.0'
        contract.operations.size() > 150
        contract.operation('POST', ITEM + '/unplannedFailover').id() == 'ReplicationProtectedItems_UnplannedFailover'
        contract.operation('GET', VAULT + '/replicationProtectedItems').id() == 'ReplicationProtectedItems_List'
        contract.operation('POST', ITEM + '/updateMobilityService').finalStateVia() == 'location'
    }

    def "a conforming failover body passes"() {
        expect:
        post(ITEM + '/unplannedFailover', [properties: [failoverDirection: 'PrimaryToRecovery', sourceSiteOperations: 'Required',
                providerSpecificDetails: [instanceType: 'InMageAzureV2']]]) == []
    }

    def "a provider input the operation does not take is refused, naming the ones it does"() {
        expect:
        post(ITEM + '/plannedFailover', [properties: [failoverDirection: 'PrimaryToRecovery', providerSpecificDetails: [instanceType: 'InMageAzureV2']]]) ==
                ["PlannedFailoverInput.properties.providerSpecificDetails.instanceType: 'InMageAzureV2' is not one of [HyperVReplicaAzure, HyperVReplicaAzureFailback, InMageRcmFailback, PlannedFailoverProviderSpecificFailoverInput]"]
    }

    def "a polymorphic input without its discriminator is refused"() {
        expect:
        post(ITEM + '/testFailover', [properties: [failoverDirection: 'PrimaryToRecovery', providerSpecificDetails: [recoveryPointId: 'x']]])[0]
                .startsWith('TestFailoverInput.properties.providerSpecificDetails.instanceType: missing; TestFailoverProviderSpecificInput is polymorphic and needs one of [A2A, ')
    }

    def "a missing required field is refused"() {
        expect:
        post(ITEM + '/reProtect', [properties: [failoverDirection: 'RecoveryToPrimary', providerSpecificDetails: [instanceType: 'InMage',
                masterTargetId: 'mt', processServerId: 'ps', profileId: 'p']]]) ==
                ['ReverseReplicationInput.properties.providerSpecificDetails.retentionDrive: required by InMageReprotectInput, missing']
    }

    def "an unknown field, a wrong type and a read-only field are each refused"() {
        expect:
        post(ITEM + '/testFailover', [properties: [failoverDirection: 'PrimaryToRecovery', providerSpecificDetails: [instanceType: 'InMageAzureV2', recoveryPointType: 'Latest']]]) ==
                ['TestFailoverInput.properties.providerSpecificDetails.recoveryPointType: no such field in InMageAzureV2TestFailoverInput']
        contract.request('PUT', ITEM, '2023-06-01', new ObjectMapper().valueToTree([properties: [policyId: 'p', protectableItemId: 'i',
                providerSpecificDetails: [instanceType: 'InMageAzureV2', multiVmGroupName: 'g', disksToInclude: ['c']]]])) ==
                ["EnableProtectionInput.properties.providerSpecificDetails.disksToInclude[0]: 'c' where the contract has an object (InMageAzureV2DiskInputDetails)"]
        contract.request('PUT', VAULT + '/replicationPolicies/gold', '2023-06-01', new ObjectMapper().valueToTree([properties: [providerSpecificInput: [instanceType: 'HyperVReplica2012R2', replicationFrequencyInSeconds: '30']]])) ==
                ["CreatePolicyInput.properties.providerSpecificInput.replicationFrequencyInSeconds: '30' where the contract has a number"]
    }

    def "a discriminator value of a grandchild model is found through the allOf tree"() {
        expect: 'HyperVReplica2012R2 policies inherit from HyperVReplica2012 ones, which inherit from the policy input'
        contract.request('PUT', VAULT + '/replicationPolicies/gold', '2023-06-01', new ObjectMapper().valueToTree([properties: [providerSpecificInput: [instanceType: 'HyperVReplica2012R2', replicationFrequencyInSeconds: 30]]])) == []
    }

    def "a path no operation has, a wrong api-version and a body where none is taken are refused"() {
        expect:
        contract.request('POST', ITEM + '/failOver', '2023-06-01', null)[0].endsWith('/failOver: no operation of @azure/arm-recoveryservices-siterecovery@5.1.0 has this method and path')
        post(ITEM + '/failoverCommit', [:], '2025-01-01') == ["ReplicationProtectedItems_FailoverCommit: api-version '2025-01-01' is not the declared 2023-06-01",
                                                            'ReplicationProtectedItems_FailoverCommit: takes no request body, but one was sent']
        contract.request('GET', VAULT + '/replicationFabrics/VM Network', '2023-06-01', null)[0].contains('no operation')
    }

    def "a response with a field Azure never sends is caught"() {
        given:
        def op = contract.operation('GET', ITEM)

        expect:
        contract.response(op, 200, new ObjectMapper().valueToTree([id: ITEM, name: 'x', properties: [friendlyName: 'web01', providerSpecificDetails: [instanceType: 'InMageAzureV2',
                vmNics: [[nicId: 'n', tfoIPAddress: '10.0.0.4']]]]])) ==
                ['ReplicationProtectedItem.properties.providerSpecificDetails.vmNics[0].tfoIPAddress: no such field in VMNicDetails']
        contract.response(op, 500, new ObjectMapper().valueToTree([message: 'boom'])) == ['ReplicationProtectedItems_Get: an error response (HTTP 500) without ARM\'s error shape {error: {code, message}}']
        contract.response(op, 202, null) == ['ReplicationProtectedItems_Get: HTTP 202 is not a declared response (declared: 200)']
    }
}
