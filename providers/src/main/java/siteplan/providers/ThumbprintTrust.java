package siteplan.providers;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly one server certificate, named by the SHA-256 fingerprint the definition declares
 * ({@code thumbprint 'AB:CD:…'}). vCenters and test servers often present self-signed certificates;
 * pinning the fingerprint trusts that one server without turning verification off.
 */
public final class ThumbprintTrust implements X509TrustManager {
    private final String expected;

    public ThumbprintTrust(String thumbprint) {
        this.expected = normalise(thumbprint);
        if (!expected.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("thumbprint '" + thumbprint + "' is not a SHA-256 fingerprint (64 hex digits, colons optional)");
        }
    }

    /** Upper-case hex with colons, as browsers and vCenter show it. */
    public static String of(X509Certificate cert) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalise(String t) {
        return t == null ? "" : t.replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    @Override public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) throw new CertificateException("the server sent no certificate");
        String actual = of(chain[0]);
        if (!normalise(actual).equals(expected)) {
            throw new CertificateException("the server's certificate has fingerprint " + actual + ", not the declared thumbprint");
        }
    }

    @Override public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    public SSLContext sslContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {this}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
