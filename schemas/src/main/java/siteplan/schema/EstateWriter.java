package siteplan.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import siteplan.model.Estate;

/** Writes an estate as JSON or YAML that reads back to an equal estate; secrets stay references. */
public final class EstateWriter {
    private EstateWriter() {}

    public enum Format { JSON, YAML }

    public static String write(Estate estate, Format format) {
        try {
            ObjectNode tree = ModelJson.JSON.valueToTree(estate);
            ObjectNode out = ModelJson.JSON.createObjectNode();
            out.put("$schema", SchemaGenerator.ID);
            out.setAll(tree);
            return format == Format.JSON
                    ? ModelJson.JSON.writeValueAsString(out) + "\n"
                    : ModelJson.YAML.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
