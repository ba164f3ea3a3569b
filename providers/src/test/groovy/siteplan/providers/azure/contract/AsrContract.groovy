package siteplan.providers.azure.contract

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Path
import java.time.OffsetDateTime
import java.time.format.DateTimeParseException
import siteplan.providers.Vcsim

/**
 * Site Recovery's published REST contract, as the AutoRest SDK @azure/arm-recoveryservices-siterecovery
 * carries it (built by providers/asr-contract/build.sh, which fetches the package from npm and reads
 * its mappers and operation specs): every operation's method, path and api-version, every model's
 * serialized names, types, required and read-only fields, every polymorphic discriminator.
 *
 * <p>{@link #request} and {@link #response} say what a request or a response breaks of it, as
 * violations a person can read ("PlannedFailoverInput.properties.providerSpecificDetails.instanceType:
 * 'InMageAzureV2' is not one of …"). Nothing here was written from the provider's point of view: the
 * rules are the contract's, applied the same way to every operation.
 */
class AsrContract {
    static final ObjectMapper JSON = new ObjectMapper()
    private static AsrContract loaded

    final JsonNode contract
    final List<Operation> operations
    final String source

    private AsrContract(JsonNode contract) {
        this.contract = contract
        this.source = contract.path('source').asText()
        this.operations = contract.path('operations').collect { JsonNode o ->
            new Operation(o.path('id').asText(), o.path('method').asText(), o.path('path').asText(), o.path('apiVersion').asText(null),
                    o.path('request').isObject() ? o.path('request').path('model').asText() : null,
                    o.path('responses').fields().collectEntries { [(it.key): it.value.isNull() ? null : it.value.asText()] },
                    o.path('longRunning').asBoolean(), o.path('finalStateVia').asText(null))
        }
    }

    /** The contract, built (or reused) by the project's script: npm, pinned version and integrity. */
    static synchronized AsrContract get() {
        if (loaded == null) {
            def build = new ProcessBuilder('bash', Vcsim.root().resolve('providers/asr-contract/build.sh').toString()).start()
            String out = build.inputStream.text.trim()
            String err = build.errorStream.text
            assert build.waitFor() == 0: 'building the Site Recovery contract failed:\n' + err
            loaded = new AsrContract(JSON.readTree(Path.of(out.readLines().last()).toFile()))
        }
        loaded
    }

    /** One operation of the contract. */
    static record Operation(String id, String method, String path, String apiVersion, String request, Map<String, String> responses,
                            boolean longRunning, String finalStateVia) {
        /** Whether this operation's path template matches a request's (raw) path; literal segments compare case-insensitively, as ARM does. */
        boolean matches(String verb, String rawPath) {
            if (!method.equalsIgnoreCase(verb)) return false
            List<String> t = path.tokenize('/'), p = rawPath.tokenize('/')
            if (t.size() != p.size()) return false
            for (int i = 0; i < t.size(); i++) {
                String ts = t[i]
                if (ts.startsWith('{') && ts.endsWith('}')) {
                    if (p[i].isEmpty() || !validSegment(p[i])) return false
                } else if (!ts.equalsIgnoreCase(p[i])) {
                    return false
                }
            }
            true
        }

        /** The values of the template's {parameters} in a matching path, URL-decoded. */
        Map<String, String> parameters(String rawPath) {
            List<String> t = path.tokenize('/'), p = rawPath.tokenize('/')
            Map<String, String> out = [:]
            t.eachWithIndex { String s, int i -> if (s.startsWith('{')) out[s[1..-2]] = URLDecoder.decode(p[i], 'UTF-8') }
            out
        }

        private static boolean validSegment(String s) {
            // What a URL path segment may hold unencoded (RFC 3986 pchar), and well-formed %XX escapes.
            s ==~ /([A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})+/
        }
    }

