package siteplan.planner.rules;

import java.util.List;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import siteplan.model.*;
import siteplan.model.Address.Kind;

/** Configuration server rules (seed 000 Table 1, "Configuration server considerations", Step 2). */
final class ConfigurationServerRules {
    private ConfigurationServerRules() {}

    /** Every finding of this family for the facts. */
    static List<Finding> check(Facts f) {
        Findings out = new Findings(f.sources);
        check(f, out);
        return out.list();
    }

    private static void check(Facts f, Findings out) {
        for (VmwareSite s : f.estate.vmwareSites()) {
            ConfigurationServer cs = s.configurationServer();
            // Machines protected toward a modernized vault go through its appliances, not the configuration server.
            long sources = f.protectedMachinesOf(s.name()).stream().filter(m -> !f.modernized(m)).count();
            if (cs == null) continue;
            Address key = Address.site(s.name()).child(Kind.CONFIGURATION_SERVER, cs.name());
            sources(f, out, s, cs, key, sources);
            size(f, out, cs, key);
            ip(f, out, s, cs, key);
        }
        for (AzureTarget t : f.estate.azure()) {
            reservedIps(f, out, t);
            registrationKey(f, out, t);
        }
    }

    /** CS-SOURCES: at most 100 protected machines (of 3-4 volumes) per configuration server. */
    static void sources(Facts f, Findings out, VmwareSite s, ConfigurationServer cs, Address key, long sources) {
        int max = f.profile.configurationServer().maxSources();
        if (sources > max) {
            out.report("CS-SOURCES", Severity.ERROR, cs.name(), key, "configuration server " + cs.name() + " serves " + sources + " protected machines (limit " + max
                    + ") — deploy another configuration server (" + (int) Math.ceil(sources / (double) max) + " needed)");
        }
    }

    /** CS-SIZE: a Standard A3 (4 cores, 7 GB, 8 data disks of 1023 GB). */
    static void size(Facts f, Findings out, ConfigurationServer cs, Address key) {
        String want = f.profile.configurationServer().vmSize();
        if (cs.location() == ServerLocation.AZURE && cs.vmSize() != null && !cs.vmSize().equalsIgnoreCase(want)) {
            out.report("CS-SIZE", Severity.INFO, cs.name(), key, "configuration server " + cs.name() + " is declared " + cs.vmSize() + "; Site Recovery deploys it as " + want
                    + " (" + f.profile.configurationServer().cores() + " cores, " + f.profile.configurationServer().memory().human() + ")");
        }
    }

    /** CS-IP: in Azure, the IP is not one of the first four addresses of its subnet (Azure reserves them). */
    static void ip(Facts f, Findings out, VmwareSite s, ConfigurationServer cs, Address key) {
        if (cs.location() != ServerLocation.AZURE || cs.ip() == null || cs.network() == null) return;
        for (AzureTarget t : f.estate.azure()) {
            for (VirtualNetwork n : t.networks()) {
                if (!n.name().equals(cs.network())) continue;
                for (Subnet sn : n.subnets()) {
                    if (cs.subnet() != null && !sn.name().equals(cs.subnet())) continue;
                    siteplan.net.Ipv4.Prefix c = siteplan.net.Ipv4.prefix(sn.prefix());
                    long ip = siteplan.net.Ipv4.address(cs.ip());
                    if (c == null || ip < 0 || !c.contains(ip)) continue;
                    int reserved = f.profile.configurationServer().reservedAddressesPerSubnet();
                    if (ip - c.network() < reserved) {
                        out.report("CS-IP", Severity.ERROR, cs.name(), key, "configuration server " + cs.name() + " has " + cs.ip() + ", one of the first " + reserved
                                + " addresses of subnet " + sn.name() + " (" + sn.prefix() + "), which Azure reserves");
                    }
                }
            }
        }
    }

    /** CS-RESERVED-IP: every component server in Azure takes a reserved public IP; 20 per subscription by default. */
    static void reservedIps(Facts f, Findings out, AzureTarget t) {
        int limit = t.reservedPublicIpLimit() != null ? t.reservedPublicIpLimit() : f.profile.configurationServer().reservedPublicIps();
        long used = 0;
        for (VmwareSite s : f.estate.vmwareSites()) {
            boolean targetsThis = f.protects(s.name(), t.name());
            if (!targetsThis) continue;
            if (s.configurationServer() != null && s.configurationServer().location() == ServerLocation.AZURE) used++;
            used += s.masterTargets().stream().filter(m -> m.location() != ServerLocation.ON_PREMISES).count();
            used += s.processServers().stream().filter(p -> p.location() == ServerLocation.AZURE).count();
        }
        if (used > limit) {
            out.report("CS-RESERVED-IP", Severity.ERROR, t.name(), Address.azure(t.name()), "servers in Azure for " + t.name() + " need " + used
                    + " reserved public IPs; the subscription allows " + limit + " — raise the limit (reservedPublicIpLimit) or use fewer servers");
        }
    }

    /** CS-REG-KEY: a vault registration key is valid for 5 days. */
    static void registrationKey(Facts f, Findings out, AzureTarget t) {
        // Appliances register with a sign-in code, not a registration key.
        if (t.registrationKeyIssued() == null || Architecture.of(t) == Architecture.MODERNIZED) return;
        LocalDate issued;
        try {
            issued = LocalDate.parse(t.registrationKeyIssued());
        } catch (DateTimeParseException e) {
            out.report("CS-REG-KEY", Severity.WARNING, t.name(), Address.azure(t.name()), "registrationKeyIssued '" + t.registrationKeyIssued() + "' of " + t.name() + " is not a date (YYYY-MM-DD)");
            return;
        }
        long age = java.time.temporal.ChronoUnit.DAYS.between(issued, f.today);
        int days = f.profile.configurationServer().registrationKeyDays();
        if (age > days) {
            out.report("CS-REG-KEY", Severity.WARNING, t.name(), Address.azure(t.name()), "the registration key of vault " + t.vault() + " was downloaded " + age
                    + " days ago; keys are valid " + days + " days — download a new one before registering servers");
        }
    }
}
