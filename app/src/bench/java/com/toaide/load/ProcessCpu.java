package com.toaide.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used so far by the server process and by a PostgreSQL server (its postmaster and
 * every backend under it), read from /proc. Latency moves with whatever else the machine
 * runs; the CPU a request costs does not, so the load run reports both.
 *
 * <p>Times are in clock ticks (USER_HZ, 100 a second on Linux): a window of a minute at hundreds
 * of requests a second gives thousands of ticks, enough for a figure per request to two digits.
 */
record ProcessCpu(long serverUser, long serverSystem, long postgresUser, long postgresSystem) {
    private static final double TICK_MS = 10.0;

    /** The server's pid, and the postmaster's (the first line of postmaster.pid in its data directory); -1 for none. */
    static ProcessCpu of(long serverPid, long postmasterPid) {
        long[] server = serverPid > 0 ? ticks(serverPid) : new long[] {0, 0};
        long postgresUser = 0;
        long postgresSystem = 0;
        if (postmasterPid > 0) {
            var postgres = new ArrayList<>(descendants(postmasterPid));
            postgres.add(postmasterPid);
            for (long process : postgres) {
                long[] used = ticks(process);
                postgresUser += used[0];
                postgresSystem += used[1];
            }
        }
        return new ProcessCpu(server[0], server[1], postgresUser, postgresSystem);
    }

    ProcessCpu minus(ProcessCpu before) {
        return new ProcessCpu(serverUser - before.serverUser, serverSystem - before.serverSystem,
                // A backend that exits in the window takes its ticks with it; a new one starts at zero.
                Math.max(0, postgresUser - before.postgresUser), Math.max(0, postgresSystem - before.postgresSystem));
    }

    String perRequest(int requests) {
        if (requests == 0 || serverUser + serverSystem == 0) {
            return "CPU per request: pass --pid to measure it";
        }
        return String.format("CPU per request: server %.3f ms (user %.3f, system %.3f); PostgreSQL backends %.3f ms (user %.3f, system %.3f)",
                ms(serverUser + serverSystem, requests), ms(serverUser, requests), ms(serverSystem, requests),
                ms(postgresUser + postgresSystem, requests), ms(postgresUser, requests), ms(postgresSystem, requests));
    }

    /**
     * The CPU model and the number of logical CPUs, the way lscpu names them, and the clock the
     * virtual machine reports: machines with the same model name differ by a third in CPU per
     * edit, and the clock is the one line of /proc/cpuinfo that tells them apart
     * (docs/performance.md, thirteenth session).
     */
    static String machine() {
        try {
            List<String> cpuinfo = Files.readAllLines(Path.of("/proc/cpuinfo"));
            return field(cpuinfo, "model name", "unknown CPU") + ", " + Runtime.getRuntime().availableProcessors()
                    + " CPUs, " + field(cpuinfo, "cpu MHz", "unknown") + " MHz";
        } catch (IOException unreadable) {
            return "unknown";
        }
    }

    private static String field(List<String> cpuinfo, String name, String otherwise) {
        return cpuinfo.stream().filter(line -> line.startsWith(name))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse(otherwise);
    }

    private static double ms(long ticks, int requests) {
        return ticks * TICK_MS / requests;
    }

    /** utime and stime, fields 14 and 15 of /proc/pid/stat, counted after the command name's closing parenthesis. */
    private static long[] ticks(long pid) {
        String[] fields = afterName(pid);
        if (fields == null) {
            return new long[] {0, 0};
        }
        return new long[] {Long.parseLong(fields[11]), Long.parseLong(fields[12])};
    }

    private static List<Long> descendants(long root) {
        var children = new HashMap<Long, List<Long>>();
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            entries.map(path -> path.getFileName().toString()).filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).forEach(pid -> {
                        String[] fields = afterName(pid);
                        if (fields != null) {
                            children.computeIfAbsent(Long.parseLong(fields[1]), parent -> new ArrayList<>()).add(pid);
                        }
                    });
        } catch (IOException unreadable) {
            return List.of();
        }
        var found = new ArrayList<Long>();
        collect(root, children, found);
        return found;
    }

    private static void collect(long parent, Map<Long, List<Long>> children, List<Long> found) {
        for (long child : children.getOrDefault(parent, List.of())) {
            found.add(child);
            collect(child, children, found);
        }
    }

    /** The fields of /proc/pid/stat after "(comm)": state is [0], ppid [1], utime [11], stime [12]. */
    private static String[] afterName(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
