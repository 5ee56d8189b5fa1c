package com.toaide.ops;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(AuditEntry.class)
interface BreakGlassDao {
    /** User path: whether the signed-in user is an admin (set by hand in the database). */
    @SqlQuery("select is_admin from users where id = app_user_id()")
    Optional<Boolean> isAdmin();

    /** System path. The owner is looked up in the same statement; null when the aide does not exist. */
    @SqlQuery("""
            insert into audit_log (admin_id, aide_id, owner_id, action, reason)
            values (:admin, :aide, (select user_id from aides where id = :aide), :action, :reason)
            returning id
            """)
    long record(@Bind("admin") UUID admin, @Bind("aide") UUID aide, @Bind("action") String action, @Bind("reason") String reason);

    /**
     * System path, for break-glass only: the aide's snapshot, read after the access was
     * recorded. (Ops reads the aides table itself because the aides feature offers no
     * system-path read, and must not: this is the one place that needs it.)
     */
    @SqlQuery("select state::text from aides where id = :aide")
    Optional<String> snapshotJson(@Bind("aide") UUID aide);

    @SqlQuery("""
            select id, admin_id, aide_id, owner_id, action, reason, created_at
            from audit_log
            order by id desc
            limit :limit
            """)
    List<AuditEntry> newest(@Bind("limit") int limit);
}
