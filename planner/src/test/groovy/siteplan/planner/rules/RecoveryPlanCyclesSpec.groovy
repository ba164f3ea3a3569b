package siteplan.planner.rules

import spock.lang.Specification

/**
 * RP-ORDER's cycle search: a definition's loop can declare a recovery plan of thousands of machines, each
 * depending on the next. The search is linear and iterative, so such a plan is reported, not a stack overflow.
 */
class RecoveryPlanCyclesSpec extends Specification {
    def "a chain of 50,000 dependencies closing on itself is one cycle, found without recursion"() {
        given:
        int n = 50_000
        Map<String, List<String>> deps = (1..n).collectEntries { i -> ["m${i}".toString(), ["m${i == n ? 1 : i + 1}".toString()]] }

        when:
        def components = RecoveryPlanRules.cyclicComponents(deps)

        then:
        components.size() == 1
        components[0].size() == n
    }

    def "separate cycles and a machine that depends on itself are each one component; a chain without a cycle is none"() {
        given:
        Map<String, List<String>> deps = [a: ['b'], b: ['a'], c: ['d'], d: ['e'], e: ['c'], self: ['self'], x: ['y'], y: [], z: ['x']]

        expect:
        RecoveryPlanRules.cyclicComponents(deps)*.toSorted() == [['a', 'b'], ['c', 'd', 'e'], ['self']]
    }
}
