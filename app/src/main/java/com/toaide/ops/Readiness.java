package com.toaide.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the named dependency checks side by side and answers within a fixed budget even when a
 * dependency hangs: a check still running when the budget ends counts as down ("timeout").
 */
public final class Readiness implements AutoCloseable {
    /** A check passes by returning; it fails by throwing. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    public record Report(boolean ready, Map<String, String> checks) {}

    private final Map<String, Check> checks;
    private final long budgetMillis;
    // Daemon threads: a check stuck on a dead socket must never keep the JVM from stopping.
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "readiness-check");
        thread.setDaemon(true);
        return thread;
    });

    public Readiness(Map<String, Check> checks, long budgetMillis) {
        this.checks = checks;
        this.budgetMillis = budgetMillis;
    }

    public Report check() {
        var running = new LinkedHashMap<String, CompletableFuture<String>>();
        checks.forEach((name, check) -> running.put(name, CompletableFuture.supplyAsync(() -> {
            try {
                check.run();
                return "ok";
            } catch (Exception e) {
                return "down";
            }
        }, executor)));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
        var results = new LinkedHashMap<String, String>();
        running.forEach((name, future) -> results.put(name, await(future, deadline)));
        boolean ready = results.values().stream().allMatch("ok"::equals);
        return new Report(ready, results);
    }

    private static String await(CompletableFuture<String> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return "timeout";
        } catch (Exception e) {
            return "down";
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
