package com.toaide.publish;

/** What a publish answers: the page's public URL (it never changes) and the new version. */
public record Published(String url, int version) {}
