package siteplan.dsl.schema;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import siteplan.model.Estate;
import siteplan.model.Required;
import siteplan.model.SecretRef;
import siteplan.model.Token;
import siteplan.units.DataRate;
import siteplan.units.DataSize;

/**
 * Writes the JSON Schema (2020-12) of the estate from the model records themselves: a property per
 * record component, its description from {@link JsonPropertyDescription}, required ones from
 * {@link Required}, and additionalProperties false everywhere. Generating it keeps the schema and the
 * model one thing; a test fails when the committed schemas/estate.schema.json falls behind.
 */
public final class SchemaGenerator {
    public static final String ID = siteplan.model.json.EstateWriter.ESTATE_SCHEMA_ID;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    public static final String PLAN_ID = "https://siteplan.dev/schemas/plan.schema.json";

    private final Map<String, ObjectNode> defs = new TreeMap<>();
    private final Deque<Class<?>> pending = new ArrayDeque<>();
    private final java.util.function.UnaryOperator<String> naming;

    private SchemaGenerator(java.util.function.UnaryOperator<String> naming) {
        this.naming = naming;
    }

    public static ObjectNode estateSchema() {
        return new SchemaGenerator(n -> n).generate(Estate.class, ID, "siteplan estate", true);
    }

    /** The schema of another record-based document, e.g. the plan (whose JSON keys are snake_case). */
    public static ObjectNode schemaOf(Class<?> root, String id, String title, java.util.function.UnaryOperator<String> naming) {
        return new SchemaGenerator(naming).generate(root, id, title, false);
    }

    public static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private ObjectNode generate(Class<?> rootType, String id, String title, boolean allowSchemaKey) {
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", id);
        root.put("title", title);
        ObjectNode estate = record(rootType);
        estate.fields().forEachRemaining(e -> root.set(e.getKey(), e.getValue()));
        if (allowSchemaKey) {
            ((ObjectNode) root.get("properties")).set("$schema", F.objectNode().put("type", "string")
                    .put("description", "Optional address of this schema, for editors that complete and check the file."));
        }
        // Re-insert properties after $schema so the key order stays readable.
        JsonNode props = root.remove("properties");
        JsonNode req = root.remove("required");
        root.set("properties", props);
        if (req != null) root.set("required", req);
        while (!pending.isEmpty()) {
            Class<?> c = pending.pop();
            if (!defs.containsKey(c.getSimpleName())) defs.put(c.getSimpleName(), record(c));
        }
        ObjectNode d = F.objectNode();
        if (!allowSchemaKey) {
            defs.forEach(d::set);
            root.set("$defs", d);
            return root;
        }
        d.set("dataSize", F.objectNode().put("type", "string").put("pattern", "^ *[0-9]+(\\.[0-9]+)? *([KkMmGgTtPp]?[Bb])$")
                .put("description", "A data size: a number and a binary unit (B, KB, MB, GB, TB; 1 KB = 1024 B), e.g. 900GB or 1.5TB."));
        d.set("dataRate", F.objectNode().put("type", "string").put("pattern", "^ *[0-9]+(\\.[0-9]+)? *([KkMmGg]?bps)$")
                .put("description", "A network rate: a number and a decimal unit (bps, Kbps, Mbps, Gbps), e.g. 100Mbps."));
        d.set("duration", F.objectNode().put("type", "string").put("pattern", "^ *[0-9]+ *(s|sec|seconds?|m|min|minutes?|h|hours?|d|days?)$")
                .put("description", "A duration: a whole number and a unit (s, min, h, d), e.g. 30s, 15min, 24h, 90d."));
        defs.forEach(d::set);
        root.set("$defs", d);
        return root;
    }

    private ObjectNode record(Class<?> type) {
        ObjectNode o = F.objectNode();
        o.put("type", "object");
        JsonClassDescription cd = type.getAnnotation(JsonClassDescription.class);
        o.put("description", cd != null ? cd.value() : type.getSimpleName());
        o.put("additionalProperties", false);
        ObjectNode props = F.objectNode();
        ArrayNode required = F.arrayNode();
        for (RecordComponent rc : type.getRecordComponents()) {
            ObjectNode p = schemaFor(rc.getGenericType());
            JsonPropertyDescription pd = rc.getAccessor().getAnnotation(JsonPropertyDescription.class);
            if (pd == null) throw new IllegalStateException(type.getSimpleName() + "." + rc.getName() + " has no description");
            p.put("description", pd.value());
            props.set(naming.apply(rc.getName()), p);
            if (rc.isAnnotationPresent(Required.class)) required.add(naming.apply(rc.getName()));
        }
        o.set("properties", props);
        if (!required.isEmpty()) o.set("required", required);
        if (type == SecretRef.class) {
            o.put("minProperties", 1);
            o.put("maxProperties", 1);
        }
        return o;
    }

    private ObjectNode schemaFor(Type t) {
        if (t instanceof ParameterizedType pt) {
            ObjectNode a = F.objectNode().put("type", "array");
            a.set("items", schemaFor(pt.getActualTypeArguments()[0]));
            return a;
        }
        Class<?> c = (Class<?>) t;
        if (c == String.class) return F.objectNode().put("type", "string");
        if (c == Integer.class || c == int.class) return F.objectNode().put("type", "integer").put("minimum", 0);
        if (c == Double.class || c == double.class) return F.objectNode().put("type", "number").put("minimum", 0);
        if (c == Boolean.class || c == boolean.class) return F.objectNode().put("type", "boolean");
        if (c == DataSize.class) return F.objectNode().put("$ref", "#/$defs/dataSize");
        if (c == DataRate.class) return F.objectNode().put("$ref", "#/$defs/dataRate");
        if (c == Duration.class) return F.objectNode().put("$ref", "#/$defs/duration");
        if (c.isEnum() && Token.class.isAssignableFrom(c)) {
            ObjectNode e = F.objectNode().put("type", "string");
            ArrayNode values = e.putArray("enum");
            for (Object k : c.getEnumConstants()) values.add(((Token) k).token());
            return e;
        }
        if (c.isRecord()) {
            pending.push(c);
            return F.objectNode().put("$ref", "#/$defs/" + c.getSimpleName());
        }
        throw new IllegalStateException("no schema for " + c);
    }
}
