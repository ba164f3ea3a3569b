package siteplan.dsl;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The top-level words of a definition, in one place: {@link EstateScript} declares them as its public
 * methods, the sandbox lets a file call them, and {@link LiteralDefinition} applies the declarations
 * among them itself. A word added to the script is added here, so the three cannot disagree.
 */
enum TopWord {
    AZURE("azure", true),
    VMWARE_SITE("vmwareSite", true),
    VMM_SITE("vmmSite", true),
    MACHINES("machines", true),
    REPLICATION_POLICY("replicationPolicy", true),
    HYPERV_POLICY("hyperVPolicy", true),
    NETWORK_MAPPING("networkMapping", true),
    STORAGE_MAPPING("storageMapping", true),
    PROTECTION_GROUP("protectionGroup", true),
    RECOVERY_PLAN("recoveryPlan", true),
    OBJECTIVES("objectives", true),
    /** Runs another file in this one's variables: Groovy's to evaluate. */
    INCLUDE("include", false),
    /** Rows of an inventory, for loops: Groovy's to evaluate. */
    TABLE("table", false),
    /** References, usable anywhere; the literal parser reads them as values, not as statements. */
    SECRET("secret", false),
    ENV("env", false);

    /** Every top-level word, sorted (suggestions list them in this order). */
    static final Set<String> ALL;
    /** The declarations: top-level blocks and mappings that the literal parser applies without Groovy. */
    static final Set<String> DECLARATIONS;

    static {
        Set<String> all = new TreeSet<>();
        Set<String> declarations = new TreeSet<>();
        for (TopWord w : values()) {
            all.add(w.word);
            if (w.declaration) declarations.add(w.word);
        }
        ALL = Collections.unmodifiableSet(all);
        DECLARATIONS = Collections.unmodifiableSet(declarations);
    }

    final String word;
    private final boolean declaration;

    TopWord(String word, boolean declaration) {
        this.word = word;
        this.declaration = declaration;
    }
}
