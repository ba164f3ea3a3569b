package siteplan.dsl.load;

import siteplan.dsl.Nesting;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import siteplan.diag.Location;
import siteplan.diag.Problem;

/**
 * A JSON or YAML document read into a tree while remembering the line of every JSON pointer, so a
 * schema error at /machines/3/disks/0 can say which line of the file that is.
 */
public final class LocatedTree {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    // Bounded nesting, as for Groovy definitions: the tree is built recursively, level by level.
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(siteplan.dsl.Nesting.MAX_DEPTH).build()).build();
    private static final YAMLFactory YAML = YAMLFactory.builder()
            .loaderOptions(yamlOptions())
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(siteplan.dsl.Nesting.MAX_DEPTH).build()).build();

    static org.yaml.snakeyaml.LoaderOptions yamlOptions() {
        var o = new org.yaml.snakeyaml.LoaderOptions();
        o.setNestingDepthLimit(siteplan.dsl.Nesting.MAX_DEPTH);
        return o;
    }

    /** True when a parser stopped because the text nests deeper than allowed (Jackson's own bound, or SnakeYAML's). */
    static boolean tooDeep(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        return e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException && m.contains("nesting depth")
                || m.contains("Nesting Depth exceeded");
    }

    private final String file;
    private final Map<String, Integer> lines = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private JsonNode root;

    private LocatedTree(String file) {
        this.file = file;
    }

    public static LocatedTree read(String file, String text, boolean yaml) {
        LocatedTree t = new LocatedTree(file);
        JsonParser open = null;
        try (JsonParser p = (yaml ? YAML : JSON).createParser(text)) {
            open = p;
            JsonToken first = p.nextToken();
            if (first == null) {
                t.problems.add(new Problem(new Location(file, 0), "is empty — an estate file holds an object such as {\"machines\": […]}"));
                return t;
            }
            t.root = t.value(p, "");
            // A second YAML document (after ---), or a second JSON value, would be read by no one: a reviewer reading the
            // file's last document would see values siteplan never used.
            JsonToken more = p.nextToken();
            if (more != null && !(more == JsonToken.VALUE_NULL && p.nextToken() == null)) {
                t.problems.add(new Problem(new Location(file, p.currentTokenLocation().getLineNr()), yaml
                        ? "holds a second YAML document (after ---); siteplan reads one per file — move it to a file of its own"
                        : "has more after its JSON value; a file holds one object — remove what follows it"));
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            if (tooDeep(e)) {
                if (line <= 0 && open != null) line = open.currentLocation().getLineNr();
                t.problems.add(new Problem(new Location(file, line), siteplan.dsl.Nesting.message()));
                return t;
            }
            t.problems.add(new Problem(new Location(file, line), "is not valid " + (yaml ? "YAML" : "JSON") + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            t.problems.add(new Problem(new Location(file, 0), "cannot be read: " + e.getMessage()));
        }
        return t;
    }

    private JsonNode value(JsonParser p, String pointer) throws IOException {
        lines.putIfAbsent(pointer, p.currentTokenLocation().getLineNr());
        switch (p.currentToken()) {
            case START_OBJECT -> {
                ObjectNode o = F.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                    int line = p.currentTokenLocation().getLineNr();
                    if (o.has(name)) problems.add(new Problem(new Location(file, line), pointer(pointer) + ": key '" + name + "' appears twice"));
                    lines.put(child, line);
                    p.nextToken();
                    o.set(name, value(p, child));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = F.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) a.add(value(p, pointer + "/" + i++));
                return a;
            }
            case VALUE_STRING -> { return F.textNode(p.getText()); }
            case VALUE_NUMBER_INT -> { return F.numberNode(p.getBigIntegerValue()); }
            case VALUE_NUMBER_FLOAT -> { return F.numberNode(p.getDecimalValue()); }
            case VALUE_TRUE -> { return F.booleanNode(true); }
            case VALUE_FALSE -> { return F.booleanNode(false); }
            case VALUE_NULL -> { return F.nullNode(); }
            default -> { return F.textNode(p.getText()); }
        }
    }

    static String pointer(String p) {
        return p.isEmpty() ? "/" : p;
    }

    public JsonNode root() { return root; }
    public List<Problem> problems() { return problems; }
    public String file() { return file; }

    /** The line of a pointer, or of its nearest ancestor that has one. */
    public int line(String pointer) {
        String p = pointer;
        while (true) {
            Integer l = lines.get(p);
            if (l != null) return l;
            if (p.isEmpty()) return 0;
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    public Location at(String pointer) {
        return new Location(file, line(pointer));
    }
}
