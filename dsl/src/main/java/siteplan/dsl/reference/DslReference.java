package siteplan.dsl.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import siteplan.dsl.Doc;
import siteplan.dsl.EstateScript;
import siteplan.dsl.Vocabulary;
import siteplan.dsl.Vocabulary.Kind;
import siteplan.dsl.Vocabulary.Word;
import siteplan.dsl.schema.SchemaGenerator;
import siteplan.model.Estate;

/**
 * The reference part of docs/dsl.md, written from the DSL's own classes ({@link Vocabulary}: each block's
 * words, the values they take, what is required, what a word opens) and the estate schema the model
 * records generate (what each field means, its default and the rules that check it). A word is
 * documented by the field it sets, or by its {@link Doc}; one with neither stops the generation, so a
 * word cannot be added without saying what it means.
 */
public final class DslReference {
    private DslReference() {}

    /** How the marker starts: found by this, a marker whose wording changed is still replaced, not written twice. */
    private static final String MARKER_START = "<!-- Everything below this line is generated";

    /** The line that separates the hand-written introduction of docs/dsl.md from the generated reference. */
    public static final String MARKER = MARKER_START + " from the DSL's contexts (dsl/src/main/java/siteplan/dsl)"
            + " and the estate schema by DslReferenceSpec; do not edit it by hand: run the dsl module's tests with"
            + " -Dsiteplan.docs.write=true to write it again. -->";

    /** What looks like a rule ID: CS-REG-KEY, or MOB-PUSH-* for a family of them. */
    public static final Pattern RULE_ID = Pattern.compile("\\b[A-Z]{2,5}(?:-[A-Z0-9]+)+(?:-\\*)?");

    private static final String TOP = "Top level";

    /** docs/dsl.md with everything below the marker replaced by the reference (the marker appended when missing). */
    public static String splice(String doc, Set<String> ruleIds) {
        int at = doc.indexOf(MARKER_START);
        String intro = at < 0 ? doc.stripTrailing() + "\n\n" : doc.substring(0, at);
        return intro + MARKER + "\n\n" + generate(ruleIds);
    }

    /**
     * The generated reference: every block in nesting order, each word with its forms, value and meaning.
     * ruleIds are the rules docs/rules.md describes; a description naming one links to it.
     */
    public static String generate(Set<String> ruleIds) {
        return new DslReference.Writer(SchemaGenerator.estateSchema(), ruleIds).write();
    }

    /** A block of the DSL, where it is first met, and the words that open it. */
    private static final class Section {
        final Class<?> context;
        final Section parent;
        final int depth;
        final List<String> openedBy = new ArrayList<>();

        Section(Class<?> context, Section parent) {
            this.context = context;
            this.parent = parent;
            this.depth = parent == null ? 0 : parent.depth + 1;
        }

        /** "azure › network", "recoveryPlan › group › before / after". */
        String title() {
            if (parent == null) return TOP;
            String own = String.join(" / ", openedBy);
            return parent.parent == null ? own : parent.title() + " › " + own;
        }
    }

    private static final class Writer {
        private final ObjectNode schema;
        private final Set<String> ruleIds;
        private final Map<Class<?>, Section> sections = new LinkedHashMap<>();
        private final StringBuilder md = new StringBuilder();

        Writer(ObjectNode schema, Set<String> ruleIds) {
            this.schema = schema;
            this.ruleIds = ruleIds;
        }

        String write() {
            collect(EstateScript.class, null);
            md.append("## Every word\n\n");
            md.append("Each block below lists the words written inside it, in the order the blocks nest. **required** words must be\n"
                    + "written; the others may be left out, and the description says what applies then. A word that sets a value is\n"
                    + "written once; a **repeatable** one adds another item (a disk, a subnet, a step) each time it is written. The\n"
                    + "name in quotes after a block's word, `azure('contoso-dr')`, is yours to choose, and other blocks refer to the\n"
                    + "block by it; `machines('amsterdam')` names the site the machines belong to. Rule IDs link to\n"
                    + "[the rules](rules.md) that check the value.\n\n");
            for (Section s : sections.values()) {
                md.append("  ".repeat(s.depth)).append("- [").append(s.parent == null ? TOP : String.join(" / ", s.openedBy))
                        .append("](#").append(anchor(s.title())).append(")\n");
            }
            for (Section s : sections.values()) section(s);

            md.append("\n### In every block\n\n");
            md.append("A credential or passphrase is written as a reference, never as its value: a word that takes one refuses plain text.\n\n");
            table(Vocabulary.everywhere(), null, false);

            md.append("\n### Units\n\n");
            md.append("A size, a rate or a duration is a number with its unit: `900.GB`, `1.5.TB`, `100.Mbps`, `15.minutes`, `90.days`.\n"
                    + "Sizes are binary (1 KB = 1024 bytes); durations are whole numbers of their unit. A number without a unit, or\n"
                    + "with a unit of the wrong kind, is refused.\n\n");
            md.append("| value | units |\n|---|---|\n");
            Vocabulary.units().forEach((kind, words) -> md.append("| ").append(kind).append(" | ")
                    .append(String.join(", ", words.stream().map(w -> "`." + w + "`").toList())).append(" |\n"));
            return md.toString();
        }

        /** Depth first, in each block's word order: a block's section follows the one that opens it. */
        private void collect(Class<?> context, Section parent) {
            Section section = new Section(context, parent);
            sections.put(context, section);
            for (Word w : ordered(context)) {
                if (w.kind() != Kind.BLOCK) continue;
                Section known = sections.get(w.opens());
                if (known == null) {
                    collect(w.opens(), section);
                    known = sections.get(w.opens());
                }
                known.openedBy.add(w.name());
            }
        }

