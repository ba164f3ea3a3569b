package siteplan.providers.azure

import com.fasterxml.jackson.databind.JsonNode
import com.fasterxml.jackson.databind.ObjectMapper

/**
 * The published contract of Azure Migrate's discovery sites (Microsoft.OffAzure, api-version 2023-06-06) for the calls a
 * modernized vault's provider makes outside Site Recovery: a VMware site's machines, run-as accounts and vCenters, a server
 * site's machines and run-as accounts. No package on the registries this project reaches carries it, so the operations and
 * models were extracted from azure-rest-api-specs' migrate.json (the file's "source" names the commit) by someone who did not
 * write the provider or the peer, into src/test/resources/siteplan/offazure/. The peer checks every such request's path and
 * api-version, and every response body's property names and primitive types, against it.
 */
class OffAzureContract {
    static final String API_VERSION = '2023-06-06'
    private static OffAzureContract instance

    final JsonNode contract
    final String source

    private OffAzureContract(JsonNode contract) {
        this.contract = contract
        this.source = contract.path('source').asText()
    }

    static synchronized OffAzureContract get() {
        if (instance == null) {
            def stream = OffAzureContract.getResourceAsStream('/siteplan/offazure/offazure-2023-06-06.json')
            assert stream != null: 'the OffAzure contract excerpt is missing from the test resources'
            instance = new OffAzureContract(new ObjectMapper().readTree(stream))
        }
        instance
    }

    static boolean isOffAzure(String path) { path.toLowerCase().contains('/providers/microsoft.offazure/') }

    /** The operation a GET path is, or null: templates matched segment by segment, case-insensitively, {names} matching any segment. */
    JsonNode operation(String method, String path) {
        List<String> segs = path.tokenize('/')
        for (JsonNode op : contract.path('operations')) {
            if (!op.path('method').asText().equalsIgnoreCase(method)) continue
            List<String> t = op.path('path').asText().tokenize('/')
            if (t.size() != segs.size()) continue
            boolean same = true
            for (int i = 0; i < t.size() && same; i++) same = t[i].startsWith('{') || t[i].equalsIgnoreCase(segs[i])
            if (same) return op
        }
        null
    }

    /** What breaks the contract in a request: an operation it does not have, another api-version. */
    List<String> request(String method, String path, String apiVersion) {
        JsonNode op = operation(method, path)
        if (op == null) return ["${method} ${path}: no such operation in ${source}".toString()]
        apiVersion == API_VERSION ? [] : ["${op.path('id').asText()}: api-version ${apiVersion}, not ${API_VERSION}".toString()]
    }

    /** What breaks the contract in a response body of the operation: fields its models do not have, values of another primitive type. */
    List<String> response(String method, String path, Map body) {
        JsonNode op = operation(method, path)
        if (op == null || body == null) return []
        List<String> out = []
        check(op.path('response').asText(), body, op.path('response').asText(), out)
        out
    }

    private void check(String model, Object value, String where, List<String> out) {
        JsonNode m = contract.path('models').path(model)
        if (m.isMissingNode()) return // listed by name only (application inventory): not checked
        if (!(value instanceof Map)) {
            out << "${where}: ${model} is an object, not ${value?.getClass()?.simpleName}".toString()
            return
        }
        (value as Map).each { k, v ->
            JsonNode p = m.path('properties').path(k as String)
            if (p.isMissingNode()) {
                out << "${where}.${k}: no such field in ${model}".toString()
                return
            }
            if (v == null) return
            String type = p.path('type').asText('')
            String ref = p.path('ref').asText(null) ?: p.path('items').path('ref').asText(null)
            switch (type) {
                case 'string': if (!(v instanceof CharSequence)) out << "${where}.${k}: ${model}.${k} is a string".toString(); break
                case 'integer': case 'number': if (!(v instanceof Number)) out << "${where}.${k}: ${model}.${k} is a number".toString(); break
                case 'boolean': if (!(v instanceof Boolean)) out << "${where}.${k}: ${model}.${k} is a boolean".toString(); break
                case 'array':
                    if (!(v instanceof List)) { out << "${where}.${k}: ${model}.${k} is an array".toString(); break }
                    if (ref) (v as List).eachWithIndex { item, int i -> check(ref, item, "${where}.${k}[${i}]".toString(), out) }
                    break
                default:
                    if (ref) check(ref, v, "${where}.${k}".toString(), out)
            }
        }
    }
}
