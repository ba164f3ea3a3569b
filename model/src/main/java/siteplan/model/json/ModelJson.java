package siteplan.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import siteplan.model.Token;
import siteplan.units.DataRate;
import siteplan.units.DataSize;
import siteplan.units.Durations;

/**
 * The one Jackson configuration for the estate model. Sizes, rates and durations are text ("900GB",
 * "100Mbps", "15min"), enums their lower-case tokens, absent values are left out, and property order
 * is the records' declaration order, so output is deterministic and reads like the DSL.
 */
public final class ModelJson {
    private ModelJson() {}

    public static final ObjectMapper JSON = configure(JsonMapper.builder().build())
            .enable(SerializationFeature.INDENT_OUTPUT);

    public static final ObjectMapper YAML = configure(YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build()).build());

    /** Another Jackson format (Smile, for the cache) with the model's configuration. */
    public static ObjectMapper withModule(ObjectMapper m) {
        return configure(m);
    }

    private static ObjectMapper configure(ObjectMapper m) {
        m.registerModule(module());
        m.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.ALWAYS));
        // A false flag is the default; leaving it out keeps files short without changing the model.
        m.configOverride(boolean.class).setInclude(JsonInclude.Value.construct(JsonInclude.Include.NON_DEFAULT, JsonInclude.Include.ALWAYS));
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // A flag left out of a file is false, as in the DSL; the schema already refuses an explicit null.
        m.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        m.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        return m;
    }

    private static SimpleModule module() {
        SimpleModule mod = new SimpleModule("siteplan-model");
        mod.setDeserializers(new com.fasterxml.jackson.databind.module.SimpleDeserializers() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config, BeanDescription desc) throws JsonMappingException {
                if (!Token.class.isAssignableFrom(type)) return super.findEnumDeserializer(type, config, desc);
                Class raw = type;
                return new JsonDeserializer<Object>() {
                    @Override public Object deserialize(JsonParser p, DeserializationContext c) throws IOException {
                        try {
                            return Token.parse(raw, p.getValueAsString());
                        } catch (IllegalArgumentException e) {
                            throw JsonMappingException.from(p, e.getMessage());
                        }
                    }
                };
            }
        });
        text(mod, DataSize.class, DataSize::toString, DataSize::parse);
        text(mod, DataRate.class, DataRate::toString, DataRate::parse);
        text(mod, Duration.class, Durations::format, Durations::parse);
        // Times as ISO-8601 text (2026-11-22T08:00:00Z), as history, journals and reports write them everywhere else.
        text(mod, java.time.Instant.class, java.time.Instant::toString, iso(java.time.Instant::parse));
        text(mod, java.time.LocalDate.class, java.time.LocalDate::toString, iso(java.time.LocalDate::parse));
        mod.addSerializer(Token.class, new JsonSerializer<>() {
            @Override public void serialize(Token v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(v.token());
            }
        });
        return mod;
    }

    /** A java.time parser whose refusal reads as the other types' do: an IllegalArgumentException. */
    private static <T> Function<String, T> iso(Function<String, T> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 time such as 2026-11-22T08:00:00Z");
            }
        };
    }

    private static <T> void text(SimpleModule mod, Class<T> type, Function<T, String> write, Function<String, T> read) {
        mod.addSerializer(type, new JsonSerializer<T>() {
            @Override public void serialize(T v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(write.apply(v));
            }
        });
        mod.addDeserializer(type, new JsonDeserializer<T>() {
            @Override public T deserialize(JsonParser p, DeserializationContext c) throws IOException {
                try {
                    return read.apply(p.getValueAsString());
                } catch (IllegalArgumentException e) {
                    throw JsonMappingException.from(p, e.getMessage());
                }
            }
        });
    }
}
