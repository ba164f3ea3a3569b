package siteplan.planner.diff

import siteplan.planner.plan.PlanJson
import spock.lang.Specification

class ResourceTypeSpec extends Specification {

    def "a change's type is written as the plan's snake_case word and read back from it"() {
        given:
        def change = new Change(ResourceType.STORAGE_ACCOUNT.address('contoso-dr/drstore01'), ResourceType.STORAGE_ACCOUNT, 'contoso-dr',
                'contoso-dr/drstore01', Action.CREATE, null, [], null, false)

        when:
        def json = PlanJson.MAPPER.writeValueAsString(change)

        then:
        json.contains('"type" : "storage_account"')
        json.contains('"address" : "storage_account.contoso-dr/drstore01"')
        PlanJson.MAPPER.readValue(json, Change).type() == ResourceType.STORAGE_ACCOUNT
    }

    def "every type has its own word, the one a saved plan from before the enum holds (and the modernized architecture's appliance)"() {
        expect:
        ResourceType.values()*.token() == ['vault', 'storage_account', 'azure_network', 'site', 'vcenter', 'configuration_server', 'process_server',
                                           'master_target', 'appliance', 'policy', 'network_mapping', 'storage_mapping', 'protection', 'mobility', 'recovery_plan']
    }
}