    /** Site Recovery's operations only: paths under a vault's replication… collections, and the vault's own children of Site Recovery. */
    static boolean isSiteRecovery(String rawPath) {
        String p = rawPath.toLowerCase(Locale.ROOT)
        int at = p.indexOf('/providers/microsoft.recoveryservices/vaults/')
        if (at < 0) return false
        List<String> rest = p.substring(at + '/providers/microsoft.recoveryservices/vaults/'.length()).tokenize('/')
        rest.size() >= 2 && (rest[1].startsWith('replication') || rest[1] in ['replicationjobs'])
    }

    Operation operation(String method, String rawPath) {
        operations.find { it.matches(method, rawPath) }
    }

    /** What a request breaks of the contract: no operation, wrong api-version, a body that does not fit the operation's input. */
    List<String> request(String method, String rawPath, String apiVersion, JsonNode body) {
        Operation op = operation(method, rawPath)
        if (op == null) return ["${method} ${rawPath}: no operation of ${source} has this method and path".toString()]
        List<String> v = []
        if (apiVersion != op.apiVersion()) v << "${op.id()}: api-version ${apiVersion == null ? '(none)' : "'" + apiVersion + "'"} is not the declared ${op.apiVersion()}".toString()
        boolean empty = body == null || body.isNull() || body.isMissingNode()
        if (op.request() == null) {
            if (!empty) v << "${op.id()}: takes no request body, but one was sent".toString()
        } else if (!empty) {
            value(body, [name: 'Composite', className: op.request()], op.request(), true, v)
        }
        v
    }

    /** What a response breaks: a status the operation does not declare, a body that does not fit its model (no field Azure never sends). */
    List<String> response(Operation op, int status, JsonNode body) {
        List<String> v = []
        boolean empty = body == null || body.isNull() || body.isMissingNode()
        if (status >= 400) {
            if (empty || !body.path('error').isObject() || !body.path('error').path('code').isTextual() || !body.path('error').path('message').isTextual()) {
                v << "${op.id()}: an error response (HTTP ${status}) without ARM's error shape {error: {code, message}}".toString()
            }
            return v
        }
        if (!op.responses().containsKey(String.valueOf(status))) {
            v << "${op.id()}: HTTP ${status} is not a declared response (declared: ${op.responses().keySet().join(', ')})".toString()
            return v
        }
        String model = op.responses()[String.valueOf(status)]
        if (model != null && !empty) value(body, [name: 'Composite', className: model], model, false, v)
        if (model == null && !empty) v << "${op.id()}: HTTP ${status} has no body in the contract, but one was served".toString()
        v
    }

    /** Checks one value against a type of the contract; a request refuses read-only fields and needs required ones. */
    void value(JsonNode node, Map type, String at, boolean request, List<String> v) {
        if (node == null || node.isNull()) return
        switch (type.name) {
            case 'String':
            case 'Uuid':
            case 'ByteArray':
            case 'Base64Url':
                if (!node.isTextual()) v << "${at}: ${describe(node)} where the contract has a string".toString()
                else if (type.allowedValues && !(node.asText() in type.allowedValues)) v << "${at}: '${node.asText()}' is not one of ${type.allowedValues}".toString()
                break
            case 'Enum':
                if (!node.isTextual() || !(node.asText() in type.allowedValues)) v << "${at}: ${describe(node)} is not one of ${type.allowedValues}".toString()
                break
            case 'Number':
                if (!node.isNumber()) v << "${at}: ${describe(node)} where the contract has a number".toString()
                break
            case 'Boolean':
                if (!node.isBoolean()) v << "${at}: ${describe(node)} where the contract has a boolean".toString()
                break
            case 'DateTime':
            case 'DateTimeRfc1123':
            case 'Date':
                if (!node.isTextual()) v << "${at}: ${describe(node)} where the contract has a date-time".toString()
                else if (type.name == 'DateTime') {
                    try { OffsetDateTime.parse(node.asText()) } catch (DateTimeParseException ignored) { v << "${at}: '${node.asText()}' is not an ISO 8601 date-time".toString() }
                }
                break
            case 'Sequence':
                if (!node.isArray()) { v << "${at}: ${describe(node)} where the contract has an array".toString(); break }
                node.eachWithIndex { JsonNode e, int i -> value(e, elementType(type.element), "${at}[${i}]".toString(), request, v) }
                break
            case 'Dictionary':
                if (!node.isObject()) { v << "${at}: ${describe(node)} where the contract has an object".toString(); break }
                node.fields().each { e -> value(e.value, elementType(type.value), "${at}.${e.key}".toString(), request, v) }
                break
            case 'Composite':
                composite(node, type.className as String, at, request, v)
                break
            case 'any':
            case 'Object':
                break
            default:
                v << "${at}: the contract's type ${type.name} is not understood by this checker".toString()
        }
    }

