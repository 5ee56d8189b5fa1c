package com.toaide.ai;

import com.toaide.kernel.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The system prompt, from versioned resources in the jar ({@code prompts/v1/shared.md} plus
 * {@code deep.md} or {@code fast.md}), loaded once. The version is stored with each turn;
 * the prompt text itself never is.
 */
public final class Prompts {
    public static final String CURRENT_VERSION = "v1";

    private final String version;
    private final Map<Tier, String> instructions = new EnumMap<>(Tier.class);

    private Prompts(String version) {
        this.version = version;
        String shared = resource(version, "shared.md");
        for (Tier tier : Tier.values()) {
            instructions.put(tier, shared.strip() + "\n\n" + resource(version, tier.promptFile()).strip() + "\n");
        }
    }

    /** The current prompts. @throws IllegalStateException when a prompt file is missing from the jar */
    public static Prompts load() {
        return load(CURRENT_VERSION);
    }

    public static Prompts load(String version) {
        return new Prompts(version);
    }

    public String version() {
        return version;
    }

    /** The static instructions of a tier: the same on every turn, so the provider can cache them. */
    public String instructions(Tier tier) {
        return instructions.get(tier);
    }

    /**
     * The two system blocks of a turn: the tier's instructions (cached) and the snapshot as
     * compact JSON (not cached: it changes every turn).
     */
    public List<SystemBlock> system(Tier tier, Snapshot snapshot) {
        String json = ToolInputParser.JSON.writeValueAsString(snapshot.toJson());
        return List.of(new SystemBlock(instructions(tier), true), new SystemBlock("Current snapshot:\n" + json, false));
    }

    private static String resource(String version, String file) {
        String path = "prompts/" + version + "/" + file;
        try (InputStream in = Prompts.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("prompt " + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
