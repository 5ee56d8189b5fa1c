package com.toaide.auth;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Magic links and first sign-ins. System path only: no user is signed in yet. */
interface MagicLinkDao {
    @SqlUpdate("""
            insert into magic_links (email, token_hash, ip, expires_at)
            values (:email, :tokenHash, :ip, now() + make_interval(mins => :minutes))
            """)
    void create(@Bind("email") String email, @Bind("tokenHash") byte[] tokenHash, @Bind("ip") String ip, @Bind("minutes") int minutes);

    /** Burns the link if it is unused and unexpired; two concurrent calls cannot both get the email. */
    @SqlQuery("""
            update magic_links
               set used = true, used_at = now()
             where token_hash = :tokenHash and used = false and expires_at > now()
            returning email
            """)
    Optional<String> consume(@Bind("tokenHash") byte[] tokenHash);

    /** The address of a link that is unused and unexpired; reads only. */
    @SqlQuery("select email from magic_links where token_hash = :tokenHash and used = false and expires_at > now()")
    Optional<String> pendingEmail(@Bind("tokenHash") byte[] tokenHash);

    /** Why a link could not be consumed: "used", "expired", or empty when no such link exists. */
    @SqlQuery("""
            select case when used then 'used' else 'expired' end
              from magic_links
             where token_hash = :tokenHash
            """)
    Optional<String> state(@Bind("tokenHash") byte[] tokenHash);

    /**
     * Users are created only here, on the system path (aide_app cannot insert users).
     * Answers 1 when the account is new, 0 when it existed.
     */
    @SqlUpdate("insert into users (email) values (:email) on conflict (email) do nothing")
    int createUser(@Bind("email") String email);

    @SqlQuery("select id from users where email = :email")
    UUID userId(@Bind("email") String email);
}
