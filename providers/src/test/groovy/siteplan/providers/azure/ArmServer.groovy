package siteplan.providers.azure

import com.fasterxml.jackson.databind.ObjectMapper
import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpsConfigurator
import com.sun.net.httpserver.HttpsServer
import java.nio.file.Files
import java.nio.file.Path
import java.security.KeyStore
import java.security.cert.X509Certificate
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.atomic.AtomicInteger
import javax.net.ssl.KeyManagerFactory
import javax.net.ssl.SSLContext
import siteplan.providers.ThumbprintTrust
import siteplan.providers.azure.contract.AsrContract

/**
 * A local Azure Resource Manager for the Azure provider's specs: HTTPS on 127.0.0.1 with a self-signed
 * certificate (made by the JDK's keytool), bearer tokens checked, resources kept in memory under their
 * ARM ids (case-insensitive), lists with the vault-wide collections Site Recovery offers, and the
 * replication… writes answering 202 with Azure-AsyncOperation and Retry-After, each leaving a
 * replicationJob, so what a test failover does changes what the next GET returns.
 * Faults: {@link #throttle} answers the next requests 429 with Retry-After; {@link #failNext} makes the
 * next job of a scenario fail.
 */
class ArmServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper()
    /** Collections Site Recovery lists for the whole vault, whatever fabric or container holds them. */
    static final Set<String> VAULT_WIDE = ['replicationprotecteditems', 'replicationnetworkmappings', 'replicationprotectioncontainers',
                                           'replicationvcenters', 'replicationstorageclassificationmappings'] as Set

    final HttpsServer server
    final String thumbprint
    final String token
    final Map<String, Map> resources = new ConcurrentHashMap<>()
    final Map<String, Map> operations = new ConcurrentHashMap<>()
    final List<String> requests = new CopyOnWriteArrayList<>()
    /** Every Authorization header received, as sent: what a listener posing as Resource Manager would collect. */
    final List<String> authorizations = new CopyOnWriteArrayList<>()
    final AtomicInteger throttled = new AtomicInteger()
    final Set<String> failing = ConcurrentHashMap.newKeySet()
    final AtomicInteger jobs = new AtomicInteger()
    /** Machine → the address its test failover VM gets (tfoIPAddress); drills' smoke checks connect there. */
    final Map<String, String> testAddresses = new ConcurrentHashMap<>()
    /** Site Recovery's published contract; every Site Recovery request and response is checked against it. */
    final AsrContract contract = AsrContract.get()
    /** What broke the contract, request or response: a spec fails when this is not empty at close. */
    final List<String> violations = new CopyOnWriteArrayList<>()
    /** The contract operations requested, in order (operation id, api-version, provider input type). */
    final List<String> exercised = new CopyOnWriteArrayList<>()
    private final ThreadLocal<AsrContract.Operation> current = new ThreadLocal<>()
    private final Path dir

    private ArmServer(HttpsServer server, String thumbprint, String token, Path dir) {
        this.server = server
        this.thumbprint = thumbprint
        this.token = token
        this.dir = dir
    }

    static ArmServer start(String token = 'test-arm-token') {
        Path dir = Files.createTempDirectory('arm')
        Path ks = dir.resolve('arm.p12')
        String keytool = Path.of(System.getProperty('java.home'), 'bin', 'keytool').toString()
        def p = new ProcessBuilder(keytool, '-genkeypair', '-alias', 'arm', '-keyalg', 'RSA', '-keysize', '2048', '-dname', 'CN=localhost',
                '-ext', 'SAN=ip:127.0.0.1,dns:localhost', '-validity', '2', '-storetype', 'PKCS12', '-keystore', ks.toString(),
                '-storepass', 'changeit', '-keypass', 'changeit').redirectErrorStream(true).start()
        String out = p.inputStream.text
        assert p.waitFor() == 0: 'keytool failed: ' + out
        KeyStore store = KeyStore.getInstance('PKCS12')
        ks.toFile().withInputStream { store.load(it, 'changeit'.toCharArray()) }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.defaultAlgorithm)
        kmf.init(store, 'changeit'.toCharArray())
        SSLContext ssl = SSLContext.getInstance('TLS')
        ssl.init(kmf.keyManagers, null, null)
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
        server.httpsConfigurator = new HttpsConfigurator(ssl)
        def arm = new ArmServer(server, ThumbprintTrust.of((X509Certificate) store.getCertificate('arm')), token, dir)
        server.createContext('/') { HttpExchange ex -> arm.handle(ex) }
        server.executor = java.util.concurrent.Executors.newFixedThreadPool(4)
        server.start()
        arm
    }

    String getEndpoint() { "https://127.0.0.1:${server.address.port}/" }

    /** The next n requests are answered 429 Too Many Requests, Retry-After 1. */
    void throttle(int n) { throttled.set(n) }

    /** The next job of this scenario (EnableDr, TestFailover, PlannedFailover, …) fails; for one target object only when named. */
    void failNext(String scenario, String name = null) { failing << (name ? "${scenario}:${name}".toString() : scenario) }

    void put(String id, Map resource) {
        resource.id = id
        resource.name = resource.name ?: id.tokenize('/').last()
        resources[id.toLowerCase()] = resource
    }

    Map get(String id) { resources[id.toLowerCase()] }

    @Override void close() {
        List<String> broken = new ArrayList<>(violations)
        violations.clear()
        if (Boolean.getBoolean('siteplan.asr.survey')) {
            java.nio.file.Path log = siteplan.providers.Vcsim.root().resolve('providers/target/asr-contract/survey.log')
            log.toFile() << broken.collect { it + '\n' }.join('')
            broken = []
        }
        server.stop(0)
        (server.executor as java.util.concurrent.ExecutorService).shutdownNow()
        dir.toFile().deleteDir()
        assert broken.isEmpty(): "the Azure peer saw ${broken.size()} violations of ${contract.source}:\n  " + broken.unique().join('\n  ')
    }

    // ------------------------------------------------------------------ HTTP

    private void handle(HttpExchange ex) {
        try {
            String path = ex.requestURI.path.replaceAll('/+$', '')
            String method = ex.requestMethod
            requests << "${method} ${path}".toString()
            authorizations << String.valueOf(ex.requestHeaders.getFirst('Authorization'))
            if (ex.requestHeaders.getFirst('Authorization') != "Bearer ${token}".toString()) {
                reply(ex, 401, [error: [code: 'AuthenticationFailed', message: 'The access token is invalid.']])
                return
            }
            if (throttled.getAndUpdate { it > 0 ? it - 1 : 0 } > 0) {
                ex.responseHeaders.add('Retry-After', '1')
                reply(ex, 429, [error: [code: 'TooManyRequests', message: 'The request is being throttled.']])
                return
            }
            String text = ex.requestBody.text
            Map body = text ? JSON.readValue(text, Map) : null
            current.remove()
            String rawPath = ex.requestURI.rawPath.replaceAll('/+$', '')
            if (AsrContract.isSiteRecovery(rawPath)) {
                String apiVersion = query(ex.requestURI.rawQuery)['api-version']
                List<String> broken = contract.request(method, rawPath, apiVersion, text ? JSON.readTree(text) : null)
                AsrContract.Operation op = contract.operation(method, rawPath)
                if (op != null) {
                    exercised << "${op.id()} ${apiVersion} ${inputType(body)}".toString()
                    current.set(op)
                }
                if (broken) {
                    violations.addAll(broken)
                    if (Boolean.getBoolean('siteplan.asr.survey')) broken = [] // surveying: record, answer as before
                }
                if (broken) {
                    reply(ex, 400, [error: [code: 'InvalidRequestContent', message: broken.join('; ')]])
                    return
                }
            }
            if (path.startsWith('/operations/')) {
                def op = operations[path.substring('/operations/'.length())]
                op ? reply(ex, 200, op.status == 'Failed' ? [status: 'Failed', error: op.error] : [status: op.status]) : notFound(ex, path)
                return
            }
            switch (method) {
                case 'GET' -> onGet(ex, path)
                case 'PUT' -> onPut(ex, path, body)
                case 'POST' -> onPost(ex, path, body)
                case 'DELETE' -> onDelete(ex, path)
                case 'PATCH' -> onPatch(ex, path, body)
                default -> reply(ex, 405, [error: [code: 'MethodNotAllowed', message: method]])
            }
        } catch (Throwable t) {
            reply(ex, 500, [error: [code: 'InternalServerError', message: t.toString()]])
        } finally {
            ex.close()
        }
    }

    /** The provider-specific input type a body names, where it names one (…providerSpecificDetails/Input.instanceType). */
    private static String inputType(Map body) {
        Map p = body?.properties instanceof Map ? body.properties as Map : [:]
        def d = p.providerSpecificDetails ?: p.providerSpecificInput ?: p.fabricSpecificDetails ?: p.customDetails
        d instanceof Map && d.instanceType ? d.instanceType : '-'
    }

    private static Map<String, String> query(String raw) {
        (raw ?: '').tokenize('&').collectEntries { String kv ->
            int at = kv.indexOf('=')
            at < 0 ? [(kv): ''] : [(URLDecoder.decode(kv.substring(0, at), 'UTF-8')): URLDecoder.decode(kv.substring(at + 1), 'UTF-8')]
        }
    }

    private void reply(HttpExchange ex, int status, Object body) {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body)
        AsrContract.Operation op = current.get()
        if (op != null) {
            List<String> broken = contract.response(op, status, body == null ? null : JSON.readTree(bytes))
            if (broken) violations.addAll(broken.collect { 'response ' + it })
        }
        ex.responseHeaders.add('Content-Type', 'application/json; charset=utf-8')
        ex.responseHeaders.add('x-ms-request-id', UUID.randomUUID().toString())
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length)
        if (bytes.length) ex.responseBody.write(bytes)
    }

    private void notFound(HttpExchange ex, String path) {
        reply(ex, 404, [error: [code: 'ResourceNotFound', message: "The resource '${path}' was not found.".toString()]])
    }

    private void onGet(HttpExchange ex, String path) {
        def found = resources[path.toLowerCase()]
        if (found) {
            reply(ex, 200, found)
            return
        }
        List<String> segs = path.toLowerCase().tokenize('/')
        // A collection: an even number of segments after the subscription, ending in a type name.
        if (segs.size() >= 3 && segs.size() % 2 == 1) {
            String type = segs.last()
            String parent = '/' + segs[0..-2].join('/')
            boolean vaultWide = type in VAULT_WIDE && segs[-3] == 'vaults'
            def items = resources.findAll { k, v ->
                List<String> ks = k.tokenize('/')
                vaultWide ? k.startsWith(parent + '/') && ks[-2] == type : ks.size() == segs.size() + 1 && k.startsWith(parent + '/' + type + '/')
            }.values().sort { it.id }
            reply(ex, 200, [value: items])
            return
        }
        notFound(ex, path)
    }

    private void onPut(HttpExchange ex, String path, Map body) {
        Map resource = new LinkedHashMap(body ?: [:])
        resource.type = typeOf(path)
        if (!path.toLowerCase().contains('/providers/microsoft.recoveryservices/vaults/') || !path.toLowerCase().contains('/replication')) {
            put(path, resource)
            reply(ex, 200, get(path))
            return
        }
        // Site Recovery: the write is accepted; the resource appears as the job that makes it runs.
        String scenario = ArmResources.scenarioOfPut(path)
        accepted(ex, path, scenario, path.tokenize('/').last()) {
            put(path, ArmResources.created(this, path, body ?: [:]))
        }
    }

    private void onPost(HttpExchange ex, String path, Map body) {
        List<String> segs = path.tokenize('/')
        String action = segs.last()
        String target = '/' + segs[0..-2].join('/')
        Map item = get(target)
        if (item == null) {
            notFound(ex, target)
            return
        }
        String scenario = action.capitalize()
        accepted(ex, target, scenario, item.properties?.friendlyName ?: item.name) {
            ArmResources.act(this, item, action, body ?: [:])
        }
    }

    /** UpdateReplicationProtectedItem: failover settings land in the item's provider details. */
    private void onPatch(HttpExchange ex, String path, Map body) {
        Map item = get(path)
        if (item == null) {
            notFound(ex, path)
            return
        }
        accepted(ex, path, 'UpdateVmProperties', item.properties?.friendlyName ?: item.name) {
            Map d = item.properties.providerSpecificDetails as Map
            (body?.properties ?: [:]).each { k, v -> d[k] = v }
        }
    }

    private void onDelete(HttpExchange ex, String path) {
        if (!resources.containsKey(path.toLowerCase())) {
            reply(ex, 204, null)
            return
        }
        accepted(ex, path, 'Delete', path.tokenize('/').last()) {
            resources.remove(path.toLowerCase())
        }
    }

    /** 202 with where to poll; the change lands and the job ends when the operation is first polled. */
    private void accepted(HttpExchange ex, String target, String scenario, String name, Closure change) {
        String id = UUID.randomUUID().toString()
        String vault = target.substring(0, target.toLowerCase().indexOf('/providers/microsoft.recoveryservices/vaults/') + '/providers/microsoft.recoveryservices/vaults/'.length()) +
                target.substring(target.toLowerCase().indexOf('/providers/microsoft.recoveryservices/vaults/') + '/providers/microsoft.recoveryservices/vaults/'.length()).tokenize('/')[0]
        String jobName = "job-${jobs.incrementAndGet()}-${scenario}".toString()
        boolean fails = failing.remove("${scenario}:${name}".toString()) || failing.remove(scenario)
        Map job = [type: 'Microsoft.RecoveryServices/vaults/replicationJobs', properties: [activityId: id, scenarioName: scenario, friendlyName: scenario, targetObjectName: name, targetObjectId: target,
                                state: fails ? 'Failed' : 'Succeeded', startTime: java.time.Instant.now().toString(), endTime: java.time.Instant.now().toString(),
                                errors: fails ? [[serviceErrorDetails: [code: 'InternalError', message: "${scenario} of ${name} failed in the test server".toString()]]] : []]]
        if (!fails) change.call()
        put("${vault}/replicationJobs/${jobName}".toString(), job)
        operations[id] = fails ? [status: 'Failed', error: [code: 'InternalError', message: "${scenario} of ${name} failed".toString()]] : [status: 'Succeeded']
        ex.responseHeaders.add('Azure-AsyncOperation', "${endpoint}operations/${id}".toString())
        ex.responseHeaders.add('Location', "${endpoint}operations/${id}".toString())
        ex.responseHeaders.add('Retry-After', '0')
        ex.responseHeaders.add('x-ms-siteplan-job', jobName)
        reply(ex, 202, null)
    }

    /** Microsoft.RecoveryServices/vaults/replicationFabrics/… from the id's type segments. */
    static String typeOf(String path) {
        List<String> segs = path.tokenize('/')
        int providers = segs.indexOf('providers')
        if (providers < 0) return 'Microsoft.Resources/resourceGroups'
        List<String> rest = segs.subList(providers + 1, segs.size())
        ([rest[0]] + (1..<rest.size()).findAll { it % 2 == 1 }.collect { rest[it] }).join('/')
    }
}
