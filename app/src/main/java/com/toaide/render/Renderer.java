package com.toaide.render;

import com.toaide.kernel.Entity;
import com.toaide.kernel.Snapshot;
import com.toaide.render.view.Document;
import gg.jte.Content;
import gg.jte.generated.precompiled.render.JtedocumentGenerated;
import gg.jte.html.OwaspHtmlTemplateOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Snapshot in, HTML out: the published document, the editor markup of a page, and one
 * subtree for live patches, all from the same writer. Pure and thread-safe; create one
 * and share it.
 *
 * <p>The entity markup is written by {@link PageWriter} straight from the snapshot; only the
 * published document around it is a jte template ({@code templates/render/document.jte}),
 * precompiled and called here directly, so a render costs no template lookup and no reflection.
 */
public final class Renderer {

    /**
     * The most characters one render may write: about six times the largest ordinary page
     * (5,000 entities in the editor). Past it the page is replaced by {@link #TOO_LARGE}, so a
     * stored aide cannot make a render exhaust memory, whatever events built it.
     */
    public static final int MAX_PAGE_CHARS = 3_000_000;

    /** What every render path shows in place of a page past {@link #MAX_PAGE_CHARS}. */
    public static final String TOO_LARGE = "This page is too large to show. Undo the last change, or restore an "
            + "earlier version from History; shorter texts or fewer columns will bring it back.";

    /** The published page's version: its visitors can do nothing about the size. */
    static final String TOO_LARGE_PUBLISHED = "This page is too large to show.";

    private static final String TOO_LARGE_MARKUP = PageWriter.message(TOO_LARGE);
    private static final String TOO_LARGE_DOCUMENT = PageWriter.message(TOO_LARGE_PUBLISHED);

    /** Room for the document's head besides the stylesheet: enough for a typical title, description and URLs. */
    private static final int HEAD_ROOM = 2048;
    /** The builders a page's markup and a document's head are written into (see {@link Buffers}). */
    private static final Buffers PAGES = new Buffers();
    private static final Buffers HEADS = new Buffers();

    private final String css;
    private final Content cssContent;
    /**
     * Spaces as long as the room left for a document's head. Appending them is a copy; making
     * room with setLength would fill it char by char (a twentieth of an 85-entity document).
     */
    private final String headRoom;

