package siteplan.planner.diff;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import siteplan.model.Token;

/**
 * The kinds of resource a plan changes; closed, so the planner, the executor's ordering and the providers
 * switch over it exhaustively and an unknown type cannot slip through. The JSON word (e.g.
 * "storage_account") is the first part of a change's address and the value of a saved plan's "type".
 */
public enum ResourceType implements Token {
    VAULT, STORAGE_ACCOUNT, AZURE_NETWORK, SITE, VCENTER, CONFIGURATION_SERVER, PROCESS_SERVER, MASTER_TARGET, APPLIANCE,
    POLICY, NETWORK_MAPPING, STORAGE_MAPPING, PROTECTION, MOBILITY, RECOVERY_PLAN;

    /** The word plans write: snake_case, unlike the hyphenated tokens of the definition files. */
    @JsonValue
    @Override
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A change's address: the type's word and the resource's name, e.g. "protection.erp-db01". */
    public String address(String name) {
        return token() + "." + name;
    }

    @Override
    public String toString() {
        return token();
    }
}
