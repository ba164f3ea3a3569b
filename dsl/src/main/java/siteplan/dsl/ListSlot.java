package siteplan.dsl;

import java.util.ArrayList;
import java.util.List;

/** The values a listing word collects ({@code tags 'a', 'b'}), typed; each call adds to the list. */
final class ListSlot<T> {
    final String word;
    final ValueType type;
    /** How the word is written, for the DSL reference: {@code 'web', 'erp'}. */
    final String example;
    private List<T> values;

    private ListSlot(String word, ValueType type, String example) {
        this.word = word;
        this.type = type;
        this.example = example;
    }

    static ListSlot<String> texts(String word, String example) { return new ListSlot<>(word, ValueType.TEXT, example); }
    static ListSlot<siteplan.model.SecretRef> secretRefs(String word, String example) { return new ListSlot<>(word, ValueType.SECRET, example); }

    /** Stores a converted value; the conversion by {@link #type} gives a T by construction. */
    @SuppressWarnings("unchecked")
    void accept(Object converted) { values.add((T) converted); }

    /** Called once per use of the word, so a word written with only wrong values still holds an (empty) list. */
    void open() { if (values == null) values = new ArrayList<>(); }

    List<T> get() { return values == null ? List.of() : values; }
}
