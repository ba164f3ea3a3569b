package siteplan.dsl

import java.time.Duration
import siteplan.units.DataRate
import siteplan.units.DataSize
import spock.lang.Specification

/** A definition's 900.GB or 15.minutes is the model's own value, exactly. */
class UnitsInDslSpec extends Specification {

    def "units in the DSL are the same values"() {
        expect:
        900.GB == DataSize.parse('900GB')
        15.minutes == Duration.ofMinutes(15)
        100.Mbps == DataRate.parse('100Mbps')
        1.5.TB == DataSize.parse('1536GB')
    }
}
