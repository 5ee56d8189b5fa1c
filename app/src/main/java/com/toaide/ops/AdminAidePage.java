package com.toaide.ops;

import com.toaide.platform.web.Layout;
import gg.jte.Content;

/** An aide opened by break-glass: read-only, no editing attributes, no script. */
public record AdminAidePage(Layout layout, String aideId, Content body, String pageCssUrl) {}
