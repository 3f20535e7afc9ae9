package io.tokenmetrics.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * OpenCode's SQLite database ({@code opencode.db}, version 1.2 on): its {@code message} table's
 * rows ({@code id}, {@code session_id}, {@code data}: the message without its id and session,
 * sst/opencode {@code session.sql.ts}) written as the message files of earlier versions, one JSON
 * object a line, for the usage aggregation to read as OpenCode messages. Opened read-only.
 */
final class OpenCodeDatabase {
    /** The mapper and a writer of one message a line: made only when a database is read (a tenth of a second of start-up otherwise). */
    private static final class Mapper {
        static final ObjectMapper MAPPER = io.tokenmetrics.internal.Json.mapper();
        static final com.fasterxml.jackson.databind.ObjectWriter LINE = MAPPER.writer()
                .without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    }

    private OpenCodeDatabase() {
    }

    /** Whether {@code file} is a SQLite database, by its first 16 bytes. */
    static boolean isSqlite(Path file) {
        byte[] head = new byte[16];
        try (java.io.InputStream in = Files.newInputStream(file)) {
            int n = in.read(head);
            return n == 16 && new String(head, StandardCharsets.US_ASCII).equals("SQLite format 3\u0000");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The messages of {@code db} as a JSON Lines file in {@code dir}, named after the database
     * ({@code opencode.db.jsonl}).
     *
     * @throws CliException naming the database when it cannot be read, or a row is not JSON
     */
    static Path messages(Path db, Path dir) {
        Path out = dir.resolve(db.getFileName() + ".jsonl");
        String url = "jdbc:sqlite:" + db.toAbsolutePath();
        org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection(url, config.toProperties());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT id, session_id, data FROM message ORDER BY time_created, id");
                BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            long row = 0;
            while (r.next()) {
                row++;
                JsonNode data;
                try {
                    data = Mapper.MAPPER.readTree(r.getString(3));
                } catch (IOException e) {
                    throw new CliException(Main.DATA_ERROR, db + ": message " + r.getString(1) + " (row " + row + "): its data is not JSON: "
                            + io.tokenmetrics.internal.Json.shortMessage(e.getMessage()), e);
                }
                if (!(data instanceof ObjectNode)) {
                    throw new CliException(Main.DATA_ERROR, db + ": message " + r.getString(1) + " (row " + row + "): its data is not a JSON object",
                            null);
                }
                ObjectNode o = (ObjectNode) data;
                // the columns the data leaves out, as the message files write them
                o.put("id", r.getString(1));
                o.put("sessionID", r.getString(2));
                w.write(Mapper.LINE.writeValueAsString(o));
                w.write('\n');
            }
        } catch (SQLException e) {
            throw new CliException(Main.DATA_ERROR, db + ": cannot read it as OpenCode's database: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new CliException(Main.DATA_ERROR, "cannot write " + out + ": " + io.tokenmetrics.internal.IoErrors.reason(e), e);
        }
        return out;
    }
}
