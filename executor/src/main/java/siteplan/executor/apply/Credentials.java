package siteplan.executor.apply;

import java.util.ArrayList;
import java.util.List;
import siteplan.executor.provider.Step;
import siteplan.model.Estate;
import siteplan.model.InstallMethod;
import siteplan.model.Membership;
import siteplan.model.ProtectionGroup;
import siteplan.model.SecretRef;
import siteplan.planner.diff.Action;
import siteplan.planner.diff.ResourceType;

/**
 * Which credential references a step of a plan needs, from the model alone (any provider needs the same):
 * registering a vCenter needs its account; a configuration, process or master target server, the
 * configuration server's passphrase; a push install of the Mobility service, the push account (MOB-PUSH).
 * An apply checks them all before it starts; a provider resolves each inside the step that uses it.
 */
public final class Credentials {
    private final Estate estate;
    private final Membership membership;

    public Credentials(Estate estate) {
        this.estate = estate;
        this.membership = Membership.of(estate);
    }

    /** A credential reference and what it is needed for, for messages. */
    public record Credential(SecretRef ref, String purpose) {}

    public List<Credential> forStep(Step s) {
        List<Credential> out = new ArrayList<>();
        if (s.action() == Action.DELETE || s.action() == Action.NO_OP) return out;
        switch (s.type()) {
            case VCENTER, CONFIGURATION_SERVER, PROCESS_SERVER, MASTER_TARGET, APPLIANCE -> {
                String name = s.name().substring(s.name().indexOf('/') + 1);
                estate.vmwareSites().stream().filter(x -> x.name().equals(s.site())).findFirst().ifPresent(vs -> {
                    if (s.type() == ResourceType.VCENTER) {
                        if (vs.vcenter() != null && vs.vcenter().credential() != null) out.add(new Credential(vs.vcenter().credential(), "add vCenter " + name + " to the configuration server"));
                    } else if (vs.configurationServer() != null && vs.configurationServer().passphrase() != null) {
                        out.add(new Credential(vs.configurationServer().passphrase(), "register " + s.type().token().replace('_', ' ') + " " + name + " with the configuration server"));
                    }
                });
            }
            case PROTECTION, MOBILITY -> {
                // Reprotecting, moving (the agent stays) and updating protection settings push nothing.
                if (s.action() == Action.REPROTECT || s.action() == Action.MOVE || (s.type() == ResourceType.PROTECTION && s.action() == Action.UPDATE)) break;
                estate.machine(s.name()).filter(m -> m.mobility() != null && m.mobility().install() != InstallMethod.MANUAL).ifPresent(m -> {
                    SecretRef account = m.mobility().account() != null ? m.mobility().account()
                            : membership.groupOf(m.name()).map(ProtectionGroup::pushAccount).orElse(null);
                    if (account != null) out.add(new Credential(account, "push the Mobility service to " + m.name() + " (MOB-PUSH)"));
                });
            }
            case VAULT, STORAGE_ACCOUNT, AZURE_NETWORK, SITE, POLICY, NETWORK_MAPPING, STORAGE_MAPPING, RECOVERY_PLAN -> { }
        }
        return out;
    }
}
