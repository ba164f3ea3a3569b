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
 * ARM ids (case-insensitive), lists with the vault-wide collections Site Recovery offers.
 *
 * <p>It speaks only what Site Recovery's published contract allows ({@link AsrContract}: a request that
 * breaks it is answered 400 with ARM's error shape and recorded in {@link #violations}; every response is
 * checked too) and behaves as /work/notes/asr-decisions.md says Site Recovery does: Azure-assigned names
 * ({@link ArmResources}), writes answered 202 with no body, each leaving a replicationJobs resource that
 * completes after {@link #pollsPerJob} polls and only then changes the resources (the decisions' state table).
 *
 * <p>Long-running operations, by {@link #lroMode}: 'async' (Azure-AsyncOperation + Location + Retry-After) or
 * 'location' (Location + Retry-After). The status and result URLs ({vault}/replicationOperationStatus/{guid},
 * {vault}/operationResults/{job}) are ARM's generic asynchronous-operation protocol, not operations of the
 * Site Recovery contract, so they are served here without the contract check.
 *
 * <p>Faults: {@link #throttle} answers the next requests 429 with Retry-After; {@link #failNext} makes the
 * next job of a scenario (for one VM when named) fail. What happened to each VM: {@link #actions},
 * {@link #item}, {@link #lastBody}, {@link #notes}.
 */
class ArmServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper()
    static final String API_VERSION = '2023-06-01'
    /** Collections Site Recovery lists for the whole vault, whatever fabric or container holds them. */
    static final Set<String> VAULT_WIDE = ['replicationprotecteditems', 'replicationnetworkmappings', 'replicationprotectioncontainers', 'replicationnetworks',
                                           'replicationvcenters', 'replicationstorageclassificationmappings', 'replicationstorageclassifications',
                                           'replicationprotectioncontainermappings', 'replicationmigrationitems'] as Set
    /** The allowedOperations word each item action needs (KnownReplicationProtectedItemOperation). */
    static final Map<String, String> NEEDS = [testFailover: 'TestFailover', testFailoverCleanup: 'TestFailoverCleanup', plannedFailover: 'PlannedFailover',
                                              unplannedFailover: 'UnplannedFailover', failoverCommit: 'Commit', reProtect: 'ReverseReplicate', remove: 'DisableProtection']

    final HttpsServer server
    final String thumbprint
    final String token
    final Map<String, Map> resources = new ConcurrentHashMap<>()
    /** Long-running operations by their status id: the job they run and how often they were polled. */
    final Map<String, Map> operations = new ConcurrentHashMap<>()
    final List<String> requests = new CopyOnWriteArrayList<>()
    /** Every Authorization header received, as sent: what a listener posing as Resource Manager would collect. */
    final List<String> authorizations = new CopyOnWriteArrayList<>()
    final AtomicInteger throttled = new AtomicInteger()
    final Set<String> failing = ConcurrentHashMap.newKeySet()
    /** Machine (friendly name) → the private address its failed-over or test VM's NIC gets; 127.2.0.N unless set. */
    final Map<String, String> testAddresses = new ConcurrentHashMap<>()
    /** VM name → the source network of its first NIC, as the configuration server discovers it (seeded from the definition). */
    final Map<String, String> nicNetworks = new ConcurrentHashMap<>()
    /** Site Recovery's published contract; every Site Recovery request and response is checked against it. */
    final AsrContract contract = AsrContract.get()
    /** What broke the contract, request or response: a spec fails when this is not empty at close. */
    final List<String> violations = new CopyOnWriteArrayList<>()
    /** The contract operations requested, in order (operation id, api-version, provider input type). */
    final List<String> exercised = new CopyOnWriteArrayList<>()
    /** Every recovery plan update (PATCH) received: the plan's name and the body. */
    final List<Map> planUpdates = new CopyOnWriteArrayList<>()

    /** Item actions refused because the item's allowedOperations did not list them (not contract violations: state). */
    final List<String> refused = new CopyOnWriteArrayList<>()
    /** 'async' (Azure-AsyncOperation, the default) or 'location' (Location only). */
    volatile String lroMode = 'async'
    /** A job completes at this poll of its operation (status URL, Location URL or the job itself); 0: at once. */
    volatile int pollsPerJob = 2
    /** The Retry-After every 202 carries: realistic; the provider scales its waits (SITEPLAN_AZURE_TIME_SCALE). */
    volatile int retryAfter = 30
    /** The agent version updateMobilityService installs. */
    volatile String latestAgentVersion = '9.1'
    /** Per machine (friendly name): every action requested on its protected item, with body, job and outcome. */
    private final Map<String, List<Map>> history = new ConcurrentHashMap<>()
    /** Per machine: what the peer made for it (vm, testVm, azureDetails). */
    private final Map<String, Map> made = new ConcurrentHashMap<>()
    private final ThreadLocal<AsrContract.Operation> current = new ThreadLocal<>()
    /** Azure Migrate's discovery sites, which a modernized vault's provider reads: their published contract, checked likewise. */
    final OffAzureContract offAzure = OffAzureContract.get()
    private final ThreadLocal<String> offAzureRequest = new ThreadLocal<>()
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

    /**
     * The next job of this scenario fails; for one machine only when named (its friendly name, or the
     * target's resource name). Scenario: the job's scenarioName (EnableDr, TestFailover, TestFailoverCleanup,
     * PlannedFailover, UnplannedFailover, FailoverCommit, Reprotect, UpdateMobilityService, DisableDr, …) or
     * the action's name (enable, reProtect, …), case-insensitive.
     */
    void failNext(String scenario, String name = null) { failing << (name ? "${scenario}:${name}" : scenario).toString().toLowerCase() }

    void put(String id, Map resource) {
        resource.id = id
        resource.name = resource.name ?: URLDecoder.decode(id.tokenize('/').last(), 'UTF-8')
        resources[id.toLowerCase()] = resource
    }

    Map get(String id) { id == null ? null : resources[id.toLowerCase()] }

    /** The Site Recovery actions requested on this machine's protected item, in order (enable, testFailover, reProtect, update, remove, …). */
    List<String> actions(String friendlyName) { (history[friendlyName] ?: []).collect { it.action as String } }

    /** Every request on this machine's protected item: action, body, job name, state (InProgress, Succeeded, Failed, Refused). */
    List<Map> history(String friendlyName) { new ArrayList<>(history[friendlyName] ?: []) }

    /** This machine's protected item as Site Recovery reports it now; null when none. */
    Map item(String friendlyName) {
        resources.values().find { it.type == ArmResources.TYPE_ITEM && it.properties?.friendlyName == friendlyName }
    }

    /** The body of the last request of this action on this machine's protected item. */
    Map lastBody(String friendlyName, String action) { (history[friendlyName] ?: []).reverse().find { it.action == action }?.body as Map }

    /** What the peer made for this machine: vm / testVm ([id, nic, address]), azureDetails (its InMageAzureV2 details before reprotect). */
    Map notes(String friendlyName) { made.computeIfAbsent(friendlyName) { new ConcurrentHashMap<>() } }

    void note(String friendlyName, String key, Object value) { notes(friendlyName)[key] = value }

    /** The address a machine's Azure VM gets: testAddresses[machine], else the next 127.2.0.N. */
    synchronized String address(String friendlyName) {
        testAddresses.computeIfAbsent(friendlyName) { '127.2.0.' + (testAddresses.size() + 1) }
    }

    /**
     * Where every peer appends what it was asked, for the coverage check (AsrCoverageSpec) and the issue's
     * list of calls: one line per request, "CALLER SiteRecovery OPERATION_ID API_VERSION INPUT_TYPE LRO_MODE BUILD" or
     * "CALLER Other METHOD /providers/TYPE… API_VERSION BUILD" for Resource Manager calls outside Site Recovery.
     */
    static java.nio.file.Path exercisedLog() {
        siteplan.providers.Vcsim.root().resolve('providers/target/asr-contract/exercised.log')
    }

    /** Who sends this peer its requests: 'provider' (siteplan), or a spec that drives the peer by hand (its calls are not siteplan's). */
    String caller = 'provider'

    /** Non-Site-Recovery calls: method, the resource type path (names elided), api-version. */
    final List<String> others = new CopyOnWriteArrayList<>()

    @Override void close() {
        java.nio.file.Files.createDirectories(exercisedLog().parent)
        synchronized (ArmServer) {
            // Tagged with this Maven run's id (siteplan.build), so the coverage check reads this build's calls only.
            String build = System.getProperty('siteplan.build', 'local')
            exercisedLog().toFile() << (exercised.collect { 'SiteRecovery ' + it } + others.collect { 'Other ' + it }).collect { caller + ' ' + it + ' ' + build + '\n' }.join('')
        }
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
            current.remove()
            offAzureRequest.remove()
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
            String rawPath = ex.requestURI.rawPath.replaceAll('/+$', '')
            // ARM's generic asynchronous-operation protocol: not Site Recovery contract operations.
            List<String> segs = path.tokenize('/')
            if (method == 'GET' && segs.size() >= 2 && ArmResources.vaultOf(path) != null) {
                if (segs[-2].equalsIgnoreCase('replicationOperationStatus')) { operationStatus(ex, segs[-1]); return }
                if (segs[-2].equalsIgnoreCase('operationResults')) { operationResult(ex, segs[-1]); return }
            }
            Map body
            try {
                body = text ? JSON.readValue(text, Map) : null
            } catch (Exception e) {
                reply(ex, 400, [error: [code: 'InvalidRequestContent', message: "The request content was invalid and could not be deserialized: ${e.message}".toString()]])
                return
            }
            if (!AsrContract.isSiteRecovery(rawPath) && !path.contains('/operationResults/') && !path.contains('/replicationOperationStatus/')) {
                others << "${method} ${typePath(path)} ${query(ex.requestURI.rawQuery)['api-version']}".toString()
            }
            if (OffAzureContract.isOffAzure(rawPath)) {
                List<String> broken = offAzure.request(method, path, query(ex.requestURI.rawQuery)['api-version'])
                if (broken) {
                    violations.addAll(broken.collect { it + ' (' + offAzure.source + ')' })
                    reply(ex, 400, [error: [code: 'InvalidRequest', message: broken.join('; ')]])
                    return
                }
                offAzureRequest.set("${method} ${path}".toString())
            }
            if (AsrContract.isSiteRecovery(rawPath)) {
                String apiVersion = query(ex.requestURI.rawQuery)['api-version']
                List<String> broken = contract.request(method, rawPath, apiVersion, text ? JSON.readTree(text) : null)
                AsrContract.Operation op = contract.operation(method, rawPath)
                if (op != null) {
                    exercised << "${op.id()} ${apiVersion} ${inputType(body)} ${lroMode}".toString()
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
            boolean sr = current.get() != null
            switch (method) {
                case 'GET' -> onGet(ex, path)
                case 'PUT' -> sr ? srPut(ex, path, body) : plainPut(ex, path, body)
                case 'POST' -> sr ? srPost(ex, path, body) : notFound(ex, path)
                case 'DELETE' -> sr ? srDelete(ex, path) : plainDelete(ex, path)
                case 'PATCH' -> sr ? srPatch(ex, path, body) : notFound(ex, path)
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
        def d = p.providerSpecificDetails ?: p.providerSpecificInput ?: p.replicationProviderSettings ?: p.fabricSpecificDetails ?: p.customDetails
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
        String off = offAzureRequest.get()
        if (off != null && status == 200 && body instanceof Map) {
            List<String> broken = offAzure.response(off.substring(0, off.indexOf(' ')), off.substring(off.indexOf(' ') + 1), JSON.readValue(bytes, Map))
            if (broken) violations.addAll(broken.collect { 'response ' + it + ' (' + offAzure.source + ')' })
        }
        AsrContract.Operation op = current.get()
        if (op != null) {
            List<String> broken = contract.response(op, status, body == null ? null : JSON.readTree(bytes))
            if (broken) violations.addAll(broken.collect { 'response ' + it })
        }
        if (bytes.length) ex.responseHeaders.add('Content-Type', 'application/json; charset=utf-8')
        ex.responseHeaders.add('x-ms-request-id', UUID.randomUUID().toString())
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length)
        if (bytes.length) ex.responseBody.write(bytes)
    }

    private void error(HttpExchange ex, int status, String code, String message) {
        reply(ex, status, [error: [code: code, message: message]])
    }

    private void notFound(HttpExchange ex, String path) {
        error(ex, 404, 'ResourceNotFound', "The resource '${path}' was not found.".toString())
    }

    private void onGet(HttpExchange ex, String path) {
        def found = resources[path.toLowerCase()]
        if (found) {
            if (found.type == 'Microsoft.RecoveryServices/vaults/replicationJobs') pollJob(found.name as String)
            reply(ex, 200, resources[path.toLowerCase()])
            return
        }
        if (path.toLowerCase().endsWith('/recoverypoints') && resources[path.toLowerCase() - '/recoverypoints']) {
            reply(ex, 200, [value: recoveryPoints(resources[path.toLowerCase() - '/recoverypoints'] as Map)])
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
            }.values().sort { it.id }.collect { it.type == ArmResources.TYPE_ITEM ? RcmResources.listed(it as Map) : it }
            reply(ex, 200, [value: items])
            return
        }
        notFound(ex, path)
    }

    /**
     * A protected item's recovery points as Site Recovery keeps them: a crash-consistent one every few minutes
     * (the latest as old as the item's RPO) and an application-consistent one each hour, for the last four hours.
     */
    final java.time.Instant startedAt = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)

    List<Map> recoveryPoints(Map item) {
        java.time.Instant now = startedAt
        long rpo = (item.properties?.providerSpecificDetails?.rpoInSeconds ?: 90) as long
        List<Map> out = []
        (0..3).each { int h ->
            [[now.minusSeconds(rpo + h * 3600L), 'CrashConsistent'], [now.minusSeconds(1800L + h * 3600L), 'AppConsistent']].each { pair ->
                String name = UUID.nameUUIDFromBytes("${item.id}/${pair[0]}/${pair[1]}".toString().bytes).toString()
                out << [id: "${item.id}/recoveryPoints/${name}".toString(), name: name,
                        type: 'Microsoft.RecoveryServices/vaults/replicationFabrics/replicationProtectionContainers/replicationProtectedItems/recoveryPoints',
                        properties: [recoveryPointTime: pair[0].toString(), recoveryPointType: pair[1]]]
            }
        }
        out
    }

    /** Outside Site Recovery (resource groups, networks, VMs): the resource is there at once. */
    private void plainPut(HttpExchange ex, String path, Map body) {
        // Storage account names are unique across all of Azure: a name another resource group holds is refused (Microsoft.Storage's 409).
        if (path.toLowerCase().contains('/providers/microsoft.storage/storageaccounts/')) {
            String name = path.tokenize('/')[-1].toLowerCase()
            String taken = resources.keySet().find { it.endsWith('/providers/microsoft.storage/storageaccounts/' + name) && it != path.toLowerCase() }
            if (taken) {
                // Microsoft.Storage's two answers: the name is in another resource group of this subscription, or someone else's.
                String subscription = path.toLowerCase().tokenize('/')[1]
                if (taken.tokenize('/')[1] == subscription) error(ex, 409, 'StorageAccountInAnotherResourceGroup', "The account ${name} is already in another resource group in this subscription.".toString())
                else error(ex, 409, 'StorageAccountAlreadyTaken', "The storage account named ${name} is already taken.".toString())
                return
            }
        }
        Map resource = new LinkedHashMap(body ?: [:])
        resource.type = typeOf(path)
        put(path, resource)
        reply(ex, 200, get(path))
    }

    private void plainDelete(HttpExchange ex, String path) {
        reply(ex, resources.remove(path.toLowerCase()) ? 200 : 204, null)
    }

    // ------------------------------------------------------------------ Site Recovery writes

    private void srPut(HttpExchange ex, String path, Map body) {
        String type = path.tokenize('/')[-2].toLowerCase()
        if (type == 'replicationprotecteditems') {
            Map in = (body?.properties ?: [:]) as Map
            Map rcm = in.providerSpecificDetails?.instanceType == 'InMageRcm' ? in.providerSpecificDetails as Map : null
            // A modernized machine is named by what its appliance discovered (fabricDiscoveryMachineId), never by a protectable item.
            Map protectable = get((rcm ? rcm.fabricDiscoveryMachineId : in.protectableItemId) as String)
            if (protectable == null) {
                error(ex, 400, rcm ? 'DiscoveredMachineNotFound' : 'ProtectableItemNotFound', "The ${rcm ? 'discovered machine' : 'protectable item'} '${rcm ? rcm.fabricDiscoveryMachineId : in.protectableItemId}' was not found.".toString())
                return
            }
            String refusal = rcm ? rcmEnableRefusal(path, in, rcm) : null
            if (refusal) {
                error(ex, 400, 'InvalidEnableProtectionInput', refusal)
                return
            }
            String vm = protectable.properties.friendlyName ?: protectable.properties.displayName
            Map record = record(vm, 'enable', body, path)
            if (get(path) != null) { // nothing to do: already protected under this name
                record.state = 'Succeeded'
                reply(ex, 200, get(path))
                return
            }
            accepted(ex, path, 'EnableDr', 'enable', [vm, path.tokenize('/').last()], record) {
                put(path, ArmResources.enabled(this, path, body ?: [:], protectable))
                if (!rcm) {
                    protectable.properties.protectionStatus = 'Protected'
                    protectable.properties.replicationProtectedItemId = path
                }
                null
            }
            return
        }
        String name = URLDecoder.decode(path.tokenize('/').last(), 'UTF-8')
        accepted(ex, path, ArmResources.scenarioOf(type, 'create'), 'create', [name], null) {
            Map made = ArmResources.created(this, path, body ?: [:])
            Map before = get(path)
            if (before?.properties?.currentScenario) made.properties.currentScenario = before.properties.currentScenario
            put(path, made)
            null
        }
    }

    /**
     * What Site Recovery refuses in an InMageRcm enable before starting a job: a process server not of the item's fabric, a policy that
     * is not a modernized one associated with its container, a log storage account or resource group that does not exist.
     */
    private String rcmEnableRefusal(String path, Map in, Map rcm) {
        String containerId = path.substring(0, path.toLowerCase().indexOf('/replicationprotecteditems/'))
        Map fabric = get(containerId.substring(0, containerId.toLowerCase().indexOf('/replicationprotectioncontainers/')))
        if (fabric?.properties?.customDetails?.instanceType != 'InMageRcm') return 'The fabric is not a modernized (InMageRcm) fabric.'
        if (!fabric.properties.customDetails.processServers?.any { it.id == rcm.processServerId }) return "processServerId '${rcm.processServerId}' is no process server of the fabric.".toString()
        Map policy = get(in.policyId as String)
        if (policy?.properties?.providerSpecificDetails?.instanceType != 'InMageRcm') return "policyId '${in.policyId}' is not an InMageRcm policy.".toString()
        boolean mapped = resources.values().any { it.id?.toLowerCase()?.startsWith(containerId.toLowerCase() + '/replicationprotectioncontainermappings/') &&
                (it.properties?.policyId as String)?.equalsIgnoreCase(in.policyId as String) }
        if (!mapped) return "policy '${policy.properties.friendlyName}' is not associated with the container.".toString()
        String log = (rcm.disksDefault?.logStorageAccountId ?: rcm.disksToInclude?.find()?.logStorageAccountId) as String
        if (get(log) == null) return "logStorageAccountId '${log}' does not exist.".toString()
        if (rcm.runAsAccountId && get(rcm.runAsAccountId as String) == null) return "runAsAccountId '${rcm.runAsAccountId}' is not a run-as account of the discovery site.".toString()
        if (rcm.targetNetworkId && get(rcm.targetNetworkId as String) == null) return "targetNetworkId '${rcm.targetNetworkId}' does not exist.".toString()
        null
    }

    private void srPost(HttpExchange ex, String path, Map body) {
        List<String> segs = path.tokenize('/')
        // The action's name as the contract spells it (reProtect, failoverCommit, …), whatever case was sent.
        String action = current.get().path().tokenize('/').last()
        String target = '/' + segs[0..-2].join('/')
        Map item = get(target)
        if (item == null) {
            notFound(ex, target)
            return
        }
        if (item.type != ArmResources.TYPE_ITEM) {
            // Other Site Recovery actions (recovery plans, fabrics, …): accepted, nothing modelled changes.
            accepted(ex, target, action.capitalize(), action, [item.name as String], null) { null }
            return
        }
        String vm = item.properties.friendlyName
        Map record = record(vm, action, body, target)
        String needs = NEEDS[action]
        List allowed = (item.properties.allowedOperations ?: []) as List
        if (needs && !(needs in allowed)) {
            record.state = 'Refused'
            refused << "${action} ${vm}: allowedOperations ${allowed}".toString()
            error(ex, 400, 'OperationNotAllowed', "The operation ${needs} is not allowed for '${vm}' in its current state ${item.properties.protectionState}; allowed: ${allowed.join(', ')}.".toString())
            return
        }
        // The classic VMware providers replicate one way each: their item failovers go PrimaryToRecovery and their reprotects
        // RecoveryToPrimary (azure-powershell's Site Recovery cmdlets accept no other direction for them).
        String provider = item.properties.providerSpecificDetails?.instanceType
        String direction = (body?.properties as Map)?.failoverDirection
        String wanted = provider in ['InMageAzureV2', 'InMage', 'InMageRcm'] ? (action.equalsIgnoreCase('reProtect') ? 'RecoveryToPrimary'
                : action in ['plannedFailover', 'unplannedFailover', 'testFailover'] ? 'PrimaryToRecovery' : null)
                // A modernized machine failed back replicates to Azure again; its planned failover back names no direction.
                : provider == 'InMageRcmFailback' ? (action.equalsIgnoreCase('reProtect') ? 'PrimaryToRecovery' : action == 'plannedFailover' ? 'RecoveryToPrimary' : null) : null
        if (wanted && direction && direction != wanted) {
            record.state = 'Refused'
            refused << "${action} ${vm}: failoverDirection ${direction}".toString()
            error(ex, 400, 'InvalidFailoverDirection', "The failover direction ${direction} is not valid for '${vm}' replicated by ${provider}; use ${wanted}.".toString())
            return
        }
        // An item of a named replication group (multi-VM consistency) fails over, test-fails over and commits only with
        // its group, through a recovery plan: azure-powershell refuses the item-level calls for it (its
        // UnsupportedReplicationProtectionActionFor… messages), since the group shares its recovery points.
        Map details = item.properties.providerSpecificDetails as Map
        boolean grouped = provider in ['InMageAzureV2', 'InMage'] && details?.multiVmGroupName && !(details.multiVmGroupName as String).equalsIgnoreCase(details.multiVmGroupId as String)
        if (grouped && action in ['unplannedFailover', 'testFailover', 'failoverCommit']) {
            record.state = 'Refused'
            refused << "${action} ${vm}: replication group ${details.multiVmGroupName}".toString()
            error(ex, 400, 'OperationNotAllowed', "'${vm}' is in replication group ${details.multiVmGroupName}: ${action} runs for the group, through a recovery plan.".toString())
            return
        }
        accepted(ex, target, ArmResources.scenarioOf(null, action), action, [vm, item.name as String], record) {
            ArmResources.act(this, get(target) ?: item, action, body ?: [:])
        }
    }

    /** UpdateReplicationProtectedItem: failover settings land in the item's provider details. */
    private void srPatch(HttpExchange ex, String path, Map body) {
        Map item = get(path)
        if (item == null) {
            notFound(ex, path)
            return
        }
        String vm = item.properties?.friendlyName ?: item.name
        Map record = item.type == ArmResources.TYPE_ITEM ? record(vm, 'update', body, path) : null
        boolean plan = item.type == 'Microsoft.RecoveryServices/vaults/replicationRecoveryPlans'
        if (plan) planUpdates << [name: item.name, body: body]
        if (item.type == 'Microsoft.RecoveryServices/vaults/replicationPolicies') {
            // UpdatePolicyInput: the provider's settings replace the policy's (only what its details model has), of the same provider only.
            Map in = new LinkedHashMap((body?.properties?.replicationProviderSettings ?: [:]) as Map)
            if (in.instanceType != item.properties?.providerSpecificDetails?.instanceType) {
                error(ex, 400, 'InvalidPolicyUpdate', "Policy '${item.name}' is ${item.properties?.providerSpecificDetails?.instanceType}, not ${in.instanceType}.".toString())
                return
            }
            accepted(ex, path, 'UpdateProtectionProfile', 'update', [item.name as String], null) {
                String model = ArmResources.modelOf(this, 'PolicyProviderSpecificDetails', in.instanceType as String)
                item.properties.providerSpecificDetails = [instanceType: in.instanceType] + (model ? ArmResources.only(this, in, model) : [:])
                null
            }
            return
        }
        if (item.type?.endsWith('/replicationProtectionContainerMappings')) {
            // UpdateProtectionContainerMappingInput: a modernized mapping's agent auto-upgrade; only an InMageRcm policy's mapping has one.
            Map in = (body?.properties?.providerSpecificInput ?: [:]) as Map
            if (in.instanceType == 'InMageRcm' && item.properties?.providerSpecificDetails?.instanceType != 'InMageRcm') {
                error(ex, 400, 'InvalidContainerMappingUpdate', "Mapping '${item.name}' is not of an InMageRcm policy.".toString())
                return
            }
            accepted(ex, path, 'UpdateProtectionContainerMapping', 'update', [item.name as String], null) {
                if (in.instanceType == 'InMageRcm') item.properties.providerSpecificDetails = [instanceType: 'InMageRcm', enableAgentAutoUpgrade: in.enableAgentAutoUpgrade]
                null
            }
            return
        }
        accepted(ex, path, plan ? 'UpdateRecoveryPlan' : 'UpdateVmProperties', 'update', [vm, item.name as String], record) {
            if (item.type == ArmResources.TYPE_ITEM) ArmResources.updated(this, item, body ?: [:])
            // UpdateRecoveryPlanInput's groups replace the plan's groups, Site Recovery's Shutdown and Failover groups included.
            if (plan && body?.properties?.groups != null) {
                item.properties.groups = (body.properties.groups as List<Map>).collect { g -> [groupType: g.groupType, replicationProtectedItems: g.replicationProtectedItems ?: [],
                                                                                              startGroupActions: g.startGroupActions ?: [], endGroupActions: g.endGroupActions ?: []] }
            }
            null
        }
    }

    private void srDelete(HttpExchange ex, String path) {
        Map found = get(path)
        AsrContract.Operation op = current.get()
        if (found == null) {
            String status = op.responses().containsKey('204') ? '204' : op.responses().containsKey('200') ? '200' : op.responses().keySet().first()
            reply(ex, Integer.parseInt(status), null)
            return
        }
        boolean item = found.type == ArmResources.TYPE_ITEM
        String vm = item ? found.properties.friendlyName : found.name
        Map record = item ? record(vm, 'purge', null, path) : null
        accepted(ex, path, item ? 'PurgeProtection' : 'Delete', item ? 'purge' : 'delete', [vm, found.name as String], record) {
            resources.remove(path.toLowerCase())
            if (item) {
                Map protectable = get(found.properties.protectableItemId as String)
                if (protectable) { protectable.properties.protectionStatus = 'Unprotected'; protectable.properties.remove('replicationProtectedItemId') }
            }
            null
        }
    }

    private Map record(String vm, String action, Map body, String target) {
        Map r = new ConcurrentHashMap([action: action, target: target, state: 'InProgress'])
        if (body != null) r.body = body
        history.computeIfAbsent(vm) { new CopyOnWriteArrayList<>() } << r
        r
    }

    private boolean failureWanted(String scenario, String action, List<String> names) {
        for (String word : [scenario, action]*.toLowerCase().unique()) {
            for (String n : names.findAll()) if (failing.remove("${word}:${n.toLowerCase()}".toString())) return true
        }
        [scenario, action]*.toLowerCase().unique().any { failing.remove(it) }
    }

    /**
     * 202 with no body and where to poll (by {@link #lroMode}); a replicationJobs resource InProgress. The change
     * runs when the job completes (its {@link #pollsPerJob}th poll); a change returning a message fails the job.
     */
    private void accepted(HttpExchange ex, String target, String scenario, String action, List<String> names, Map record, Closure<String> change) {
        String vaultId = ArmResources.vaultOf(target)
        String opId = UUID.randomUUID().toString()
        String jobName = UUID.randomUUID().toString()
        String jobId = "${vaultId}/replicationJobs/${jobName}".toString()
        String start = ArmResources.now()
        String friendly = names.find() ?: target.tokenize('/').last()
        Map job = [type: 'Microsoft.RecoveryServices/vaults/replicationJobs', properties: [activityId: opId, scenarioName: scenario, friendlyName: scenario,
                   state: 'InProgress', stateDescription: 'InProgress', startTime: start, targetObjectId: target, targetObjectName: friendly,
                   targetInstanceType: typeOf(target).tokenize('/').last(), allowedActions: ['Cancel'], tasks: [], errors: [],
                   customDetails: [instanceType: 'AsrJobDetails', affectedObjectDetails: [:]]]]
        put(jobId, job)
        Map item = get(target)
        if (item?.type == ArmResources.TYPE_ITEM) item.properties.currentScenario = [scenarioName: scenario, jobId: jobId, startTime: start]
        Map op = new ConcurrentHashMap([id: opId, vault: vaultId, jobName: jobName, jobId: jobId, target: target, scenario: scenario, friendly: friendly, polls: 0, status: 'InProgress',
                                        fails: failureWanted(scenario, action, names), change: change, startTime: start])
        if (record != null) { op.record = record; record.job = jobName }
        operations[opId] = op
        String base = endpoint + vaultId.substring(1)
        if (lroMode == 'async') ex.responseHeaders.add('Azure-AsyncOperation', "${base}/replicationOperationStatus/${opId}?api-version=${API_VERSION}".toString())
        ex.responseHeaders.add('Location', "${base}/operationResults/${jobName}?api-version=${API_VERSION}".toString())
        ex.responseHeaders.add('Retry-After', String.valueOf(retryAfter))
        if (pollsPerJob <= 0) complete(op)
        reply(ex, 202, null)
    }

    /** One poll of an operation; it completes at the pollsPerJob-th. */
    private synchronized Map poll(Map op) {
        if (op.status == 'InProgress') {
            op.polls = (op.polls as int) + 1
            if ((op.polls as int) >= pollsPerJob) complete(op)
        }
        op
    }

    private void pollJob(String jobName) {
        Map op = operations.values().find { it.jobName == jobName }
        if (op) poll(op)
    }

    private synchronized void complete(Map op) {
        if (op.status != 'InProgress') return
        String error = op.fails ? "${op.scenario} of ${op.friendly} failed in the test peer (failNext)".toString() : null
        if (error == null) {
            try {
                error = (op.change as Closure<String>).call()
            } catch (Throwable t) {
                error = t.toString()
            }
        }
        String end = ArmResources.now()
        Map job = get(op.jobId as String)
        Map item = get(op.target as String)
        if (item?.type == ArmResources.TYPE_ITEM) item.properties.currentScenario = ArmResources.idleScenario(op.vault as String)
        job.properties.endTime = end
        job.properties.allowedActions = error ? ['Restart'] : []
        if (error) {
            op.status = 'Failed'
            op.error = [code: 'InternalError', message: error]
            job.properties.state = 'Failed'
            job.properties.stateDescription = 'Failed'
            job.properties.errors = [[serviceErrorDetails: [code: 'InternalError', message: error, activityId: op.id], errorLevel: 'Error', creationTime: end]]
        } else {
            op.status = 'Succeeded'
            job.properties.state = 'Succeeded'
            job.properties.stateDescription = 'Completed'
        }
        op.endTime = end
        if (op.record) op.record.state = op.status
    }

    /** GET Azure-AsyncOperation: 200 {id, name, status, startTime, endTime?, error?} (ARM's generic operation status). */
    private void operationStatus(HttpExchange ex, String id) {
        Map op = operations[id]
        if (op == null) { notFound(ex, id); return }
        poll(op)
        Map status = [id: "${op.vault}/replicationOperationStatus/${op.id}".toString(), name: op.id, status: op.status, startTime: op.startTime]
        if (op.endTime) status.endTime = op.endTime
        if (op.error) status.error = op.error
        if (op.status == 'InProgress') ex.responseHeaders.add('Retry-After', String.valueOf(retryAfter))
        reply(ex, 200, status)
    }

    /** GET Location: 202 (+Retry-After) while the job runs; 200 with the job when it is done (failed or not). */
    private void operationResult(HttpExchange ex, String jobName) {
        Map op = operations.values().find { it.jobName.equalsIgnoreCase(jobName) }
        if (op == null) { notFound(ex, jobName); return }
        poll(op)
        if (op.status == 'InProgress') {
            ex.responseHeaders.add('Location', "${endpoint}${(op.vault as String).substring(1)}/operationResults/${op.jobName}?api-version=${API_VERSION}".toString())
            ex.responseHeaders.add('Retry-After', String.valueOf(retryAfter))
            reply(ex, 202, null)
        } else {
            reply(ex, 200, get(op.jobId as String))
        }
    }

    /** /subscriptions/{}/resourceGroups/{}/providers/Microsoft.Network/virtualNetworks/{}: the path with its names elided. */
    static String typePath(String path) {
        List<String> segs = path.tokenize('/')
        int providers = segs.findIndexOf { it.equalsIgnoreCase('providers') }
        List<String> out = []
        segs.eachWithIndex { String s, int i ->
            boolean name = providers < 0 ? i % 2 == 1 : (i < providers ? i % 2 == 1 : (i > providers + 1 && (i - providers) % 2 == 0))
            out << (name ? '{}' : s)
        }
        '/' + out.join('/')
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
