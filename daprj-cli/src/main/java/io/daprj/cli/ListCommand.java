package io.daprj.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code daprj list}: the running instances of {@code daprj run} on this machine (for this DAPRJ_HOME). */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the running daprj instances.")
final class ListCommand implements Callable<Integer> {

    enum Format { table, json }

    private static final List<String> HEADER =
            List.of("APP ID", "HTTP PORT", "GRPC PORT", "APP PORT", "PID", "AGE", "COMMAND");

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    Format output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<RunRecord> runs = RunRegistry.inHome().live();
        PrintWriter out = spec.commandLine().getOut();
        Instant now = Instant.now();
        if (output == Format.json) {
            out.println(json(runs, now));
        } else if (runs.isEmpty()) {
            out.println("No daprj instances found.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            rows.add(HEADER);
            for (RunRecord run : runs) {
                rows.add(List.of(run.appId(), Integer.toString(run.httpPort()), Integer.toString(run.grpcPort()),
                        Integer.toString(run.appPort()), Long.toString(run.pid()), age(run.startedAt(), now),
                        String.join(" ", run.command())));
            }
            printTable(out, rows);
        }
        out.flush();
        return 0;
    }

    private static String json(List<RunRecord> runs, Instant now) throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode array = mapper.createArrayNode();
        for (RunRecord run : runs) {
            ObjectNode node = mapper.valueToTree(run);
            node.put("age", age(run.startedAt(), now));
            array.add(node);
        }
        return mapper.writeValueAsString(array);
    }

    /** The largest whole unit, as dapr list shows it: 45s, 3m, 2h, 1d. */
    static String age(Instant started, Instant now) {
        long seconds = Math.max(0, Duration.between(started, now).toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h";
        }
        return seconds / 86_400 + "d";
    }

    private static void printTable(PrintWriter out, List<List<String>> rows) {
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                boolean last = i == row.size() - 1;
                line.append(last ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
