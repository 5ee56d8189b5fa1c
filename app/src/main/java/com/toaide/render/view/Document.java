package com.toaide.render.view;

import gg.jte.Content;

/**
 * The published document around the entity markup ({@code body}, written by PageWriter). URLs may be null (then their tags are left
 * out). {@code css} is the renderer's own stylesheet, never user data. {@code ownImages}: the page
 * shows uploaded photos published beside it, so its policy lets images load from its own origin.
 */
public record Document(String lang, String title, String description, String canonical,
                       String feed, String image, Content css, Content body, String updated,
                       String updatedIso, boolean badge, String landing, boolean ownImages) {}
