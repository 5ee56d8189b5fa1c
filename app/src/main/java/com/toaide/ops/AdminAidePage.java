package com.toaide.ops;

import com.toaide.platform.web.Frame;
import gg.jte.Content;

/** An aide opened by break-glass: read-only, no editing attributes, no script. */
public record AdminAidePage(Frame frame, String aideId, Content body, String pageCssUrl) {}
