package siteplan.executor

import siteplan.executor.provider.RecoveryPointChoice
import siteplan.executor.secrets.Secrets
import siteplan.model.SecretRef
import spock.lang.Specification

class SecretsAndChoicesSpec extends Specification {

    def "secret('name') reads SITEPLAN_SECRET_NAME; env('X') reads X; a missing one says what to export"() {
        given:
        def s = new Secrets([SITEPLAN_SECRET_VCENTER_ASR: 'v4lue-1', VC_PASSWORD: 'v4lue-2'])

        expect:
        s.resolve(SecretRef.secret('vcenter-asr'), 'add vCenter') == 'v4lue-1'
        s.resolve(SecretRef.env('VC_PASSWORD'), 'add vCenter') == 'v4lue-2'

        when:
        s.resolve(SecretRef.secret('cs01-passphrase'), 'register ps01')

        then:
        def e = thrown(Secrets.MissingSecret)
        e.message == "secret('cs01-passphrase') is needed to register ps01 but is not set — export SITEPLAN_SECRET_CS01_PASSPHRASE, or add 'cs01-passphrase' to the properties file named by SITEPLAN_SECRETS_FILE"
    }

    def "every value handed out is masked in text that leaves the process"() {
        given:
        def s = new Secrets([SITEPLAN_SECRET_X: 'hunter22'])
        s.resolve(SecretRef.secret('x'), 'test')

        expect:
        s.redact('login failed for root/hunter22 on host') == 'login failed for root/******** on host'
    }

    def "recovery points: latest, latest-app-consistent or a time"() {
        expect:
        RecoveryPointChoice.parse(text).toString() == shown

        where:
        text                    | shown
        'latest'                | 'latest'
        'latest-app-consistent' | 'latest-app-consistent'
        '2026-11-21T08:00:00Z'  | '2026-11-21T08:00:00Z'
    }

    def "anything else is refused with what is accepted"() {
        when:
        RecoveryPointChoice.parse('yesterday')

        then:
        def e = thrown(IllegalArgumentException)
        e.message == "recovery point 'yesterday' is not latest, latest-app-consistent or a time such as 2026-11-21T08:00:00Z"
    }
}
