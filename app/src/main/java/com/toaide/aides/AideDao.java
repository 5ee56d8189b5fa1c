package com.toaide.aides;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(AideSummary.class)
interface AideDao {
    /** RLS limits this to the current user's aides. */
    @SqlQuery("""
            select id, coalesce(title, '') as title, status, slug, updated_at
              from aides
             where status = 'active'
             order by updated_at desc
            """)
    List<AideSummary> listActive();
}
