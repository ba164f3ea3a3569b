package siteplan.providers.azure;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.RetryStrategy;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;
import siteplan.model.AzureTarget;
import siteplan.providers.ThumbprintTrust;
import siteplan.providers.TrustedEndpoints;

/**
 * One authenticated HTTP pipeline to Azure Resource Manager for one target: the management libraries
 * (networks, storage) and Site Recovery's REST surface share it. Authentication is a bearer token:
 * the target's {@code token} reference, or the sign-in of the runner's environment ({@link AzureSignIn}). The endpoint must be
 * one the runner trusts ({@link TrustedEndpoints}): checked before anything is built, and again for every
 * request the pipeline sends (page links, operations to poll), so the token never leaves that host and port.
 */
public final class AzureConnection {
    /** Site Recovery's REST version; its paths live under the vault as replication…. */
    public static final String ASR_API = "2023-06-01";
    public static final String VAULT_API = "2023-04-01";
    public static final String PUBLIC_ENDPOINT = "https://management.azure.com/";
    static final ObjectMapper JSON = new ObjectMapper();

    private final AzureTarget target;
    private final String endpoint;
    private final HttpPipeline pipeline;
    private final AzureProfile profile;

    private AzureConnection(AzureTarget target, String endpoint, HttpPipeline pipeline, AzureProfile profile) {
        this.target = target;
        this.endpoint = endpoint;
        this.pipeline = pipeline;
        this.profile = profile;
    }

