package siteplan.dsl

import java.lang.reflect.Modifier
import spock.lang.Specification

/** The top-level words and the unit words are listed once; the script, the sandbox and the literal parser read the same lists. */
class WordListsSpec extends Specification {

    static Set<String> publicNames(Class<?> type, boolean statics) {
        type.declaredMethods.findAll { Modifier.isPublic(it.modifiers) && Modifier.isStatic(it.modifiers) == statics && !it.synthetic }*.name as Set
    }

    def "the script's top-level words are exactly its public methods, apart from Groovy's hooks"() {
        expect:
        TopWord.ALL == publicNames(EstateScript, false) - ['methodMissing', 'propertyMissing']
    }

    def "the literal parser applies the declarations and leaves include, table and the references to Groovy"() {
        expect:
        TopWord.DECLARATIONS == TopWord.ALL - ['include', 'table', 'secret', 'env']
    }

    def "every unit Groovy knows on a number is a unit the literal parser and a waiting number know"() {
        given:
        def groovyUnits = publicNames(UnitExtensions, true).collect { it.substring(3) } as Set
        def waiting = publicNames(PendingUnit, false).findAll { it.startsWith('get') }.collect { it.substring(3) } as Set

        expect:
        Unit.values().collect { it.word.capitalize() } as Set == groovyUnits
        waiting == groovyUnits
        Unit.byWord('GB') == Unit.GB
        Unit.byWord('parsecs') == null
    }

    def "a unit makes the same value as the Groovy form"() {
        expect:
        Unit.GB.of(900) == 900.GB
        Unit.MINUTES.of(15) == 15.minutes
        Unit.MBPS.of(100) == 100.Mbps
        Unit.DAY.of(1) == 1.day
    }
}
