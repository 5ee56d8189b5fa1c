package com.toaide.ai;

import com.toaide.kernel.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The system prompt, from versioned resources in the jar ({@code prompts/v2/shared.md} plus
 * {@code deep.md} or {@code fast.md}), loaded once. The version is stored with each turn;
 * the prompt text itself never is.
 *
 * <p>A turn's system prompt is two blocks: the tier's instructions, byte-identical on every
 * turn and every day so the provider can cache them ({@link PromptCache}), then today's date
 * and the {@link PageView} with the {@link UploadedPhotos}, which change and are never cached.
 */
public final class Prompts {
    public static final String CURRENT_VERSION = "v2";

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

    /** The system blocks of a turn on an aide without uploaded photos. */
    public List<SystemBlock> system(Tier tier, Snapshot snapshot, LocalDate today) {
        return system(tier, snapshot, List.of(), today);
    }

    /**
     * The system blocks of a turn: the tier's instructions (cached), then the date, the page and
     * the photos uploaded to it (not cached).
     */
    public List<SystemBlock> system(Tier tier, Snapshot snapshot, List<UploadedPhotos.Photo> photos, LocalDate today) {
        String context = dateLine(today) + "\nThe page now:\n" + PageView.of(snapshot, PageView.DEFAULT_BUDGET_TOKENS)
                + UploadedPhotos.of(snapshot, photos);
        return List.of(new SystemBlock(instructions(tier), true), new SystemBlock(context, false));
    }

    /** A whole turn's request on an aide without uploaded photos. */
    public TurnRequest request(String model, Tier tier, Snapshot snapshot, List<Message> window, LocalDate today) {
        return request(model, tier, snapshot, List.of(), window, today);
    }

    /** A whole turn's request: the tier's prompt and tools, the window, every answer as tool calls. */
    public TurnRequest request(String model, Tier tier, Snapshot snapshot, List<UploadedPhotos.Photo> photos,
                               List<Message> window, LocalDate today) {
        return TurnRequest.of(model, system(tier, snapshot, photos, today), Tools.forTier(tier), window);
    }

    /** "Today is Wednesday 2026-12-02." Dates on the page are resolved from it (prompts v2, "Dates"). */
    static String dateLine(LocalDate today) {
        return "Today is " + today.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + today + ".\n";
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
