package siteplan.providers;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import siteplan.model.Address;
import siteplan.model.AzureTarget;
import siteplan.model.Estate;
import siteplan.model.VmwareSite;
import siteplan.planner.provider.Provider.DiscoveryException;

/**
 * Where siteplan may send a credential. Definitions come from pull requests, so a definition may name
 * a vCenter or a Resource Manager endpoint, and pin a certificate, but it can never by itself make
 * siteplan send a token or a password there: that takes the runner's own configuration,
 * {@code SITEPLAN_TRUSTED_ENDPOINTS}, or (for Azure only) one of the public Resource Manager endpoints,
 * which are checked against the system's certificate authorities.
 *
 * <p>Syntax of the variable: entries separated by commas or white space, each {@code host[:port][=SHA256]}:
 * {@code vc01.ams.contoso.local, vc02.corp:8443=44:8F:…:9B:F6, [fd00::5]:443}. The port is 443 unless
 * given; an entry trusts exactly that host and port. The optional SHA-256 fingerprint (64 hex digits,
 * colons optional) pins that server's certificate; the definition's own {@code thumbprint} is then only
 * accepted when it is the same one. An entry without a pin accepts the definition's thumbprint for that
 * host, or the JVM's certificate authorities when it declares none.
 *
 * <p>Every check happens before a secret is resolved or a socket opened; {@link Destination}s can only be
 * made here, and the connections ({@code AzureConnection}, {@code VsphereSession}) take nothing else.
 */
public final class TrustedEndpoints {
    public static final String VARIABLE = "SITEPLAN_TRUSTED_ENDPOINTS";
    /** Azure Resource Manager of the public, US Government and China clouds: trusted through the system's CAs. */
    public static final Set<String> PUBLIC_AZURE = Set.of("management.azure.com:443", "management.usgovcloudapi.net:443", "management.chinacloudapi.cn:443");

    /** host:port → the pinned fingerprint (normalised), or "" when the entry pins nothing. */
    private final Map<String, String> entries;
    /** What is wrong with the variable itself; refused at the first use, so a runner that uses no real provider is unaffected. */
    private final String malformed;

    private TrustedEndpoints(Map<String, String> entries, String malformed) {
        this.entries = entries;
        this.malformed = malformed;
    }

    /** The runner's configuration, from its environment. */
    public static TrustedEndpoints from(Map<String, String> env) {
        return parse(env.get(VARIABLE));
    }

