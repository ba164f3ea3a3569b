package siteplan.units

import java.time.Duration
import spock.lang.Specification
import spock.lang.Unroll

/** Units are exact: what is read is what is written again. */
class UnitsSpec extends Specification {

    @Unroll
    def "data size '#text' is #bytes bytes and is written as '#written'"() {
        expect:
        DataSize.parse(text).bytes() == bytes
        DataSize.parse(text).toString() == written
        DataSize.parse(written) == DataSize.parse(text)

        where:
        text      | bytes                  | written
        '900GB'   | 900L * (1L << 30)      | '900GB'
        '900 gb'  | 900L * (1L << 30)      | '900GB'
        '1TB'     | 1L << 40               | '1TB'
        '1024GB'  | 1L << 40               | '1TB'
        '1.5TB'   | 3L * (1L << 39)        | '1536GB'
        '8KB'     | 8192L                  | '8KB'
        '0GB'     | 0L                     | '0GB'
    }

    @Unroll
    def "duration '#text' is written as '#written'"() {
        expect:
        Durations.format(Durations.parse(text)) == written

        where:
        text         | written
        '30s'        | '30s'
        '15min'      | '15min'
        '60 minutes' | '1h'
        '24h'        | '1d'
        '90d'        | '90d'
        '90 s'       | '90s'
    }

    def "text that is not a size says what is expected"() {
        when:
        DataSize.parse('big')

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "'big' is not a data size; write a number and a unit, such as 900GB or 1.5TB"
    }
}
