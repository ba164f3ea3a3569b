package siteplan.providers.azure

import com.azure.identity.EnvironmentCredential
import com.azure.identity.WorkloadIdentityCredential
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Without a token in the definition, the runner's environment says how siteplan signs in: a CI's workload identity
 * (an OpenID Connect token in a file, no stored secret) or a service principal's secret; what is missing is named.
 */
class AzureSignInSpec extends Specification {
    @TempDir
    Path tmp

    def "a federated token file, as a CI job writes it, signs in with azure-identity's workload identity credential"() {
        given: 'the OpenID Connect token a GitHub or GitLab job wrote, and the app registration that trusts it'
        Path token = Files.writeString(tmp.resolve('azure-token'), 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln')
        def env = [AZURE_CLIENT_ID: '00000000-0000-0000-0000-0000000000c1', AZURE_TENANT_ID: '00000000-0000-0000-0000-0000000000a1',
                   AZURE_FEDERATED_TOKEN_FILE: token.toString()]

        when:
        def signIn = AzureSignIn.from(env, 'azure-weu')

        then:
        signIn == AzureSignIn.WORKLOAD_IDENTITY
        signIn.credential(env) instanceof WorkloadIdentityCredential
    }

    def "the token file wins over a client secret left in the environment: no stored secret is used when the CI gives a token"() {
        given:
        Path token = Files.writeString(tmp.resolve('azure-token'), 'eyJ.e30.c2ln')

        expect:
        AzureSignIn.from([AZURE_CLIENT_ID: 'app', AZURE_TENANT_ID: 'tenant', AZURE_FEDERATED_TOKEN_FILE: token.toString(), AZURE_CLIENT_SECRET: 's3cret'], 'azure-weu') == AzureSignIn.WORKLOAD_IDENTITY
    }

    def "a client secret or certificate signs in as a service principal with the environment credential"() {
        expect:
        AzureSignIn.from(env, 'azure-weu') == AzureSignIn.SERVICE_PRINCIPAL
        AzureSignIn.SERVICE_PRINCIPAL.credential(env) instanceof EnvironmentCredential

        where:
        env << [[AZURE_CLIENT_ID: 'app', AZURE_TENANT_ID: 'tenant', AZURE_CLIENT_SECRET: 's3cret'],
                [AZURE_CLIENT_ID: 'app', AZURE_TENANT_ID: 'tenant', AZURE_CLIENT_CERTIFICATE_PATH: '/etc/siteplan/app.pem']]
    }

    def "an incomplete environment is refused before anything is sent, naming what to set"() {
        when:
        AzureSignIn.from(env.collectEntries { k, v -> [k, v == 'MISSING-FILE' ? tmp.resolve('never-written').toString() : v] }, 'azure-weu')

        then:
        def e = thrown(AzureConnection.AzureException)
        e.message == message.replace('TMP', tmp.toString())

        where:
        env                                                                                   | message
        [:]                                                                                   | "azure target azure-weu has no token and AZURE_CLIENT_ID is not set — export AZURE_TENANT_ID and AZURE_CLIENT_ID with AZURE_FEDERATED_TOKEN_FILE (a CI's workload identity, no stored secret) or AZURE_CLIENT_SECRET (a service principal), or declare: token secret('arm-token')"
        [AZURE_CLIENT_ID: 'app', AZURE_FEDERATED_TOKEN_FILE: 'MISSING-FILE']                  | "azure target azure-weu has no token and AZURE_TENANT_ID is not set — export the directory (tenant) ID of the app registration AZURE_CLIENT_ID"
        [AZURE_CLIENT_ID: 'app', AZURE_TENANT_ID: 'tenant', AZURE_FEDERATED_TOKEN_FILE: 'MISSING-FILE'] | "azure target azure-weu has no token and AZURE_FEDERATED_TOKEN_FILE names TMP/never-written, which cannot be read — write the CI's OpenID Connect token there before siteplan runs (see docs/ci.md)"
        [AZURE_CLIENT_ID: 'app', AZURE_TENANT_ID: 'tenant']                                   | "azure target azure-weu has no token and neither AZURE_FEDERATED_TOKEN_FILE nor AZURE_CLIENT_SECRET nor AZURE_CLIENT_CERTIFICATE_PATH is set — export one for the app registration app"
    }
}
