package siteplan.providers.vsphere;

import com.vmware.vim25.mo.ServiceInstance;
import java.net.MalformedURLException;
import java.net.URL;
import java.rmi.RemoteException;
import javax.net.ssl.TrustManager;
import siteplan.planner.provider.Provider.DiscoveryException;
import siteplan.providers.ThumbprintTrust;
import siteplan.providers.TrustedEndpoints;

/**
 * A logged-in session with one vCenter (or ESXi host) through yavijava. It opens only to a
 * {@link TrustedEndpoints.Destination}, so the password goes nowhere the runner has not trusted; the
 * certificate is checked against the destination's pin, else the JVM's authorities.
 */
public final class VsphereSession implements AutoCloseable {
    private final ServiceInstance si;
    private final String address;

    private VsphereSession(ServiceInstance si, String address) {
        this.si = si;
        this.address = address;
    }

    /** The SDK URL of a vCenter declared as {@code vcenter('addr') { port 443 }}: https://addr:port/sdk. */
    public static URL sdkUrl(String address, Integer port) {
        try {
            String host = address.contains("://") ? new URL(address).getHost() : address;
            int p = port != null ? port : address.contains("://") && new URL(address).getPort() > 0 ? new URL(address).getPort() : 443;
            return new URL("https", host, p, "/sdk");
        } catch (MalformedURLException e) {
            throw new DiscoveryException("vCenter address '" + address + "' is not a host name or URL: " + e.getMessage());
        }
    }

    public static VsphereSession open(TrustedEndpoints.Destination destination, String user, String password) {
        URL sdk = destination.url();
        String thumbprint = destination.pin();
        try {
            return new VsphereSession(connect(sdk, user, password, thumbprint == null ? null : new ThumbprintTrust(thumbprint)), sdk.getHost());
        } catch (IllegalArgumentException e) {
            throw new DiscoveryException("vCenter " + sdk.getHost() + ": " + e.getMessage());
        } catch (com.vmware.vim25.InvalidLogin e) {
            throw new DiscoveryException("vCenter " + sdk.getHost() + " refused the login of '" + user + "' — check the user and the credential's password");
        } catch (RemoteException | RuntimeException e) {
            String why = siteplan.providers.Causes.root(e);
            String hint = !why.contains("certif") && !why.contains("PKIX") ? ""
                    : thumbprint == null ? " — pin the certificate's SHA-256 fingerprint in the runner's " + TrustedEndpoints.VARIABLE + " ('host:port=AB:CD:…')"
                    : " — if the certificate was renewed, check it is this vCenter's and pin the new fingerprint";
            throw new DiscoveryException("cannot reach vCenter at " + sdk + ": " + why + hint);
        } catch (MalformedURLException e) {
            throw new DiscoveryException("vCenter URL " + sdk + " is malformed: " + e.getMessage());
        }
    }

    /**
     * yavijava keeps the first custom trust context it builds for the rest of the process, so a second
     * vCenter (or a second thumbprint) would be checked against the first one's. Each client takes its
     * socket factory when it is built, so resetting the cache and building under one lock gives every
     * session exactly its own trust.
     */
    private static synchronized ServiceInstance connect(URL sdk, String user, String password, TrustManager trust)
            throws RemoteException, MalformedURLException {
        if (trust == null) return new ServiceInstance(sdk, user, password, false);
        com.vmware.vim25.ws.CustomSSLTrustContextCreator.setContextAlreadyCreated(false);
        return new ServiceInstance(sdk, user, password, trust);
    }

    public ServiceInstance serviceInstance() {
        return si;
    }

    public String address() {
        return address;
    }

    @Override public void close() {
        try {
            si.getServerConnection().logout();
        } catch (RuntimeException ignored) {
            // The session ends with the process anyway; a failed logout changes nothing the user can act on.
        }
    }
}
