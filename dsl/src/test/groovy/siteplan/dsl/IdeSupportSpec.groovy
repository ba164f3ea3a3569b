package siteplan.dsl

import groovy.lang.DelegatesTo
import java.lang.reflect.Method
import java.lang.reflect.Modifier
import spock.lang.Specification

/** IDEs complete the DSL from @DelegatesTo; every block of every word must carry it. */
class IdeSupportSpec extends Specification {

    static List<Class> contexts() {
        def found = [] as Set
        def todo = [EstateScript] as LinkedList
        while (todo) {
            Class c = todo.poll()
            if (!found.add(c)) continue
            c.declaredMethods.findAll { Modifier.isPublic(it.modifiers) }.each { Method m ->
                m.parameters.each { p ->
                    def d = p.getAnnotation(DelegatesTo)
                    if (d && d.value() != DelegatesTo.Target) todo << d.value()
                }
            }
        }
        found as List
    }

    def "every closure parameter of every DSL word says what it delegates to, delegate first"() {
        given:
        def missing = []
        contexts().each { Class c ->
            c.declaredMethods.findAll { Modifier.isPublic(it.modifiers) }.each { Method m ->
                m.parameters.findAll { Closure.isAssignableFrom(it.type) }.each { p ->
                    def d = p.getAnnotation(DelegatesTo)
                    if (d == null || d.strategy() != Closure.DELEGATE_FIRST) missing << "${c.simpleName}.${m.name}"
                }
            }
        }

        expect:
        contexts().size() > 20
        missing == []
    }

    def "the GDSL file points IntelliJ at the script base class"() {
        expect:
        getClass().getResource('/siteplan.gdsl').text.contains("findClass('siteplan.dsl.EstateScript')")
    }
}
