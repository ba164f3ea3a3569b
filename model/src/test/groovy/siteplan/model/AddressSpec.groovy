package siteplan.model

import siteplan.diag.Location
import siteplan.diag.SourceMap
import spock.lang.Specification
import spock.lang.Unroll

import static siteplan.model.Address.Kind.*

/** Addresses name declared things; their text is what the source map and the model cache keep. */
class AddressSpec extends Specification {

    def "an address is built step by step and written as kind:name steps"() {
        expect:
        Address.site('amsterdam').child(MASTER_TARGET, 'mt01').toString() == 'site:amsterdam/masterTarget:mt01'
        Address.recoveryPlan('erp').child(GROUP, '2').child(SCRIPT, 'scripts/check-sql.sh').toString() ==
                'recoveryPlan:erp/group:2/script:scripts/check-sql.sh'
        Address.machine('db01').child(DISK, 'data').parent() == Address.machine('db01')
        Address.machine('db01').parent() == null
    }

    @Unroll
    def "'#text' reads back to the same address"() {
        expect:
        Address.parse(text).toString() == text

        where:
        text << ['machine:erp-db01', 'site:amsterdam/processServer:ps01', 'azure:contoso-dr/network:dr-vnet/subnet:app',
                 'recoveryPlan:erp/group:1/script:scripts/sub/check.sh', 'machine:db01/failover', 'recoveryPlan:erp/drill',
                 'site:ams/masterTarget:mt01/retention', 'site:ams/vcenter:10.0.0.5/thumbprint', 'azure:contoso-dr/endpoint',
                 'policy:gold/initialReplication', 'networkMapping:ams/lan']
    }

    def "an unnamed part of a thing is a step written as its token alone"() {
        expect:
        Address.machine('db01').child(FAILOVER).toString() == 'machine:db01/failover'
        Address.site('ams').child(MASTER_TARGET, 'mt01').child(RETENTION).toString() == 'site:ams/masterTarget:mt01/retention'
        Address.machine('db01').child(MOBILITY).parent() == Address.machine('db01')
        Address.machine('db01').child(MOBILITY).last() == Address.Step.part(MOBILITY)
        Address.Step.part(DRILL).name() == null
    }

    def "a part reads back as a part, after a thing it belongs to"() {
        expect:
        Address.parse('machine:db01/failover') == Address.machine('db01').child(FAILOVER)
        Address.parse('site:ams/vcenter:10.0.0.5/thumbprint') == Address.site('ams').child(VCENTER, '10.0.0.5').child(THUMBPRINT)
        Address.parse('recoveryPlan:erp/drill') == Address.recoveryPlan('erp').child(DRILL)
    }

    def "a name that ends like a part stays a name where that part does not belong"() {
        expect:
        Address.parse('recoveryPlan:erp/group:1/script:checks/failover').last() == new Address.Step(SCRIPT, 'checks/failover')
        Address.parse('networkMapping:ams/drill').last() == new Address.Step(NETWORK_MAPPING, 'ams/drill')
    }

    def "a part only belongs to the kinds it is a part of, and takes no name"() {
        when:
        Address.site('ams').child(FAILOVER)

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "a failover part belongs to machine, not to 'site:ams'"

        when:
        Address.machine('db01').child(FAILOVER, 'x')

        then:
        e = thrown(IllegalArgumentException)
        e.message == 'a failover part has no name'

        when:
        Address.machine('db01').child(DISK, null)

        then:
        thrown(NullPointerException)
    }

    def "a script path with slashes stays one name"() {
        expect:
        Address.parse('recoveryPlan:erp/group:1/script:scripts/sub/check.sh').last() == new Address.Step(SCRIPT, 'scripts/sub/check.sh')
    }

    def "text that is not an address is refused, naming it"() {
        when:
        Address.parse('sites:x')

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains("'sites'")
    }

    def "a source map finds a thing by its address, or the nearest enclosing thing"() {
        given:
        def sources = new SourceMap()
        sources.add(Address.site('amsterdam'), new Location('site.groovy', 3))

        expect:
        sources.at(Address.site('amsterdam').child(MASTER_TARGET, 'mt01')) == new Location('site.groovy', 3)
        sources.at(Address.machine('nowhere')) == Location.UNKNOWN
    }
}
