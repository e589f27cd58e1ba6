package io.daprj.components.core.pubsub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.daprj.components.core.sqlite.SqliteConnections;
import io.daprj.spi.pubsub.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of the SQLite broker. {@code pubsub_messages} holds every message once; {@code pubsub_groups} holds, per
 * topic and consumer group, the id of the last message handed to the group; {@code pubsub_pending} holds the messages
 * a group took but has not finished, each with its claim ({@code owner}, {@code lease_until} in epoch millis). A
 * message whose lease has run out is free for any consumer of the group; finishing a message deletes its pending row.
 * Every method runs on a connection the caller holds (claims inside a transaction).
 */
final class SqliteQueueTables {

    /** A message claimed for one delivery: its row id and which delivery this is (1 for the first). */
    record Claimed(long id, int attempt, Message message) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final SqliteConnections db;

    SqliteQueueTables(SqliteConnections db) {
        this.db = db;
    }

    void createIfMissing(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE IF NOT EXISTS pubsub_messages (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                    + " topic TEXT NOT NULL, data BLOB NOT NULL, content_type TEXT, metadata TEXT NOT NULL,"
                    + " published_at INTEGER NOT NULL)");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS pubsub_messages_topic ON pubsub_messages (topic, id)");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS pubsub_groups (topic TEXT NOT NULL, group_id TEXT NOT NULL,"
                    + " cursor INTEGER NOT NULL, PRIMARY KEY (topic, group_id))");
            s.executeUpdate("CREATE TABLE IF NOT EXISTS pubsub_pending (group_id TEXT NOT NULL,"
                    + " message_id INTEGER NOT NULL, topic TEXT NOT NULL, owner TEXT, lease_until INTEGER NOT NULL,"
                    + " attempts INTEGER NOT NULL, PRIMARY KEY (group_id, message_id))");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS pubsub_pending_due ON pubsub_pending"
                    + " (topic, group_id, lease_until)");
            s.executeUpdate("CREATE INDEX IF NOT EXISTS pubsub_pending_message ON pubsub_pending (message_id)");
        }
    }

    void insert(Connection c, String topic, byte[] data, String contentType, Map<String, String> metadata, long now)
            throws SQLException {
        try (PreparedStatement ps = db.prepare(c, "INSERT INTO pubsub_messages"
                + " (topic, data, content_type, metadata, published_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, topic);
            ps.setBytes(2, data);
            ps.setString(3, contentType);
            ps.setString(4, toJson(metadata));
            ps.setLong(5, now);
            ps.executeUpdate();
        }
    }

    /** Creates the group at the start of the topic's retained history, unless it exists. */
    void joinGroup(Connection c, String topic, String group) throws SQLException {
        try (PreparedStatement ps = db.prepare(c,
                "INSERT OR IGNORE INTO pubsub_groups (topic, group_id, cursor) VALUES (?, ?, 0)")) {
            ps.setString(1, topic);
            ps.setString(2, group);
            ps.executeUpdate();
        }
    }

    /** A cheap read-only check, so idle pollers never take the write lock. */
    boolean hasWork(Connection c, String topic, String group, long now) throws SQLException {
        try (PreparedStatement ps = db.prepare(c, "SELECT EXISTS (SELECT 1 FROM pubsub_messages WHERE topic = ?"
                + " AND id > COALESCE((SELECT cursor FROM pubsub_groups WHERE topic = ? AND group_id = ?), 0))"
                + " OR EXISTS (SELECT 1 FROM pubsub_pending WHERE topic = ? AND group_id = ? AND lease_until <= ?)")) {
            ps.setString(1, topic);
            ps.setString(2, topic);
            ps.setString(3, group);
            ps.setString(4, topic);
            ps.setString(5, group);
            ps.setLong(6, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * Claims up to {@code max} messages for {@code owner} until {@code leaseUntil}: first those whose lease ran out
     * (failed or abandoned), then new ones past the group's cursor, which moves on. Must run in a transaction.
     */
    List<Claimed> claim(Connection c, String topic, String group, String owner, int max, long now, long leaseUntil)
            throws SQLException {
        List<long[]> taken = new ArrayList<>(); // {message id, attempt}
        try (PreparedStatement ps = db.prepare(c, "SELECT message_id, attempts FROM pubsub_pending WHERE topic = ?"
                + " AND group_id = ? AND lease_until <= ? ORDER BY message_id LIMIT ?")) {
            ps.setString(1, topic);
            ps.setString(2, group);
            ps.setLong(3, now);
            ps.setInt(4, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(new long[] {rs.getLong(1), rs.getInt(2) + 1});
                }
            }
        }
        try (PreparedStatement ps = db.prepare(c, "UPDATE pubsub_pending SET owner = ?, lease_until = ?,"
                + " attempts = attempts + 1 WHERE group_id = ? AND message_id = ?")) {
            for (long[] t : taken) {
                ps.setString(1, owner);
                ps.setLong(2, leaseUntil);
                ps.setString(3, group);
                ps.setLong(4, t[0]);
                ps.executeUpdate();
            }
        }
        if (taken.size() < max) {
            takeNew(c, topic, group, owner, max - taken.size(), leaseUntil, taken);
        }
        return load(c, group, taken);
    }

    private void takeNew(Connection c, String topic, String group, String owner, int max, long leaseUntil,
            List<long[]> taken) throws SQLException {
        List<Long> fresh = new ArrayList<>();
        try (PreparedStatement ps = db.prepare(c, "SELECT id FROM pubsub_messages WHERE topic = ? AND id >"
                + " (SELECT cursor FROM pubsub_groups WHERE topic = ? AND group_id = ?) ORDER BY id LIMIT ?")) {
            ps.setString(1, topic);
            ps.setString(2, topic);
            ps.setString(3, group);
            ps.setInt(4, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getLong(1));
                }
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = db.prepare(c, "INSERT INTO pubsub_pending"
                + " (group_id, message_id, topic, owner, lease_until, attempts) VALUES (?, ?, ?, ?, ?, 1)")) {
            for (long id : fresh) {
                ps.setString(1, group);
                ps.setLong(2, id);
                ps.setString(3, topic);
                ps.setString(4, owner);
                ps.setLong(5, leaseUntil);
                ps.executeUpdate();
                taken.add(new long[] {id, 1});
            }
        }
        try (PreparedStatement ps = db.prepare(c,
                "UPDATE pubsub_groups SET cursor = ? WHERE topic = ? AND group_id = ?")) {
            ps.setLong(1, fresh.getLast());
            ps.setString(2, topic);
            ps.setString(3, group);
            ps.executeUpdate();
        }
    }

    private List<Claimed> load(Connection c, String group, List<long[]> taken) throws SQLException {
        if (taken.isEmpty()) {
            return List.of();
        }
        taken.sort((a, b) -> Long.compare(a[0], b[0]));
        String marks = String.join(",", Collections.nCopies(taken.size(), "?"));
        Map<Long, Message> found = new java.util.HashMap<>();
        try (PreparedStatement ps = db.prepare(c, "SELECT id, topic, data, content_type, metadata"
                + " FROM pubsub_messages WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < taken.size(); i++) {
                ps.setLong(i + 1, taken.get(i)[0]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] data = rs.getBytes(3);
                    found.put(rs.getLong(1), new Message(rs.getString(2), data == null ? new byte[0] : data,
                            Optional.ofNullable(rs.getString(4)), fromJson(rs.getString(5))));
                }
            }
        }
        List<Claimed> claimed = new ArrayList<>();
        for (long[] t : taken) {
            Message m = found.get(t[0]);
            if (m == null) {
                finish(c, group, t[0]); // the message is gone (deleted by hand): nothing left to deliver
            } else {
                claimed.add(new Claimed(t[0], (int) t[1], m));
            }
        }
        return claimed;
    }

    /** The group is done with the message. */
    void finish(Connection c, String group, long messageId) throws SQLException {
        try (PreparedStatement ps = db.prepare(c,
                "DELETE FROM pubsub_pending WHERE group_id = ? AND message_id = ?")) {
            ps.setString(1, group);
            ps.setLong(2, messageId);
            ps.executeUpdate();
        }
    }

    /** Gives a claimed message back, visible to the group again at {@code visibleAt}. */
    void release(Connection c, String group, long messageId, String owner, long visibleAt) throws SQLException {
        try (PreparedStatement ps = db.prepare(c, "UPDATE pubsub_pending SET owner = NULL, lease_until = ?"
                + " WHERE group_id = ? AND message_id = ? AND owner = ?")) {
            ps.setLong(1, visibleAt);
            ps.setString(2, group);
            ps.setLong(3, messageId);
            ps.setString(4, owner);
            ps.executeUpdate();
        }
    }

    /** Extends the claims {@code owner} still holds on {@code messageIds}. */
    void renew(Connection c, String group, String owner, Collection<Long> messageIds, long leaseUntil)
            throws SQLException {
        try (PreparedStatement ps = db.prepare(c, "UPDATE pubsub_pending SET lease_until = ?"
                + " WHERE group_id = ? AND message_id = ? AND owner = ?")) {
            for (long id : messageIds) {
                ps.setLong(1, leaseUntil);
                ps.setString(2, group);
                ps.setLong(3, id);
                ps.setString(4, owner);
                ps.executeUpdate();
            }
        }
    }

    /**
     * Deletes messages published before {@code cutoff} that no group still needs: none holds them pending and every
     * group of their topic has moved past them. Returns how many went.
     */
    int deleteRetained(Connection c, long cutoff) throws SQLException {
        try (PreparedStatement ps = db.prepare(c, "DELETE FROM pubsub_messages WHERE published_at < ?"
                + " AND NOT EXISTS (SELECT 1 FROM pubsub_pending p WHERE p.message_id = pubsub_messages.id)"
                + " AND NOT EXISTS (SELECT 1 FROM pubsub_groups g WHERE g.topic = pubsub_messages.topic"
                + " AND g.cursor < pubsub_messages.id)")) {
            ps.setLong(1, cutoff);
            return ps.executeUpdate();
        }
    }

    private static String toJson(Map<String, String> metadata) {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("publish metadata cannot be stored: " + e.getMessage(), e);
        }
    }

    private static Map<String, String> fromJson(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            return Map.of(); // metadata is advisory; the payload still goes out
        }
    }
}