    private static Map elementType(Object prop) {
        Map p = prop instanceof JsonNode ? JSON.convertValue(prop, Map) : prop as Map
        p.type as Map
    }

    private void composite(JsonNode node, String className, String at, boolean request, List<String> v) {
        if (!node.isObject()) { v << "${at}: ${describe(node)} where the contract has an object (${className})".toString(); return }
        JsonNode model = contract.path('models').path(className)
        if (model.isMissingNode()) { v << "${at}: the contract has no model ${className}".toString(); return }
        if (model.has('discriminatorProperty')) {
            String prop = model.path('discriminatorProperty').asText()
            JsonNode d = node.get(prop)
            if (d == null || !d.isTextual()) {
                v << "${at}.${prop}: missing; ${className} is polymorphic and needs one of ${subtypes(className)}".toString()
                return
            }
            // The swagger's allOf tree: a value names the declared model or one of its descendants, at any depth.
            boolean root = model.path('uberParent').asText() == className
            String concrete = model.path('discriminatorValue').asText(null) == d.asText() || (root && d.asText() == className) ? className
                    : descendants(className).find { contract.path('models').path(it).path('discriminatorValue').asText(null) == d.asText() }
            if (concrete == null) {
                v << "${at}.${prop}: '${d.asText()}' is not one of ${subtypes(className)}".toString()
                return
            }
            if (concrete != className) {
                composite(node, concrete, at, request, v)
                return
            }
        }
        JsonNode props = model.path('properties')
        node.fields().each { e ->
            JsonNode p = props.get(e.key)
            if (p == null) {
                if (!model.path('additionalProperties').asBoolean()) v << "${at}.${e.key}: no such field in ${className}".toString()
                return
            }
            if (request && p.path('readOnly').asBoolean()) v << "${at}.${e.key}: read-only in ${className}; a request cannot set it".toString()
            value(e.value, JSON.convertValue(p.path('type'), Map), "${at}.${e.key}".toString(), request, v)
        }
        props.fields().each { e ->
            if (e.value.path('required').asBoolean() && !e.value.path('readOnly').asBoolean() && (!node.has(e.key) || node.get(e.key).isNull())) {
                v << "${at}.${e.key}: required by ${className}, missing".toString()
            }
        }
    }

    /** The models that inherit from this one, at any depth (through each model's parent, uberParent). */
    List<String> descendants(String className) {
        List<String> out = []
        contract.path('models').fields().each { e ->
            String c = e.key
            Set<String> seen = [] as Set
            while (c != null && seen.add(c)) {
                String parent = contract.path('models').path(c).path('uberParent').asText(null)
                if (parent == null || parent == c) break
                if (parent == className) { out << e.key; break }
                c = parent
            }
        }
        out.sort()
    }

    /** The discriminator values a polymorphic model accepts: its own (when it has one) and its descendants'. */
    List<String> subtypes(String className) {
        List<String> names = [className] + descendants(className)
        List<String> values = names.collect { contract.path('models').path(it).path('discriminatorValue').asText(null) }.findAll { it != null }.unique().sort()
        // AutoRest serializes a root polymorphic model under its own name; the examples send it so (e.g. ReplicationProviderSpecificContainerMappingInput).
        contract.path('models').path(className).path('uberParent').asText() == className ? values + [className] : values
    }

    private static String describe(JsonNode n) {
        n.isTextual() ? "'${n.asText()}'" : n.isArray() ? 'an array' : n.isObject() ? 'an object' : n.toString()
    }
}
