package siteplan.planner

class BaseEstateSpec extends PlanningSpecification {
    def "the base estate of the rule specifications is clean, so every finding in them comes from what a specification adds"() {
        when:
        def p = plan()

        then:
        p.findings()*.render() == []
        p.applicable()
    }
}
