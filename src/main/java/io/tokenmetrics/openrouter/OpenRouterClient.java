package io.tokenmetrics.openrouter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches {@code GET /api/v1/datasets/rankings-daily?start_date=…&end_date=…} with a bearer key,
 * splitting long windows into requests of {@link #windowDays} days, at most one request per
 * {@code minIntervalMillis} (2 s by default: the API allows 30 a minute) and at most 500 requests
 * a run (the daily limit). A 429 answer is retried after its {@code Retry-After} (at most 3 times).
 * Immutable and thread-safe, but requests are sequential.
 */
public final class OpenRouterClient {
    private static final Logger LOG = LoggerFactory.getLogger(OpenRouterClient.class);
    /** The public API. */
    public static final String DEFAULT_BASE_URL = "https://openrouter.ai";
    static final int MAX_REQUESTS = 500;
    private static final int MAX_BODY = 64 << 20;

    private final String baseUrl;
    private final String apiKey;
    private final int windowDays;
    private final long minIntervalMillis;

    private OpenRouterClient(String baseUrl, String apiKey, int windowDays, long minIntervalMillis) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.apiKey = apiKey;
        this.windowDays = windowDays;
        this.minIntervalMillis = minIntervalMillis;
    }

    /**
     * A client for {@code baseUrl} with {@code apiKey}.
     *
     * @param baseUrl the base URL of the API
     * @param apiKey the API key
     * @param windowDays the days a request covers
     * @param minIntervalMillis the least time between two requests, in milliseconds
     * @return a client for {@code baseUrl} with {@code apiKey}
     * @throws IllegalArgumentException for an empty key, a window outside 1..366 days or a negative interval
     */
    public static OpenRouterClient create(String baseUrl, String apiKey, int windowDays, long minIntervalMillis) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        if (apiKey == null || apiKey.trim().isEmpty()) {
            throw new IllegalArgumentException("API key is missing: set OPENROUTER_API_KEY");
        }
        if (windowDays < 1 || windowDays > 366) {
            throw new IllegalArgumentException("windowDays (" + windowDays + ") must be between 1 and 366");
        }
        if (minIntervalMillis < 0) {
            throw new IllegalArgumentException("minIntervalMillis (" + minIntervalMillis + ") must be >= 0");
        }
        return new OpenRouterClient(baseUrl, apiKey.trim(), windowDays, minIntervalMillis);
    }

    /**
     * Days per request.
     *
     * @return days per request
     */
    public int windowDays() {
        return windowDays;
    }

    /**
     * The rows from {@code from} to {@code to}, both included.
     *
     * @param from the earlier period
     * @param to the later period
     * @return the rows from {@code from} to {@code to}, both included
     * @throws IllegalArgumentException if {@code to} is before {@code from} or the window needs more than 500 requests
     * @throws OpenRouterException naming the URL for a refused key, an HTTP error or a bad response
     */
    public RankingsData fetch(LocalDate from, LocalDate to) {
        return fetch(from, to, false);
    }

    /**
     * The ISO weeks from the one starting {@code from} to the one ending {@code to}, with
     * {@code period=week}: one row per model and week instead of seven, so a request can cover
     * many weeks. Requests cover {@link #windowDays} rounded down to whole weeks (at least one):
     * 65 weeks at 364 days a request take 2 requests, where days at 7 a request take 65.
     *
     * @param from a Monday
     * @param to a Sunday, not before {@code from}
     * @return the weeks' buckets
     * @throws IllegalArgumentException if {@code from} is not a Monday, {@code to} not a Sunday,
     *     or the window needs more than 500 requests
     * @throws OpenRouterException naming the URL for a refused key, an HTTP error or a bad response
     */
    public RankingsData fetchWeeks(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("from (" + from + ") must be a Monday: period=week buckets whole ISO weeks");
        }
        if (to.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
            throw new IllegalArgumentException("to (" + to + ") must be a Sunday: period=week buckets whole ISO weeks");
        }
        return fetch(from, to, true);
    }

    private RankingsData fetch(LocalDate from, LocalDate to, boolean weeks) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
        }
        int window = weeks ? Math.max(7, windowDays / 7 * 7) : windowDays;
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        long requests = (days + window - 1) / window;
        if (requests > MAX_REQUESTS) {
            throw new IllegalArgumentException("the window " + from + ".." + to + " needs " + requests + " requests; the API allows "
                    + MAX_REQUESTS + " a day");
        }
        RankingsData all = RankingsData.empty();
        long last = 0;
        for (LocalDate s = from; !s.isAfter(to); s = s.plusDays(window)) {
            LocalDate e = s.plusDays(window - 1L).isAfter(to) ? to : s.plusDays(window - 1L);
            long wait = last + minIntervalMillis - System.currentTimeMillis();
            if (last > 0 && wait > 0) {
                sleep(wait);
            }
            String url = baseUrl + "/api/v1/datasets/rankings-daily?start_date=" + s + "&end_date=" + e + (weeks ? "&period=week" : "");
            byte[] body = body(url);
            all = all.merge(weeks ? RankingsData.parseWeeks(new ByteArrayInputStream(body), url)
                    : RankingsData.parse(new ByteArrayInputStream(body), url));
            last = System.currentTimeMillis();
        }
        return all;
    }

    /**
     * The top apps by tokens from {@code from} to {@code to}, both included: one request to
     * {@code GET /api/v1/datasets/app-rankings?start_date=…&end_date=…&limit=…} ({@code sort}
     * popular, the API's default).
     *
     * @param from the first day
     * @param to the last day
     * @param limit how many apps, 1 to 100
     * @return the ranking, with its citation line
     * @throws IllegalArgumentException if {@code to} is before {@code from} or the limit is outside 1..100
     * @throws OpenRouterException naming the URL for a refused key, an HTTP error or a bad response
     */
    public AppRankings fetchApps(LocalDate from, LocalDate to, int limit) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") must not be before from (" + from + ")");
        }
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit (" + limit + ") must be between 1 and 100");
        }
        String url = baseUrl + "/api/v1/datasets/app-rankings?start_date=" + from + "&end_date=" + to + "&limit=" + limit;
        return AppRankings.parse(new ByteArrayInputStream(body(url)), url);
    }

    private byte[] body(String url) {
        for (int attempt = 1; ; attempt++) {
            LOG.debug("GET {}", url);
            HttpURLConnection c = null;
            try {
                c = (HttpURLConnection) new URL(url).openConnection();
                c.setRequestProperty("Authorization", "Bearer " + apiKey);
                c.setRequestProperty("Accept", "application/json");
                c.setConnectTimeout(10_000);
                c.setReadTimeout(60_000);
                int code = c.getResponseCode();
                if (code == 429 && attempt <= 3) {
                    long retry = retryAfterMillis(c.getHeaderField("Retry-After"));
                    LOG.debug("429 from {}: retrying in {} ms", url, retry);
                    sleep(retry);
                    continue;
                }
                if (code == 401 || code == 403) {
                    throw new RequestFailedException(url + ": OpenRouter refused the API key (HTTP " + code + ")");
                }
                if (code != 200) {
                    throw new RequestFailedException(url + ": HTTP " + code + (code == 429 ? " (rate limited, gave up after 3 retries)" : ""));
                }
                try (InputStream in = c.getInputStream()) {
                    return readBounded(in, url);
                }
            } catch (IOException e) {
                throw new RequestFailedException(url + ": " + e.getMessage(), e);
            } finally {
                if (c != null) {
                    c.disconnect();
                }
            }
        }
    }

    private static byte[] readBounded(InputStream in, String url) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[65536];
        int n;
        while ((n = in.read(b)) > 0) {
            if (out.size() + n > MAX_BODY) {
                throw new RequestFailedException(url + ": response larger than " + MAX_BODY + " bytes");
            }
            out.write(b, 0, n);
        }
        return out.toByteArray();
    }

    static long retryAfterMillis(String header) {
        if (header == null) {
            return 2_000;
        }
        try {
            return Math.min(120_000, Math.max(0, Long.parseLong(header.trim()) * 1000));
        } catch (NumberFormatException e) {
            return 2_000;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RequestFailedException("interrupted while waiting for the rate limit", e);
        }
    }
}