    /** A list in the variable's syntax; null or blank trusts nothing but the public Azure endpoints. */
    public static TrustedEndpoints parse(String value) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (value == null || value.isBlank()) return new TrustedEndpoints(entries, null);
        for (String raw : value.trim().split("[,\\s]+")) {
            if (raw.isEmpty()) continue;
            int eq = raw.indexOf('=');
            String where = eq < 0 ? raw : raw.substring(0, eq);
            String pin = eq < 0 ? "" : ThumbprintTrust.normalise(raw.substring(eq + 1));
            String authority = authority(where);
            if (authority == null || (eq >= 0 && !pin.matches("[0-9a-f]{64}"))) {
                return new TrustedEndpoints(Map.of(), VARIABLE + " entry '" + raw + "' is not host[:port] or host[:port]=SHA-256 fingerprint"
                        + " (such as vc01.corp.local:443=44:8F:…:9B:F6) — correct it in the runner's configuration");
            }
            entries.put(authority, pin);
        }
        return new TrustedEndpoints(entries, null);
    }

    /** "host:port" of an entry, lower case, port 443 unless given; null when it is not host[:port]. */
    private static String authority(String hostPort) {
        try {
            URI u = new URI("https://" + hostPort);
            if (u.getHost() == null || u.getRawUserInfo() != null || !(u.getRawPath() == null || u.getRawPath().isEmpty())
                    || u.getRawQuery() != null || u.getRawFragment() != null) return null;
            return key(u.getHost(), u.getPort());
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String key(String host, int port) {
        // Only ASCII host names are compared: lower-casing others can turn two different names into one
        // (the Kelvin sign becomes 'k'), so such a name matches nothing but itself, exactly as written.
        if (!host.chars().allMatch(c -> c < 128)) return "!" + host + ":" + port;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) h = h.substring(0, h.length() - 1);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.contains(":")) h = "[" + h + "]";
        return h + ":" + (port > 0 ? port : 443);
    }

    // ------------------------------------------------------------------ checks

    /** Every real vCenter and Azure target of the estate checked, in declaration order: what would be refused. */
    public List<Untrusted> check(Estate estate) {
        List<Untrusted> problems = new ArrayList<>();
        for (VmwareSite s : EstateProvider.vsphereSites(estate)) {
            try {
                vcenter(s);
            } catch (Untrusted u) {
                problems.add(u);
            }
        }
        for (AzureTarget a : EstateProvider.azureTargets(estate)) {
            try {
                azure(a);
            } catch (Untrusted u) {
                problems.add(u);
            }
        }
        return problems;
    }

    /** Where the vCenter of a site may be sent its credential, or why not. */
    public Destination vcenter(VmwareSite site) {
        var vc = site.vcenter();
        Address at = Address.site(site.name()).child(Address.Kind.VCENTER, vc.address());
        return vcenter(at.toString(), at.child(Address.Kind.THUMBPRINT).toString(), vc.address(), vc.port(), vc.thumbprint());
    }

    /**
     * As above for a vCenter named by its address and port outside a definition (the discovery benchmark, tests);
     * key is the source-map key refusals carry.
     */
    public Destination vcenter(String key, String address, Integer port, String thumbprint) {
        return vcenter(key, key + "/" + Address.Kind.THUMBPRINT.token(), address, port, thumbprint);
    }

    private Destination vcenter(String key, String thumbprintKey, String address, Integer port, String thumbprint) {
        String label = "vcenter '" + address + "'";
        refuseIfMalformed(key, label);
        URL sdk;
        try {
            sdk = siteplan.providers.vsphere.VsphereSession.sdkUrl(address, port);
        } catch (DiscoveryException e) {
            throw new Untrusted(key, label + ": " + e.getMessage());
        }
        String authority = key(sdk.getHost(), sdk.getPort());
        String pin = entries.get(authority);
        if (pin == null) {
            throw new Untrusted(key, label + " (" + authority + ") is not a vCenter this runner trusts — siteplan sends credentials only to hosts listed in "
                    + VARIABLE + "; if this is your vCenter, add '" + authority + "' to " + VARIABLE + " in the runner's configuration (not in the definition)."
                    + " Nothing was sent");
        }
        return new Destination(sdk, authority, pinned(thumbprintKey, label, authority, pin, thumbprint));
    }

    /** Where an Azure target's token may be sent, or why not. */
    public Destination azure(AzureTarget a) {
        String key = Address.azure(a.name()).child(Address.Kind.ENDPOINT).toString();
        String thumbprintKey = Address.azure(a.name()).child(Address.Kind.THUMBPRINT).toString();
        String label = "azure target '" + a.name() + "'";
        refuseIfMalformed(key, label);
        String endpoint = a.endpoint() == null ? "https://management.azure.com/" : a.endpoint().trim().endsWith("/") ? a.endpoint().trim() : a.endpoint().trim() + "/";
        URI u;
        try {
            u = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new Untrusted(key, label + ": endpoint " + a.endpoint() + " is not a URL (" + e.getMessage() + ")");
        }
        if (!"https".equalsIgnoreCase(u.getScheme())) {
            throw new Untrusted(key, "azure target " + a.name() + ": endpoint " + a.endpoint() + " is not https — Resource Manager and its tokens go over TLS only");
        }
        if (u.getHost() == null || u.getRawUserInfo() != null || u.getRawQuery() != null || u.getRawFragment() != null) {
            throw new Untrusted(key, label + ": endpoint " + a.endpoint() + " must be https://host[:port]/ with no user, query or fragment");
        }
        String authority = key(u.getHost(), u.getPort());
        String pin = entries.get(authority);
        URL url;
        try {
            url = u.toURL();
        } catch (MalformedURLException e) {
            throw new Untrusted(key, label + ": endpoint " + a.endpoint() + " is not a URL (" + e.getMessage() + ")");
        }
        if (pin == null) {
            if (!PUBLIC_AZURE.contains(authority)) {
                throw new Untrusted(key, label + ": endpoint " + a.endpoint() + " (" + authority + ") is not one this runner trusts — siteplan sends credentials only to"
                        + " Azure Resource Manager's public endpoints (management.azure.com, management.usgovcloudapi.net, management.chinacloudapi.cn) and to hosts listed in "
                        + VARIABLE + "; if this is your Resource Manager, add '" + authority + "' to " + VARIABLE + " in the runner's configuration (not in the definition)."
                        + " Nothing was sent");
            }
            if (a.thumbprint() != null) {
                throw new Untrusted(thumbprintKey, label + ": a definition cannot choose the certificate siteplan trusts with credentials for "
                        + authority + " — remove thumbprint (Azure's public endpoints are checked against the system's certificate authorities), or pin it in the runner's "
                        + VARIABLE + " as '" + authority + "=SHA256'. Nothing was sent");
            }
            return new Destination(url, authority, null);
        }
        return new Destination(url, authority, pinned(thumbprintKey, label, authority, pin, a.thumbprint()));
    }

    /** The runner's pin wins; a definition's pin is accepted for a trusted host without one, and must agree with one it has. */
    private static String pinned(String key, String label, String authority, String runnerPin, String definitionPin) {
        String declared = definitionPin == null ? null : ThumbprintTrust.normalise(definitionPin);
        if (declared != null && !declared.matches("[0-9a-f]{64}")) {
            throw new Untrusted(key, label + ": thumbprint '" + definitionPin + "' is not a SHA-256 fingerprint (64 hex digits, colons optional)");
        }
        if (runnerPin.isEmpty()) return declared;
        if (declared != null && !declared.equals(runnerPin)) {
            throw new Untrusted(key, label + ": thumbprint '" + definitionPin + "' disagrees with the certificate the runner pins for " + authority + " in " + VARIABLE
                    + " — siteplan trusts only the runner's pin; remove the thumbprint from the definition or correct it. Nothing was sent");
        }
        return runnerPin;
    }

    private void refuseIfMalformed(String key, String label) {
        if (malformed != null) throw new Untrusted(key, label + ": " + malformed + ". Nothing was sent");
    }

    /**
     * A place a credential may go: its URL, its host:port, and the certificate fingerprint to pin (null:
     * the JVM's certificate authorities). Only {@link TrustedEndpoints} makes these.
     */
    public static final class Destination {
        private final URL url;
        private final String authority;
        private final String pin;

        private Destination(URL url, String authority, String pin) {
            this.url = url;
            this.authority = authority;
            this.pin = pin;
        }

        public URL url() { return url; }
        public String authority() { return authority; }
        public String pin() { return pin; }

        /** Whether a URL (a page link, an operation to poll) is on this destination's host and port, over https. */
        public boolean covers(URI other) {
            return other != null && "https".equalsIgnoreCase(other.getScheme()) && other.getHost() != null && other.getRawUserInfo() == null
                    && authority.equals(key(other.getHost(), other.getPort()));
        }
    }

    /** A credential would go somewhere the runner does not trust; {@link #key()} is the source-map key of what the definition wrote. */
    public static final class Untrusted extends DiscoveryException {
        private final String key;

        public Untrusted(String key, String message) {
            super(message);
            this.key = key;
        }

        public String key() { return key; }
    }
}