    /**
     * @param token the access token the target's {@code token} reference resolved to, or null for the sign-in
     *              the environment provides ({@link AzureSignIn}: a CI's workload identity, or a service principal)
     */
    public static AzureConnection open(AzureTarget target, String token, TrustedEndpoints trusted) {
        TrustedEndpoints.Destination destination;
        try {
            destination = trusted.azure(target);
        } catch (TrustedEndpoints.Untrusted e) {
            throw new AzureException(e.getMessage());
        }
        String endpoint = destination.url().toString();
        java.net.http.HttpClient.Builder http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20));
        if (destination.pin() != null) http.sslContext(new ThumbprintTrust(destination.pin()).sslContext());
        TokenCredential credential = token != null ? staticToken(token) : AzureSignIn.from(System.getenv(), target.name()).credential(System.getenv());
        String scope = endpoint + ".default";
        // Throttling (429) and 5xx are retried here for reads, honouring Retry-After; the executor retries
        // operations itself (TransientFault), so a PUT or POST is never sent twice by two layers.
        RetryPolicy retry = new RetryPolicy(new RetryStrategy() {
            private final RetryStrategy base = new com.azure.core.http.policy.ExponentialBackoff(new ExponentialBackoffOptions()
                    .setMaxRetries(5).setBaseDelay(Duration.ofMillis(200)).setMaxDelay(Duration.ofSeconds(10)));
            @Override public int getMaxRetries() { return base.getMaxRetries(); }
            @Override public Duration calculateRetryDelay(int retryAttempts) { return base.calculateRetryDelay(retryAttempts); }
            @Override public boolean shouldRetry(HttpResponse r) {
                return r.getRequest().getHttpMethod() == HttpMethod.GET && (r.getStatusCode() == 429 || r.getStatusCode() >= 500);
            }
        }, "Retry-After", java.time.temporal.ChronoUnit.SECONDS);
        HttpPipeline pipeline = new HttpPipelineBuilder()
                .httpClient(new JdkHttpClientBuilder(http).build())
                .policies(onlyTo(destination), new UserAgentPolicy("siteplan"), retry, new BearerTokenAuthenticationPolicy(credential, scope))
                .build();
        // Azure's public endpoints, with Resource Manager where the target says it is.
        Map<String, String> endpoints = new java.util.HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", endpoint);
        AzureEnvironment env = new AzureEnvironment(endpoints);
        AzureProfile profile = new AzureProfile(System.getenv("AZURE_TENANT_ID"), target.subscription(), env);
        return new AzureConnection(target, endpoint, pipeline, profile);
    }

    /**
     * Refuses, before the token is added, any request to another host or port than the trusted one: a
     * nextLink or Azure-AsyncOperation URL comes from the server's answer, and the management libraries
     * build their own URLs.
     */
    private static com.azure.core.http.policy.HttpPipelinePolicy onlyTo(TrustedEndpoints.Destination destination) {
        return (context, next) -> {
            java.net.URL url = context.getHttpRequest().getUrl();
            URI uri;
            try {
                uri = url.toURI();
            } catch (java.net.URISyntaxException e) {
                uri = null;
            }
            if (!destination.covers(uri)) {
                return Mono.error(new AzureException("refused to send the Azure token to " + url.getProtocol() + "://" + url.getAuthority()
                        + ": only " + destination.authority() + " is trusted for this target"));
            }
            return next.process();
        };
    }

    private static TokenCredential staticToken(String token) {
        // A token obtained elsewhere (az account get-access-token); its expiry is the issuer's business.
        return request -> Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
    }

    public HttpPipeline pipeline() {
        return pipeline;
    }

    public AzureProfile profile() {
        return profile;
    }

    public AzureTarget target() {
        return target;
    }

    /** …/resourceGroups/RG/providers/Microsoft.RecoveryServices/vaults/VAULT */
    public String vaultId() {
        return "/subscriptions/" + target.subscription() + "/resourceGroups/" + target.resourceGroup() + "/providers/Microsoft.RecoveryServices/vaults/" + target.vault();
    }

    // ------------------------------------------------------------------ REST

    /** A resource, or null when it does not exist (404). */
    public JsonNode get(String path, String apiVersion) {
        Reply r = send(HttpMethod.GET, url(path, apiVersion), null);
        if (r.status == 404) return null;
        r.expect(path);
        return r.body;
    }

    /** Every item of a collection, following nextLink pages. */
    public List<JsonNode> list(String path, String apiVersion) {
        List<JsonNode> out = new ArrayList<>();
        String url = url(path, apiVersion);
        while (url != null) {
            Reply r = send(HttpMethod.GET, url, null);
            if (r.status == 404) return out;
            r.expect(path);
            r.body.path("value").forEach(out::add);
            url = r.body.hasNonNull("nextLink") ? r.body.get("nextLink").asText() : null;
        }
        return out;
    }

    /** A PUT or POST; the reply says whether it finished (200/201) or runs on (202, with where to poll). */
    public Reply write(HttpMethod method, String path, String apiVersion, Object body) {
        return send(method, url(path, apiVersion), body);
    }

    /** Polls an Azure-AsyncOperation or Location URL once. */
    public Reply poll(String url) {
        return send(HttpMethod.GET, url, null);
    }

    /**
     * The URL of a resource id: each segment percent-encoded (an id is the resource's names as Azure and the
     * definition spell them, spaces and all: 'VM Network' is sent as VM%20Network), then the api-version.
     */
    String url(String path, String apiVersion) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        StringBuilder out = new StringBuilder(endpoint);
        String[] segments = p.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) out.append('/');
            out.append(encode(segments[i]));
        }
        return out.append("?api-version=").append(apiVersion).toString();
    }

    /** RFC 3986: everything but the unreserved characters is percent-encoded as UTF-8. */
    static String encode(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') out.append(c);
            else out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
        }
        return out.toString();
    }

    private Reply send(HttpMethod method, String url, Object body) {
        HttpRequest req = new HttpRequest(method, url);
        if (body != null) {
            try {
                req.setHeader(com.azure.core.http.HttpHeaderName.CONTENT_TYPE, "application/json");
                req.setBody(JSON.writeValueAsBytes(body));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        try (HttpResponse res = pipeline.sendSync(req, com.azure.core.util.Context.NONE)) {
            String text = res.getBodyAsBinaryData() == null ? "" : res.getBodyAsBinaryData().toString();
            JsonNode json = text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
            return new Reply(res.getStatusCode(), json, res.getHeaderValue("Azure-AsyncOperation"), res.getHeaderValue("Location"),
                    res.getHeaderValue("Retry-After"), URI.create(url).getPath());
        } catch (java.io.IOException e) {
            throw new AzureException("Azure Resource Manager at " + endpoint + " answered " + method + " " + URI.create(url).getPath() + " with something that is not JSON: " + e.getMessage());
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new AzureException("cannot reach Azure Resource Manager at " + endpoint + ": " + siteplan.providers.Causes.root(e));
        } catch (RuntimeException e) {
            if (e instanceof AzureException a) throw a;
            throw new AzureException("cannot reach Azure Resource Manager at " + endpoint + ": " + siteplan.providers.Causes.root(e));
        }
    }

    /** One answer from Resource Manager. */
    public record Reply(int status, JsonNode body, String asyncOperation, String location, String retryAfter, String path) {
        public boolean accepted() {
            return status == 202;
        }

        public boolean throttled() {
            return status == 429 || status >= 500;
        }

        /** The error Resource Manager gave, as "Code: message". */
        public String error() {
            JsonNode e = body.path("error");
            return e.isMissingNode() ? "HTTP " + status : e.path("code").asText("HTTP " + status) + ": " + e.path("message").asText("");
        }

        void expect(String what) {
            if (status == 401 || status == 403) throw new AzureException("Azure Resource Manager refused " + what + " (HTTP " + status + ", " + error() + ") — check the token or the service principal's role on the subscription");
            if (status >= 300) throw new AzureException("Azure Resource Manager answered " + what + " with " + error());
        }
    }

    /** Something about Azure the user can act on; the message says what. */
    public static final class AzureException extends RuntimeException {
        public AzureException(String message) {
            super(message, null, false, false);
        }
    }
}
