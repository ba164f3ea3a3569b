package siteplan.providers.azure;

import com.azure.core.credential.TokenCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * How siteplan signs in to Resource Manager when an Azure target declares no {@code token}: chosen from the runner's
 * environment, and checked before anything is sent, so a missing variable is named instead of failing on the first call.
 * The credentials are azure-identity's own; siteplan exchanges no token itself.
 */
enum AzureSignIn {
    /**
     * A CI's OpenID Connect token in AZURE_FEDERATED_TOKEN_FILE, exchanged by azure-identity's WorkloadIdentityCredential
     * for the app registration AZURE_CLIENT_ID in AZURE_TENANT_ID: no client secret is stored anywhere. GitHub Actions
     * (`id-token: write`) and GitLab CI (`id_tokens:`) issue the token; the app trusts it through a federated credential.
     */
    WORKLOAD_IDENTITY,
    /** A service principal's secret or certificate (AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH): azure-identity's EnvironmentCredential. */
    SERVICE_PRINCIPAL;

    static final String CLIENT_ID = "AZURE_CLIENT_ID";
    static final String TENANT_ID = "AZURE_TENANT_ID";
    static final String TOKEN_FILE = "AZURE_FEDERATED_TOKEN_FILE";

    /** The sign-in the environment provides for target {@code target}, or an AzureException saying what to set. */
    static AzureSignIn from(Map<String, String> env, String target) {
        String prefix = "azure target " + target + " has no token and ";
        if (blank(env.get(CLIENT_ID))) {
            throw new AzureConnection.AzureException(prefix + CLIENT_ID + " is not set — export AZURE_TENANT_ID and AZURE_CLIENT_ID with AZURE_FEDERATED_TOKEN_FILE "
                    + "(a CI's workload identity, no stored secret) or AZURE_CLIENT_SECRET (a service principal), or declare: token secret('arm-token')");
        }
        if (blank(env.get(TENANT_ID))) {
            throw new AzureConnection.AzureException(prefix + TENANT_ID + " is not set — export the directory (tenant) ID of the app registration AZURE_CLIENT_ID");
        }
        String file = env.get(TOKEN_FILE);
        if (!blank(file)) {
            if (!Files.isReadable(Path.of(file))) {
                throw new AzureConnection.AzureException(prefix + TOKEN_FILE + " names " + file + ", which cannot be read — write the CI's OpenID Connect token there "
                        + "before siteplan runs (see docs/ci.md)");
            }
            return WORKLOAD_IDENTITY;
        }
        if (blank(env.get("AZURE_CLIENT_SECRET")) && blank(env.get("AZURE_CLIENT_CERTIFICATE_PATH"))) {
            throw new AzureConnection.AzureException(prefix + "neither AZURE_FEDERATED_TOKEN_FILE nor AZURE_CLIENT_SECRET nor AZURE_CLIENT_CERTIFICATE_PATH is set — "
                    + "export one for the app registration " + env.get(CLIENT_ID));
        }
        return SERVICE_PRINCIPAL;
    }

    /** The azure-identity credential of this sign-in, configured from {@code env}. */
    TokenCredential credential(Map<String, String> env) {
        return switch (this) {
            case WORKLOAD_IDENTITY -> new com.azure.identity.WorkloadIdentityCredentialBuilder()
                    .tenantId(env.get(TENANT_ID)).clientId(env.get(CLIENT_ID)).tokenFilePath(env.get(TOKEN_FILE)).build();
            case SERVICE_PRINCIPAL -> new com.azure.identity.EnvironmentCredentialBuilder().build();
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
