/**
 * The renderer: a snapshot in, HTML out (docs/architecture.md). It owns the walk of the entity tree,
 * display inference, value formatting, the published document (its CSP, meta tags, inline
 * stylesheet and footer), the editor markup and the {@code render} command of the jar.
 *
 * <p>Pure: no database, no clock (the "Updated" date comes in through {@link
 * com.toaide.render.PageContext}), no network, no static mutable state.
 *
 * <p>May import: {@code com.toaide.kernel}, jte ({@code gg.jte}, including the templates it
 * precompiles from {@code templates/render/}), Jackson and the JDK. No feature package, no
 * framework.
 *
 * <p>Entry points: {@link com.toaide.render.Renderer} and {@link com.toaide.render.RenderCommand}.
 */
package com.toaide.render;
