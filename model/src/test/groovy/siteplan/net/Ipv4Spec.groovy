package siteplan.net

import spock.lang.Specification

class Ipv4Spec extends Specification {

    def "an address is four octets 0-255 written plainly; anything else is refused"() {
        expect:
        (Ipv4.address(text) >= 0) == valid

        where:
        text               | valid
        '10.1.1.10'        | true
        '0.0.0.0'          | true
        '255.255.255.255'  | true
        '10.1.1.300'       | false
        '10.1.1'           | false
        '10.1.1.1.'        | false
        '10.1.1.1.1'       | false
        '010.1.1.1'        | false
        '+10.1.1.1'        | false
        '10.1.-1.1'        | false
        ' 10.1.1.1'        | false
        'web01'            | false
        ''                 | false
    }

    def "a prefix has a length 0-32 and no host bits; the problem says what to write"() {
        expect:
        Ipv4.prefixProblem(text) == problem

        where:
        text            | problem
        '10.20.0.0/16'  | null
        '0.0.0.0/0'     | null
        '10.1.1.1/32'   | null
        '10.20.0.0/33'  | "'10.20.0.0/33' is not a prefix in CIDR form — write an address and a length from 0 to 32, such as 10.20.0.0/16"
        '10.20.0.0'     | "'10.20.0.0' is not a prefix in CIDR form — write an address and a length from 0 to 32, such as 10.20.0.0/16"
        '10.20.0.0/'    | "'10.20.0.0/' is not a prefix in CIDR form — write an address and a length from 0 to 32, such as 10.20.0.0/16"
        '10.20.1.5/24'  | "'10.20.1.5/24' has host bits set: the prefix of length 24 that holds it starts at 10.20.1.0 — write 10.20.1.0/24"
    }

    def "containment of addresses and prefixes"() {
        given:
        def p = Ipv4.prefix('10.20.0.0/16')

        expect:
        p.contains(Ipv4.address('10.20.255.1'))
        !p.contains(Ipv4.address('10.21.0.1'))
        p.contains(Ipv4.prefix('10.20.1.0/24'))
        !p.contains(Ipv4.prefix('10.0.0.0/8'))
    }
}
