package com.toaide.ops;

import com.toaide.platform.web.Layout;
import java.util.List;

/** {@code /admin}: the form to open an aide (with the reason step once an id is given) and the audit log. */
public record AdminPage(Layout layout, String aideId, List<AuditEntry> entries, int reasonMin, int reasonMax) {}
