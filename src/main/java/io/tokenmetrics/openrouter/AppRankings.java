package io.tokenmetrics.openrouter;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One response of OpenRouter's {@code app-rankings} endpoint: the top public apps by tokens
 * ({@code prompt_tokens + completion_tokens}) in a date window, with the endpoint's own citation
 * line, "Source: OpenRouter (openrouter.ai/apps), as of {as_of}." Unknown fields are ignored (the
 * API may add some); the fields used are required and checked, each error naming the file and
 * JSON path. Immutable and thread-safe.
 */
public final class AppRankings {
    /** One app of the ranking. Immutable. */
    public static final class App {
        private final long id;
        private final String name;
        private final int rank;
        private final long requests;
        private final long tokens;

        App(long id, String name, int rank, long requests, long tokens) {
            this.id = id;
            this.name = name;
            this.rank = rank;
            this.requests = requests;
            this.tokens = tokens;
        }

        /**
         * OpenRouter's stable numeric id of the app.
         *
         * @return the app id
         */
        public long id() {
            return id;
        }

        /**
         * The public display name.
         *
         * @return the name
         */
        public String name() {
            return name;
        }

        /**
         * The 1-based rank OpenRouter gives (absolute: the first row of {@code offset=50} is 51).
         *
         * @return the rank
         */
        public int rank() {
            return rank;
        }

        /**
         * Requests attributed to the app in the window.
         *
         * @return the requests
         */
        public long requests() {
            return requests;
        }

        /**
         * Tokens attributed to the app in the window.
         *
         * @return the tokens
         */
        public long tokens() {
            return tokens;
        }

        @Override
        public String toString() {
            return rank + ". " + name + " (" + id + "): " + tokens + " tokens, " + requests + " requests";
        }
    }

    private final List<App> apps;
    private final LocalDate start;
    private final LocalDate end;
    private final String asOf;

    private AppRankings(List<App> apps, LocalDate start, LocalDate end, String asOf) {
        this.apps = apps;
        this.start = start;
        this.end = end;
        this.asOf = asOf;
    }

    /**
     * Reads one saved response.
     *
     * @param file the file
     * @return the ranking
     * @throws IOException if the file cannot be opened or read
     * @throws MalformedResponseException if it is not a valid response, with the JSON path
     */
    public static AppRankings read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(Objects.requireNonNull(file, "file"))) {
            return parse(in, file.toString());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Reads one response from {@code in}, naming it {@code name} in errors.
     *
     * @param in the stream to read
     * @param name the name, for messages
     * @return the ranking
     * @throws MalformedResponseException if it is not a valid response, with the JSON path
     */
    public static AppRankings parse(InputStream in, String name) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        JsonNode root = Responses.root(in, name);
        JsonNode meta = root.get("meta");
        if (meta == null || !meta.isObject()) {
            throw new MalformedResponseException(name + ": $.meta: expected an object with as_of, start_date and end_date");
        }
        String asOf = Responses.text(meta, name, "$.meta", "as_of");
        try {
            OffsetDateTime.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException(name + ": $.meta.as_of: \"" + Responses.abbreviate(asOf) + "\" is not an ISO-8601 time with an offset"
                    + " (2026-05-12T02:00:00Z); every figure must be cited with it", e);
        }
        LocalDate start = date(meta, name, "start_date");
        LocalDate end = date(meta, name, "end_date");
        if (end.isBefore(start)) {
            throw new MalformedResponseException(name + ": $.meta.end_date: " + end + " is before start_date " + start);
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isArray()) {
            throw new MalformedResponseException(name + ": $.data: expected an array");
        }
        List<App> apps = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        Set<Integer> ranks = new HashSet<>();
        for (int i = 0; i < data.size(); i++) {
            String p = "$.data[" + i + "]";
            JsonNode r = data.get(i);
            if (r == null || !r.isObject()) {
                throw new MalformedResponseException(name + ": " + p + ": expected an object");
            }
            long id = Responses.whole(r, name, p, "app_id", false, "a whole number >= 0");
            String appName = Responses.text(r, name, p, "app_name");
            long rank = Responses.whole(r, name, p, "rank", false, "a whole number >= 0");
            if (rank < 1 || rank > Integer.MAX_VALUE) {
                throw new MalformedResponseException(name + ": " + p + ".rank: " + rank + " is not a rank (1 or more)");
            }
            long requests = Responses.whole(r, name, p, "total_requests", false, "a whole number >= 0");
            long tokens = Responses.whole(r, name, p, "total_tokens", true, "a whole number >= 0");
            if (!ids.add(id)) {
                throw new MalformedResponseException(name + ": " + p + ".app_id: app " + id + " appears twice in one response");
            }
            if (!ranks.add((int) rank)) {
                throw new MalformedResponseException(name + ": " + p + ".rank: rank " + rank + " appears twice in one response");
            }
            apps.add(new App(id, appName, (int) rank, requests, tokens));
        }
        apps.sort((a, b) -> Integer.compare(a.rank, b.rank));
        long listed = 0;
        for (App a : apps) {
            listed += a.tokens;
            if (listed < 0) {
                // counts are non-negative: a negative sum has wrapped
                throw new MalformedResponseException(name + ": $.data: the listed apps' tokens together pass " + Long.MAX_VALUE
                        + ": refused rather than wrapped");
            }
        }
        return new AppRankings(Collections.unmodifiableList(apps), start, end, asOf);
    }

    private static LocalDate date(JsonNode meta, String name, String field) {
        String s = Responses.text(meta, name, "$.meta", field);
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new MalformedResponseException(name + ": $.meta." + field + ": \"" + Responses.abbreviate(s) + "\" is not a date (YYYY-MM-DD)", e);
        }
    }

    /**
     * The apps, by rank.
     *
     * @return the apps, by rank
     */
    public List<App> apps() {
        return apps;
    }

    /**
     * The first day of the window (UTC, inclusive), as the response resolved it.
     *
     * @return the first day
     */
    public LocalDate startDate() {
        return start;
    }

    /**
     * The last day of the window (UTC, inclusive).
     *
     * @return the last day
     */
    public LocalDate endDate() {
        return end;
    }

    /**
     * The response's {@code meta.as_of}, as sent.
     *
     * @return the as-of time
     */
    public String asOf() {
        return asOf;
    }

    /**
     * The tokens of all listed apps together: a lower bound of OpenRouter's app traffic, since
     * hidden, private and unlisted apps are not in the response.
     *
     * @return the sum of the listed apps' tokens
     * @throws ArithmeticException if the sum does not fit in a long
     */
    public long listedTokens() {
        long sum = 0;
        for (App a : apps) {
            sum = Math.addExact(sum, a.tokens);
        }
        return sum;
    }

    /**
     * The endpoint's citation line: "Source: OpenRouter (openrouter.ai/apps), as of {as_of}."
     *
     * @return the citation line
     */
    public String citation() {
        return "Source: OpenRouter (openrouter.ai/apps), as of " + asOf + ".";
    }

    @Override
    public String toString() {
        return "AppRankings(" + start + ".." + end + ", " + apps.size() + " apps, as of " + asOf + ")";
    }
}
