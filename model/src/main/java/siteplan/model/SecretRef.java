package siteplan.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A reference to a credential, never its value: `secret('vcenter-admin')` names an entry of the
 * secret store, `env('VC_PASSWORD')` an environment variable. The value is resolved only when an
 * operation needs it, so it never enters the model, a plan, a log or history.
 */
@JsonClassDescription("A reference to a credential or passphrase; exactly one of secret or env. The value itself never appears in a model, plan or log.")
public record SecretRef(
        @JsonPropertyDescription("Name of an entry in the secret store.") String secret,
        @JsonPropertyDescription("Name of an environment variable that holds the value at run time.") String env) {

    public SecretRef {
        if ((secret == null) == (env == null)) throw new IllegalArgumentException("a secret reference names exactly one of secret or env");
    }

    public static SecretRef secret(String name) { return new SecretRef(name, null); }
    public static SecretRef env(String name) { return new SecretRef(null, name); }

    @Override public String toString() {
        return secret != null ? "secret('" + secret + "')" : "env('" + env + "')";
    }
}
