package io.daprj.runtime.bindings;

import java.util.ArrayList;
import java.util.List;

/** Component resources for binding tests, one compact YAML document each. */
final class BindingYaml {

    private BindingYaml() {}

    /** A {@code kind: Component} named {@code name} of {@code type}, with metadata given as name, value pairs. */
    static String component(String name, String type, String... metadata) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i + 1 < metadata.length; i += 2) {
            entries.add("{name: " + metadata[i] + ", value: \"" + metadata[i + 1] + "\"}");
        }
        return "kind: Component\nmetadata: {name: " + name + "}\nspec: {type: " + type + ", version: v1, metadata: ["
                + String.join(", ", entries) + "]}\n";
    }

    /** Documents joined into one file. */
    static String all(String... documents) {
        return String.join("---\n", documents);
    }
}
