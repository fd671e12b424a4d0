package io.fidelis.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboard's sessions, kept by Spring Session: on a PostgreSQL store in its tables {@code service_sessions} and
 * {@code service_sessions_attributes} (migration V6), so that every service on the store knows every session and one
 * ended on any service (signed out, or a password changed or reset) is ended on all; each service deletes expired
 * ones every minute ({@code fidelis.sessions.cleanup-cron}). On the workspace's DuckDB, which one process holds, in this process's memory.
 *
 * <p>A session's bearer token is {@code ses_<session id>.<secret>}: the store keeps the id and only a hash of the
 * secret, so whoever reads the table cannot sign in with what they read. The dashboard sends the token in the {@code
 * Authorization} header (no cookie, so nothing for CSRF to ride on); Spring Session's request filter is not used.
 */
@Component
class DashboardSessions implements DisposableBean {

    private static final String USER = FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME;
    private static final String ROLE = "fidelis.role";
    private static final String EXPIRES = "fidelis.expires";
    private static final String SINCE = "fidelis.since";
    private static final String SECRET = "fidelis.secret-sha256";
    private static final String PREFIX = "ses_";

    private final SessionRepository<Session> repository;
    private final Function<String, Collection<Session>> ofUser;
    private final JdbcIndexedSessionRepository jdbc;

    /**
     * @param cleanup when expired sessions in the store are deleted, as Spring's cron ({@code
     *     fidelis.sessions.cleanup-cron}, every minute; {@code -} never)
     */
    DashboardSessions(Workspace workspace, @Value("${fidelis.sessions.cleanup-cron:0 * * * * *}") String cleanup) {
        Optional<DataSource> shared = workspace.book.sharedDatabase();
        if (shared.isPresent()) {
            this.jdbc = inPostgres(shared.get(), cleanup);
            this.repository = repositoryOf(jdbc);
            this.ofUser =
                    user -> List.<Session>copyOf(jdbc.findByPrincipalName(user).values());
        } else {
            Map<String, Session> kept = new ConcurrentHashMap<>();
            MapSessionRepository memory = new MapSessionRepository(kept);
            memory.setDefaultMaxInactiveInterval(Accounts.SESSION);
            this.jdbc = null;
            this.repository = repositoryOf(memory);
            this.ofUser = user -> kept.values().stream()
                    .filter(s -> user.equals(s.getAttribute(USER)))
                    .toList();
        }
    }

    private static JdbcIndexedSessionRepository inPostgres(DataSource pool, String cleanup) {
        JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(
                new JdbcTemplate(pool), new TransactionTemplate(new DataSourceTransactionManager(pool)));
        sessions.setTableName("service_sessions");
        sessions.setDefaultMaxInactiveInterval(Accounts.SESSION);
        new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(sessions);
        sessions.setCleanupCron(cleanup);
        // schedules the deletion of expired sessions, stopped by destroy()
        sessions.afterPropertiesSet();
        return sessions;
    }

    /** Spring Session's repositories take back only the sessions they made, which is all this class gives them. */
    @SuppressWarnings("unchecked")
    private static SessionRepository<Session> repositoryOf(SessionRepository<? extends Session> repository) {
        return (SessionRepository<Session>) repository;
    }

    /** Begins a session of {@code user} that ends at {@code expires}; its bearer token. */
    String begin(String user, Role role, Instant now, Instant expires) {
        String secret = Accounts.secret();
        Session session = repository.createSession();
        session.setAttribute(USER, user);
        session.setAttribute(ROLE, role.code());
        session.setAttribute(SINCE, now);
        session.setAttribute(EXPIRES, expires);
        session.setAttribute(SECRET, Accounts.sha256(secret));
        repository.save(session);
        return PREFIX + session.getId() + "." + secret;
    }

    /** Whether {@code token} has the form of a session's (else it may be an API token). */
    static boolean isSession(String token) {
        return token.startsWith(PREFIX);
    }

    /** The session of a bearer token, while it has not ended at {@code now}. */
    Optional<Accounts.Session> find(String token, Instant now) {
        return stored(token).flatMap(session -> {
            Accounts.Session found = new Accounts.Session(
                    session.getAttribute(USER),
                    Role.of(session.getAttribute(ROLE)),
                    session.getAttribute(EXPIRES),
                    session.getAttribute(SINCE));
            if (found.expires().isAfter(now)) {
                return Optional.of(found);
            }
            repository.deleteById(session.getId());
            return Optional.empty();
        });
    }

    /** Ends the session of a bearer token, if it is one. */
    void end(String token) {
        stored(token).ifPresent(session -> repository.deleteById(session.getId()));
    }

    /** Ends {@code user}'s sessions but that of {@code kept} (a bearer token, or null), which counts from {@code at}. */
    int endOf(String user, String kept, Instant at) {
        String keptId = stored(kept).map(Session::getId).orElse(null);
        int ended = 0;
        for (Session session : ofUser.apply(user)) {
            if (session.getId().equals(keptId)) {
                session.setAttribute(SINCE, at);
                repository.save(session);
            } else {
                repository.deleteById(session.getId());
                ended++;
            }
        }
        return ended;
    }

    /** Ends the sessions that began before their user's password was last changed (by name). */
    void endBefore(Map<String, Instant> changed) {
        for (Map.Entry<String, Instant> user : changed.entrySet()) {
            for (Session session : ofUser.apply(user.getKey())) {
                Instant since = session.getAttribute(SINCE);
                if (since.isBefore(user.getValue())) {
                    repository.deleteById(session.getId());
                }
            }
        }
    }

    /** The stored session a bearer token names, if its secret is right. */
    private Optional<Session> stored(String token) {
        if (token == null || !isSession(token)) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0 || dot - PREFIX.length() > 64) {
            return Optional.empty();
        }
        Session session = repository.findById(token.substring(PREFIX.length(), dot));
        if (session == null) {
            return Optional.empty();
        }
        String secret = session.getAttribute(SECRET);
        boolean right = secret != null
                && MessageDigest.isEqual(
                        secret.getBytes(StandardCharsets.UTF_8),
                        Accounts.sha256(token.substring(dot + 1)).getBytes(StandardCharsets.UTF_8));
        return right ? Optional.of(session) : Optional.empty();
    }

    @Override
    public void destroy() {
        if (jdbc != null) {
            jdbc.destroy();
        }
    }
}
