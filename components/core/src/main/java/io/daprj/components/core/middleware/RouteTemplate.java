package io.daprj.components.core.middleware;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path template as gorilla/mux writes them, which Dapr's {@code routeralias} uses: literal text with variables
 * {@code {name}} (one path segment) or {@code {name:regexp}}; the whole path must match.
 */
record RouteTemplate(String template, Pattern pattern, List<String> variables, List<Integer> groups) {

    static RouteTemplate parse(String template) {
        StringBuilder regex = new StringBuilder("^");
        List<String> variables = new ArrayList<>();
        List<Integer> groups = new ArrayList<>();
        int nextGroup = 1;
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            int close = closingBrace(template, open);
            if (open > i) {
                regex.append(Pattern.quote(template.substring(i, open)));
            }
            String inside = template.substring(open + 1, close);
            int colon = inside.indexOf(':');
            String variableRegex = colon < 0 ? "[^/]+" : inside.substring(colon + 1);
            variables.add(colon < 0 ? inside : inside.substring(0, colon));
            groups.add(nextGroup);
            // groups inside a variable's own regexp shift the numbering of the later ones
            nextGroup += 1 + Pattern.compile(variableRegex).matcher("").groupCount();
            regex.append('(').append(variableRegex).append(')');
            i = close + 1;
        }
        return new RouteTemplate(template, Pattern.compile(regex.append('$').toString()), List.copyOf(variables),
                List.copyOf(groups));
    }

    private static int closingBrace(String template, int open) {
        int depth = 0;
        for (int j = open; j < template.length(); j++) {
            char c = template.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j;
            }
        }
        throw new IllegalArgumentException("route '" + template + "': unbalanced braces");
    }

    /** The variables by name when {@code path} matches, else empty. */
    Optional<Map<String, String>> match(String path) {
        Matcher m = pattern.matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int v = 0; v < variables.size(); v++) {
            values.put(variables.get(v), m.group(groups.get(v)));
        }
        return Optional.of(values);
    }
}
