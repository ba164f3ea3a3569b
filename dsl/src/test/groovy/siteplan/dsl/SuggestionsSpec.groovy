package siteplan.dsl

import spock.lang.Specification

/** "did you mean …?": close typos are suggested; names a definition builds (up to millions of characters) cost no more than their length. */
class SuggestionsSpec extends Specification {
    def "a typo is suggested its closest known word; an unrelated word none"() {
        expect:
        Suggestions.closest('chrun', ['churn', 'disk']) == Optional.of('churn')
        Suggestions.closest('web0l', ['web01', 'web02']) == Optional.of('web01')
        Suggestions.closest('database', ['web01', 'web02']).isEmpty()
        Suggestions.didYouMean('dsik', ['disk']) == " — did you mean 'disk'?"
    }

    def "a name of a million characters, or one a character from a known one, is compared within the bound"() {
        given:
        String huge = 'A' * 1_000_000

        expect:
        Suggestions.closest(huge, ['web01', huge + 'B']) == Optional.of(huge + 'B')
        Suggestions.closest(huge, ['web01', 'A' * 2_000_000]).isEmpty()
    }
}
