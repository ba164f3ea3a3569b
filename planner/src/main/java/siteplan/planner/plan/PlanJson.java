package siteplan.planner.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import siteplan.model.json.ModelJson;

/** The plan's JSON form: snake_case keys, absent values left out, sorted, versioned by format_version. */
public final class PlanJson {
    public static final ObjectMapper MAPPER = ModelJson.JSON.copy()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {}

    public static String write(Plan plan) {
        try {
            return MAPPER.writeValueAsString(plan) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Plan read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), Plan.class);
    }
}
