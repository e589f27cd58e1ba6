package io.daprj.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The used Java heap of a sidecar JVM after a full collection, via the JDK's {@code jcmd GC.run} and {@code jstat
 * -gc} (survivor, eden and old generation used). 0 when the tools cannot attach.
 */
final class SidecarHeap {

    private SidecarHeap() {}

    static long usedAfterGc(long pid) {
        try {
            run(tool("jcmd"), Long.toString(pid), "GC.run");
            String[] lines = run(tool("jstat"), "-gc", Long.toString(pid)).strip().split("\n");
            if (lines.length < 2) {
                return 0;
            }
            List<String> names = Arrays.asList(lines[0].trim().split("\\s+"));
            String[] values = lines[1].trim().split("\\s+");
            double kb = 0;
            for (String column : List.of("S0U", "S1U", "EU", "OU")) {
                int i = names.indexOf(column);
                if (i >= 0 && i < values.length && !values[i].equals("-")) {
                    kb += Double.parseDouble(values[i]);
                }
            }
            return (long) (kb * 1024);
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