        private void section(Section s) {
            Class<?> record = record(s.context);
            md.append("\n### ").append(s.title()).append("\n\n");
            Doc doc = s.context.getAnnotation(Doc.class);
            String about = doc != null && !doc.value().isEmpty() ? doc.value() : record == null ? null : definition(record).path("description").asText(null);
            if (about == null) {
                throw new IllegalStateException(s.context.getSimpleName() + " says nothing about itself: give it a @Doc(\"…\") or let it build a model record");
            }
            md.append(linked(about)).append("\n\n");
            // Every top-level declaration may be repeated; saying so on each would only be noise.
            table(ordered(s.context), s.context, s.parent != null);
        }

        private void table(List<Word> words, Class<?> context, boolean inBlock) {
            Class<?> record = context == null ? null : record(context);
            md.append("| word | written | what it means |\n|---|---|---|\n");
            for (Word w : words) {
                JsonNode field = field(record, w);
                String meaning = w.doc() != null ? w.doc() : field != null ? field.path("description").asText(null) : null;
                if (meaning == null) {
                    throw new IllegalStateException("word '" + w.name() + "' of " + (context == null ? "every block" : context.getSimpleName())
                            + " has no description: it sets no field of " + (record == null ? "the model" : record.getSimpleName())
                            + ", so give its method a @Doc(\"…\")");
                }
                StringBuilder written = new StringBuilder();
                for (String form : w.forms()) {
                    if (written.length() > 0) written.append("<br>");
                    written.append('`').append(form.replace("|", "\\|")).append('`');
                }
                if (w.expects() != null) written.append("<br>*").append(w.expects().replaceAll("'([^']*)'", "`$1`")).append('*');
                StringBuilder means = new StringBuilder(linked(meaning));
                if (w.kind() == Kind.BLOCK) {
                    Section opened = sections.get(w.opens());
                    means.append(" See [").append(opened.title()).append("](#").append(anchor(opened.title())).append(").");
                }
                boolean repeatable = w.kind() == Kind.LIST || w.kind() == Kind.ACTION
                        || (w.kind() == Kind.BLOCK && (field == null || "array".equals(field.path("type").asText())));
                md.append("| `").append(w.name()).append('`')
                        .append(w.required() ? " **required**" : "").append(inBlock && repeatable ? " **repeatable**" : "")
                        .append(" | ").append(written).append(" | ").append(means).append(" |\n");
            }
        }

        /** A block's words in the order of the model fields they set (the order the schema gives), the others after, by name. */
        private List<Word> ordered(Class<?> context) {
            Class<?> record = record(context);
            List<String> order = new ArrayList<>();
            if (record != null) definition(record).path("properties").fieldNames().forEachRemaining(order::add);
            List<Word> words = new ArrayList<>(Vocabulary.words(context));
            words.sort(Comparator.comparingInt((Word w) -> {
                String f = fieldName(record, w);
                return f == null ? Integer.MAX_VALUE : order.indexOf(f);
            }).thenComparing(Word::name));
            return words;
        }

        /** The model record a block builds (its build method's type); the estate for the script. */
        private static Class<?> record(Class<?> context) {
            if (context == EstateScript.class) return Estate.class;
            for (Method m : context.getDeclaredMethods()) {
                if (m.getName().equals("build") && m.getParameterCount() == 0 && m.getReturnType().isRecord()) return m.getReturnType();
            }
            return null;
        }

        /** The schema of the record: the root for the estate, its definition otherwise. */
        private JsonNode definition(Class<?> record) {
            return record == Estate.class ? schema : schema.path("$defs").path(record.getSimpleName());
        }

        private JsonNode field(Class<?> record, Word w) {
            String name = fieldName(record, w);
            return name == null ? null : definition(record).path("properties").get(name);
        }

        /** The field a word sets: the one its @Doc names, else the one named like the word, or like its plural (disk → disks). */
        private String fieldName(Class<?> record, Word w) {
            if (record == null) return null;
            JsonNode props = definition(record).path("properties");
            if (w.field() != null) {
                if (!props.has(w.field())) {
                    throw new IllegalStateException("word '" + w.name() + "' names field '" + w.field() + "', which " + record.getSimpleName() + " does not have");
                }
                return w.field();
            }
            String n = w.name();
            for (String candidate : List.of(n, n + "s", n.endsWith("y") ? n.substring(0, n.length() - 1) + "ies" : n)) {
                if (props.has(candidate)) return candidate;
            }
            return null;
        }

        /** The rule IDs docs/rules.md describes as links to it (MOB-PUSH-* when a rule starts so); pipes escaped for the table. */
        private String linked(String text) {
            Matcher m = RULE_ID.matcher(text.replace("|", "\\|"));
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String id = m.group();
                boolean known = id.endsWith("-*") ? ruleIds.stream().anyMatch(r -> r.startsWith(id.substring(0, id.length() - 1))) : ruleIds.contains(id);
                m.appendReplacement(sb, Matcher.quoteReplacement(known ? "[" + id + "](rules.md)" : id));
            }
            m.appendTail(sb);
            return sb.toString();
        }
    }

    /** GitHub's heading anchor: lower case, punctuation other than hyphens dropped, each space a hyphen. */
    static String anchor(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 \\-]", "").replace(' ', '-');
    }
}
