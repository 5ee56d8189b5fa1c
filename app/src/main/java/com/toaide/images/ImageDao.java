package com.toaide.images;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The images table. User queries run inside {@code Database.asUser}; row-level security scopes them. */
@RegisterConstructorMapper(ImageDao.Row.class)
interface ImageDao {

    /** {@code variants} is the stored JSON array (see {@link StoredImage}). */
    record Row(UUID id, UUID aideId, UUID userId, int width, int height, long bytes, String variants) {}

    /** Serialises uploads of one user, so two at once cannot both slip under the quota. */
    @SqlQuery("select pg_advisory_xact_lock(hashtextextended('images:' || app_user_id()::text, 0)) is not null")
    boolean lockUserUploads();

    @SqlQuery("select coalesce(sum(bytes), 0) from images")
    long bytesUsed();

    @SqlQuery("select exists (select 1 from aides where id = :aide)")
    boolean aideExists(@Bind("aide") UUID aideId);

    @SqlUpdate("""
            insert into images (id, aide_id, user_id, width, height, bytes, variants, name)
            values (:id, :aide, app_user_id(), :width, :height, :bytes, cast(:variants as jsonb), :name)
            """)
    void insert(@Bind("id") UUID id, @Bind("aide") UUID aideId, @Bind("width") int width,
                @Bind("height") int height, @Bind("bytes") long bytes, @Bind("variants") String variants,
                @Bind("name") String name);

    /** The aide's newest photos first, as an AI turn is offered them. */
    @SqlQuery("""
            select id, width, height, name, created_at from images
             where aide_id = :aide order by created_at desc, id limit :limit
            """)
    @RegisterConstructorMapper(ImageService.Offered.class)
    List<ImageService.Offered> newest(@Bind("aide") UUID aideId, @Bind("limit") int limit);

    @SqlQuery("""
            select id, aide_id, user_id, width, height, bytes, variants::text as variants
              from images where id = :id and aide_id = :aide
            """)
    Optional<Row> find(@Bind("aide") UUID aideId, @Bind("id") UUID id);

    @SqlQuery("""
            select id, aide_id, user_id, width, height, bytes, variants::text as variants
              from images where aide_id = :aide order by created_at, id
            """)
    List<Row> ofAide(@Bind("aide") UUID aideId);

    @SqlUpdate("delete from images where id = :id and aide_id = :aide")
    int delete(@Bind("aide") UUID aideId, @Bind("id") UUID id);

    /** System path, for the orphan sweep: which of these ids still have a row. */
    @SqlQuery("select id from images where id = any(:ids)")
    List<UUID> existing(@Bind("ids") UUID[] ids);
}
