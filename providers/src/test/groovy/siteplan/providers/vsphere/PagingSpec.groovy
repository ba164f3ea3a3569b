package siteplan.providers.vsphere

import com.vmware.vim25.DynamicProperty
import com.vmware.vim25.ManagedObjectReference
import com.vmware.vim25.ObjectContent
import com.vmware.vim25.RetrieveResult
import spock.lang.Specification

/**
 * A vCenter answers a large RetrievePropertiesEx in pages (the simulator does not page, so this is
 * checked here): every page is read, by its token, and nothing after the page without one.
 */
class PagingSpec extends Specification {
    static RetrieveResult page(String token, String... vms) {
        def r = new RetrieveResult()
        r.token = token
        r.objects = vms.collect { name ->
            def oc = new ObjectContent()
            def ref = new ManagedObjectReference()
            ref.type = 'VirtualMachine'
            ref.val = 'vm-' + name
            oc.obj = ref
            def p = new DynamicProperty()
            p.name = 'name'
            p.val = name
            oc.propSet = [p] as DynamicProperty[]
            oc
        } as ObjectContent[]
        r
    }

    def "every page is followed by its token until one has none"() {
        given:
        def asked = []
        def rest = ['t1': page('t2', 'b', 'c'), 't2': page(null, 'd'), 't3': page(null, 'never')]

        when:
        def objects = VsphereDiscovery.pages(page('t1', 'a'), { String token -> asked << token; rest[token] } as VsphereDiscovery.NextPage)

        then:
        asked == ['t1', 't2']
        objects.keySet() == ['VirtualMachine:vm-a', 'VirtualMachine:vm-b', 'VirtualMachine:vm-c', 'VirtualMachine:vm-d'] as Set
        objects['VirtualMachine:vm-c'].name == 'c'
    }

    def "a single page needs no second call"() {
        when:
        def objects = VsphereDiscovery.pages(page(null, 'a', 'b'), { String token -> throw new AssertionError('no continuation expected') } as VsphereDiscovery.NextPage)

        then:
        objects.size() == 2
    }
}
