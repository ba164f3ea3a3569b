package siteplan.dsl.load;

import siteplan.model.json.ModelJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import siteplan.diag.Problem;
import siteplan.dsl.Suggestions;

/**
 * Checks a YAML or JSON estate against schemas/estate.schema.json and words every error for the
 * person who wrote the file: JSON pointer, line, and what to do.
 */
public final class SchemaCheck {
    private static final JsonNode SCHEMA_NODE = load();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SCHEMA_NODE, SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build());

    private SchemaCheck() {}

    /** The committed schema, as packaged beside the classes. */
    public static JsonNode schema() {
        return SCHEMA_NODE;
    }

    private static JsonNode load() {
        try (InputStream in = SchemaCheck.class.getResourceAsStream("/estate.schema.json")) {
            if (in == null) throw new IllegalStateException("estate.schema.json is missing from the class path");
            return ModelJson.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Problem> check(LocatedTree tree) {
        Set<String> seen = new LinkedHashSet<>();
        List<Problem> out = new ArrayList<>();
        for (ValidationMessage m : SCHEMA.validate(tree.root())) {
            String pointer = m.getInstanceLocation().toString();
            String text = LocatedTree.pointer(pointer) + ": " + explain(m);
            if (seen.add(text)) out.add(new Problem(tree.at(pointer), text));
        }
        policyForms(tree, seen, out);
        out.sort(null);
        return out;
    }

    /**
     * POL-FIELDS, which the schema cannot say: a policy of the classic form (one that names neither recoveryPointHistory
     * nor crashConsistentFrequency, the modernized form's words) has all three classic settings. Reported with the
     * schema's own errors, in their words, so one round shows everything a data file lacks.
     */
    private static void policyForms(LocatedTree tree, Set<String> seen, List<Problem> out) {
        JsonNode policies = tree.root().path("replicationPolicies");
        if (!policies.isArray()) return;
        for (int i = 0; i < policies.size(); i++) {
            JsonNode p = policies.get(i);
            if (!p.isObject() || p.has("recoveryPointHistory") || p.has("crashConsistentFrequency")) continue;
            for (String field : List.of("rpoThreshold", "retention", "appConsistentFrequency")) {
                if (p.has(field)) continue;
                String pointer = "/replicationPolicies/" + i;
                String text = LocatedTree.pointer(pointer) + ": '" + field + "' is required here and missing";
                if (seen.add(text)) out.add(new Problem(tree.at(pointer), text));
            }
        }
    }

    private static String explain(ValidationMessage m) {
        String fragment = m.getSchemaLocation().getFragment().toString();
        switch (m.getType()) {
            case "additionalProperties": {
                List<String> known = new ArrayList<>();
                JsonNode props = SCHEMA_NODE.at(parent(fragment) + "/properties");
                for (Iterator<String> it = props.fieldNames(); it.hasNext(); ) known.add(it.next());
                return "unknown property '" + m.getProperty() + "'" + Suggestions.didYouMean(m.getProperty(), known);
            }
            case "required":
                return "'" + m.getProperty() + "' is required here and missing";
            case "enum": {
                JsonNode values = SCHEMA_NODE.at(parent(fragment) + "/enum");
                List<String> known = new ArrayList<>();
                values.forEach(v -> known.add(v.asText()));
                String got = m.getInstanceNode() == null ? "?" : m.getInstanceNode().asText();
                return "'" + got + "' is not one of " + String.join(", ", known.stream().map(k -> "'" + k + "'").toList())
                        + Suggestions.didYouMean(got, known);
            }
            case "pattern": {
                String got = m.getInstanceNode() == null ? "?" : m.getInstanceNode().asText();
                String def = fragment.contains("dataSize") ? "a data size such as 900GB or 1.5TB"
                        : fragment.contains("dataRate") ? "a rate such as 100Mbps" : fragment.contains("duration") ? "a duration such as 15min, 24h or 90d" : "the expected form";
                return "'" + got + "' is not " + def;
            }
            case "type": {
                JsonNode got = m.getInstanceNode();
                if (got != null && got.isNumber() && (fragment.contains("dataSize") || fragment.contains("dataRate") || fragment.contains("duration"))) {
                    String unit = fragment.contains("dataSize") ? "GB" : fragment.contains("dataRate") ? "Mbps" : "min";
                    return got + " has no unit — write it with one, such as " + got + unit;
                }
                String expected = SCHEMA_NODE.at(parent(fragment) + "/type").asText();
                if ("string".equals(expected) && got != null && got.isNumber()) {
                    return "expects text; " + got + " is a number — write it in quotes: \"" + got + "\"";
                }
                return "expects " + article(expected) + " — got " + (got == null ? "nothing" : kind(got));
            }
            case "minProperties":
            case "maxProperties":
                return "a secret reference names exactly one of 'secret' or 'env'";
            case "minimum":
                return "must not be negative";
            default: {
                String msg = m.getMessage();
                int colon = msg.indexOf(": ");
                return colon >= 0 ? msg.substring(colon + 2) : msg;
            }
        }
    }

    private static String parent(String fragment) {
        int slash = fragment.lastIndexOf('/');
        return slash <= 0 ? "" : fragment.substring(0, slash);
    }

    private static String article(String type) {
        return switch (type) {
            case "object" -> "an object";
            case "array" -> "a list";
            case "integer" -> "a whole number";
            case "boolean" -> "true or false";
            case "string" -> "text";
            default -> type;
        };
    }

    private static String kind(JsonNode n) {
        if (n.isObject()) return "an object";
        if (n.isArray()) return "a list";
        if (n.isTextual()) return "text '" + n.asText() + "'";
        if (n.isBoolean()) return n.asText();
        if (n.isNull()) return "null";
        return n.toString();
    }
}