    public Renderer() {
        try (InputStream in = Renderer.class.getResourceAsStream("/render/page.css")) {
            if (in == null) {
                throw new IllegalStateException("render/page.css is missing from the class path");
            }
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The stylesheet is the renderer's own resource, never user data; it goes into <style>
        // as is (HTML-escaping would break its quoted font names).
        cssContent = out -> out.writeContent(css);
        headRoom = " ".repeat(css.length() + HEAD_ROOM);
    }

    /**
     * The page stylesheet, for the editor page to load beside {@link #editorBody}. It sets
     * colours, fonts and dark mode on the root, styles the entity markup under {@code .aide},
     * and lays out only the published document ({@code body.doc}), so the editor keeps its
     * own layout.
     */
    public String pageCss() {
        return css;
    }

    /** The published HTML document: no script, one inline stylesheet, the page's markup. */
    public String document(Snapshot snapshot, PageContext context) {
        // The body is written first, after room left for the document's head: the head needs what
        // the walk learns (title, description, image). Past the cap the walk goes on without
        // keeping the markup, so those facts are the same.
        int room = headRoom.length();
        StringBuilder page = PAGES.take(room + capacity(snapshot, false));
        PageFacts facts;
        try {
            page.append(headRoom);
            Markup body = new Markup(page, room + MAX_PAGE_CHARS).keepGoing();
            PageWriter writer = new PageWriter(snapshot, false, context.images(), body);
            writer.body();
            facts = writer.facts();
            if (!body.tooLarge()) {
                String document = around(page, room, snapshot, context, facts);
                if (document != null) {
                    return document;
                }
            }
        } finally {
            PAGES.giveBack(page);
        }
        StringBuilder message = new StringBuilder(room + TOO_LARGE_DOCUMENT.length()).append(headRoom);
        return around(message.append(TOO_LARGE_DOCUMENT), room, snapshot, context, facts);
    }

    /**
     * The document around the entity markup that {@code page} holds from {@code room} on, or
     * null when the whole is past the cap. The template writes the document with a mark where
     * the body goes; the part before it is copied into the room left in front of the body (or,
     * if longer, put in its place), the rest after the body, so the body is not moved. Both
     * builders are this thread's kept ones ({@link Buffers}).
     */
    private String around(StringBuilder page, int room, Snapshot snapshot, PageContext context, PageFacts facts) {
        StringBuilder head = HEADS.take(room);
        try {
            return around(page, room, snapshot, context, facts, new CappedOutput(head, MAX_PAGE_CHARS));
        } finally {
            HEADS.giveBack(head);
        }
    }

    private String around(StringBuilder page, int room, Snapshot snapshot, PageContext context, PageFacts facts,
                          CappedOutput out) {
        String title = facts.documentTitle(snapshot);
        int[] mark = new int[1];
        Document doc = new Document(
                "en",
                title,
                facts.description(title),
                context.canonicalUrl(),
                context.feedUrl(),
                facts.firstImage(),
                cssContent,
                ignored -> mark[0] = out.length(),
                context.updated() == null ? null : Dates.day(context.updated()),
                context.updated() == null ? null : context.updated().toString(),
                context.credit() == PageContext.Credit.SHOWN,
                context.landingUrl(),
                facts.hasPhotos());
        JtedocumentGenerated.render(new OwaspHtmlTemplateOutput(out), null, doc);
        int head = mark[0];
        int start = Math.max(0, room - head);
        page.replace(start, room, out.substring(0, head));
        out.appendTo(page, head);
        return page.length() - start > MAX_PAGE_CHARS ? null : page.substring(start);
    }

    /**
     * Whether the published page would show a visitor nothing: every block is removed or
     * empty (a title over nothing is not content either). Publishing such a page is refused.
     */
    public boolean publishesNothing(Snapshot snapshot) {
        StringBuilder page = PAGES.take(capacity(snapshot, false));
        try {
            PageWriter writer = new PageWriter(snapshot, false, PageImages.NONE, new Markup(page, MAX_PAGE_CHARS).keepGoing());
            writer.body();
            return writer.blocks() == 0;
        } finally {
            PAGES.giveBack(page);
        }
    }

    /**
     * The page's markup with the editing attributes ({@code data-entity}, {@code data-field},
     * {@code data-type}), without the document around it.
     */
    public String editorBody(Snapshot snapshot) {
        return editorBody(snapshot, PageImages.NONE);
    }

    /** The editor markup, showing uploaded photos through {@code images}. */
    public String editorBody(Snapshot snapshot, PageImages images) {
        return body(snapshot, true, images);
    }

    /** The page's markup as the published document has it inside {@code <main>}. */
    public String publishedBody(Snapshot snapshot) {
        return body(snapshot, false, PageImages.NONE);
    }

    private String body(Snapshot snapshot, boolean editor, PageImages images) {
        StringBuilder page = PAGES.take(capacity(snapshot, editor));
        try {
            new PageWriter(snapshot, editor, images, new Markup(page, MAX_PAGE_CHARS)).body();
            return page.toString();
        } catch (CappedOutput.TooLarge e) {
            return TOO_LARGE_MARKUP;
        } finally {
            PAGES.giveBack(page);
        }
    }

    /**
     * The markup of the block that shows {@code entityId}, for a live patch. That is the
     * entity itself, or, when it is shown as part of another block (a table row, a checklist
     * item, a grid cell) or was removed, the nearest ancestor shown as a block. Empty when no
     * such block exists (the entity was never created, or the whole page changed): send the
     * whole page then.
     */
    public Optional<Fragment> entity(Snapshot snapshot, String entityId, boolean editor) {
        return entity(snapshot, entityId, editor, PageImages.NONE);
    }

    /** As {@link #entity(Snapshot, String, boolean)}, showing uploaded photos through {@code images}. */
    public Optional<Fragment> entity(Snapshot snapshot, String entityId, boolean editor, PageImages images) {
        // The entity and its ancestors up to the first one that does not exist, nearest first.
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String id = entityId;
        while (id != null && !id.equals("root") && seen.add(id)) {
            Entity e = snapshot.entity(id);
            if (e == null) {
                break;
            }
            ids.add(id);
            id = e.parent();
        }
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder page = PAGES.take(capacity(snapshot, editor));
        try {
            return Optional.ofNullable(new PageWriter(snapshot, editor, images, new Markup(page, MAX_PAGE_CHARS)).fragment(ids));
        } finally {
            PAGES.giveBack(page);
        }
    }

    /**
     * One rendered subtree.
     *
     * @param entity the id on the fragment's root element: the element to replace
     * @param html   its markup
     */
    public record Fragment(String entity, String html) {}

    /**
     * The room a page's markup needs, so a typical page never grows its builder: growing copies
     * all it holds. Typical pages take about 145 characters per entity published and 360 in the
     * editor (its data attributes).
     */
    private static int capacity(Snapshot snapshot, boolean editor) {
        return 512 + Math.min(snapshot.entityCount(), 5_000) * (editor ? 400 : 200);
    }
}
