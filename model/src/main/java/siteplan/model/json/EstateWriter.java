package siteplan.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import siteplan.model.Estate;

/** Writes an estate as JSON or YAML that reads back to an equal estate; secrets stay references. */
public final class EstateWriter {
    private EstateWriter() {}

    /** The $schema an exported estate names: the published schemas/estate.schema.json. */
    public static final String ESTATE_SCHEMA_ID = "https://siteplan.dev/schemas/estate.schema.json";

    public enum Format { JSON, YAML }

    /** Reads back what {@link #write} wrote (the $schema it names is not part of the estate). */
    public static Estate read(String text, Format format) throws java.io.IOException {
        var mapper = format == Format.JSON ? ModelJson.JSON : ModelJson.YAML;
        ObjectNode tree = (ObjectNode) mapper.readTree(text);
        tree.remove("$schema");
        return mapper.treeToValue(tree, Estate.class);
    }

    public static String write(Estate estate, Format format) {
        try {
            ObjectNode tree = ModelJson.JSON.valueToTree(estate);
            // The estate's objectives are written once, in objectives, not copied into every plan that took them.
            if (estate.objectives() != null) {
                tree.set("recoveryPlans", ModelJson.JSON.valueToTree(estate.recoveryPlans().stream().map(estate.objectives()::withheldFrom).toList()));
            }
            ObjectNode out = ModelJson.JSON.createObjectNode();
            out.put("$schema", ESTATE_SCHEMA_ID);
            out.setAll(tree);
            return format == Format.JSON
                    ? ModelJson.JSON.writeValueAsString(out) + "\n"
                    : ModelJson.YAML.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
