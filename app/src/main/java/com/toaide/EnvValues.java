package com.toaide;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading {@link Config}'s values from the environment: each reader returns a usable value and,
 * when the variable's value is bad, adds a problem in the words the operator sees, so start-up
 * can name every problem at once.
 */
final class EnvValues {
    private EnvValues() {}

    /** Returns the values of every variable in the group, none of them, or records which are missing. */
    static Optional<List<String>> allOrNothing(Vars vars, List<String> names, List<String> problems) {
        var present = names.stream().filter(name -> vars.get(name).isPresent()).toList();
        if (present.isEmpty()) {
            return Optional.empty();
        }
        if (present.size() < names.size()) {
            names.stream().filter(name -> !present.contains(name))
                    .forEach(name -> problems.add(name + " is missing (set together with " + String.join(", ", present) + ")"));
            return Optional.empty();
        }
        return Optional.of(names.stream().map(name -> vars.get(name).orElseThrow()).toList());
    }

    static long seconds(Vars vars, String name, long fallback, List<String> problems) {
        var value = vars.get(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long seconds = Long.parseLong(value.get());
            if (seconds >= 1 && seconds <= 86_400) {
                return seconds;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(name + " must be a number of seconds from 1 to 86400");
        return fallback;
    }

    /** How many proxies of ours stand in front: {@code true} is one (Railway's), {@code false} none. */
    static int parseProxies(String value, List<String> problems) {
        switch (value) {
            case "true": return 1;
            case "false": return 0;
            default:
                try {
                    int proxies = Integer.parseInt(value);
                    if (proxies >= 0 && proxies <= 5) {
                        return proxies;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                problems.add("TRUSTED_PROXY must be true, false or a number of proxies from 0 to 5");
                return 0;
        }
    }

    static int parsePort(String value, List<String> problems) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add("PORT must be a number from 0 to 65535");
        return 0;
    }

    static URI parseUrl(String name, String value, List<String> problems) {
        try {
            var uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        problems.add(name + " must be an http(s) URL");
        return URI.create("http://invalid");
    }

    /** Blank values count as unset, so `FOO=` in a .env file means "use the default". */
    record Vars(Map<String, String> env) {
        Optional<String> get(String name) {
            return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
        }
    }
}
