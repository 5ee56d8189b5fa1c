package com.toaide.platform.mail;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(OutboxEmail.class)
interface OutboxDao {
    @SqlUpdate("insert into outbox (recipient, subject, body, link) values (:to, :subject, :body, :link)")
    void add(@Bind("to") String to, @Bind("subject") String subject, @Bind("body") String body, @Bind("link") String link);

    @SqlQuery("select recipient, subject, body, link, created_at from outbox order by id desc limit :limit")
    List<OutboxEmail> newest(@Bind("limit") int limit);
}
