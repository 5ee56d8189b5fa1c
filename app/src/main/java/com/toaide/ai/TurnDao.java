package com.toaide.ai;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Turns, their conversation and the user's weekly count. Runs inside {@code Database.asUser}: RLS scopes every row. */
@RegisterConstructorMapper(TurnDao.WeekCount.class)
@RegisterConstructorMapper(TurnDao.TurnRow.class)
interface TurnDao {
    record WeekCount(int turnCount, Instant turnWeekStart) {}

    record ChatRow(String role, String text) {}

    record TurnRow(UUID id, String status, int applied, int rejected, String error) {}

    /** What a finished turn records (never the prompt nor the snapshot). */
    record Finish(UUID id, String status, String tier, String model, String promptVersion,
                  long inputTokens, long outputTokens, long cacheWriteTokens, long cacheReadTokens,
                  Integer firstChangeMs, int totalMs, int applied, int rejected, BigDecimal costUsd, String error) {}

    /** Locks the user's row, so two turns starting at once count one after the other. */
    @SqlQuery("select turn_count, turn_week_start from users where id = app_user_id() for update")
    Optional<WeekCount> lockWeek();

    @SqlUpdate("update users set turn_count = :count, turn_week_start = :start where id = app_user_id()")
    void countWeek(@Bind("count") int count, @Bind("start") Instant weekStart);

    /**
     * Gives back the turn started at {@code started} (it failed before changing anything), if it
     * was counted in the week still running: a turn of a week that has ended is not taken off the next.
     */
    @SqlUpdate("""
            update users set turn_count = greatest(turn_count - 1, 0)
             where id = app_user_id() and turn_week_start <= :started and turn_week_start + interval '7 days' > :now
            """)
    int giveBack(@Bind("started") Instant started, @Bind("now") Instant now);

    @SqlQuery("select count(*) from turns where started_at > :since")
    int startedSince(@Bind("since") Instant since);

    /** A turn left running by an instance that died must not block the aide for ever. */
    @SqlUpdate("""
            update turns set status = 'error', error = 'abandoned', ended_at = now()
             where aide_id = :aide and status = 'running' and started_at < :before
            """)
    int closeAbandoned(@Bind("aide") UUID aideId, @Bind("before") Instant before);

    /** Empty when a turn is already running on the aide (the partial unique index). */
    @SqlQuery("""
            insert into turns (aide_id, user_id, tier, model, prompt_version)
            values (:aide, app_user_id(), :tier, :model, :version)
            on conflict (aide_id) where status = 'running' do nothing
            returning id
            """)
    Optional<UUID> start(@Bind("aide") UUID aideId, @Bind("tier") String tier, @Bind("model") String model,
                         @Bind("version") String promptVersion);

    @SqlUpdate("""
            update turns
               set status = :status, tier = :tier, model = :model, prompt_version = :promptVersion,
                   input_tokens = :inputTokens, output_tokens = :outputTokens,
                   cache_read_tokens = :cacheReadTokens, cache_write_tokens = :cacheWriteTokens,
                   first_change_ms = :firstChangeMs, total_ms = :totalMs, applied = :applied,
                   rejected = :rejected, cost_usd = :costUsd, error = :error, ended_at = now()
             where id = :id
            """)
    void finish(@BindMethods Finish finish);

    @SqlQuery("select id, status, applied, rejected, error from turns where id = :id and aide_id = :aide")
    Optional<TurnRow> find(@Bind("aide") UUID aideId, @Bind("id") UUID turnId);


    @SqlUpdate("""
            insert into conversations (aide_id, user_id, turn_id, role, text)
            values (:aide, app_user_id(), :turn, :role, :text)
            """)
    void say(@Bind("aide") UUID aideId, @Bind("turn") UUID turnId, @Bind("role") String role, @Bind("text") String text);


    @SqlQuery("select text from conversations where turn_id = :turn and role = 'voice' order by id")
    List<String> voices(@Bind("turn") UUID turnId);
}
