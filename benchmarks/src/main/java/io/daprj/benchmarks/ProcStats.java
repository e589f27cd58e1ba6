package io.daprj.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory and CPU time of a Linux process, read from {@code /proc/<pid>/status} and {@code /proc/<pid>/stat}. */
final class ProcStats {

    /** Clock ticks per second of utime/stime; {@code benchmarks/run} passes {@code getconf CLK_TCK}. */
    private static final long CLOCK_TICKS = Long.getLong("daprj.bench.clockTicks", 100);

    private ProcStats() {}

    /** VmRSS in bytes, or 0 if the process is gone. */
    static long residentBytes(long pid) {
        return statusField(pid, "VmRSS:");
    }

    /** VmHWM (peak resident set since start) in bytes, or 0 if the process is gone. */
    static long peakResidentBytes(long pid) {
        return statusField(pid, "VmHWM:");
    }

    /** User plus system CPU time in nanoseconds, or 0 if the process is gone. */
    static long cpuNanos(long pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException gone) {
            return 0;
        }
        // fields after the parenthesised command name; utime and stime are fields 14 and 15 of the whole line
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        return ticks * 1_000_000_000L / CLOCK_TICKS;
    }

    private static long statusField(long pid, String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]) * 1024;
                }
            }
            throw new IllegalStateException("no " + name + " in /proc/" + pid + "/status");
        } catch (IOException gone) {
            return 0;
        } catch (UncheckedIOException gone) {
            return 0;
        }
    }
}
