package io.tokenmetrics.data;

import io.tokenmetrics.period.TimePeriod;
import java.util.Objects;
import java.util.Optional;

/** Where figures come from: publisher, title, date. Immutable and thread-safe. */
public final class Source {
    private final String id;
    private final String publisher;
    private final String title;
    private final TimePeriod date;
    private final String url;

    private Source(String id, String publisher, String title, TimePeriod date, String url) {
        this.id = Series.requireText(id, "source id");
        this.publisher = Series.requireText(publisher, "publisher");
        this.title = Series.requireText(title, "title");
        this.date = Objects.requireNonNull(date, "date");
        this.url = url;
    }

    /**
     * A source; {@code date} may be a day or, when only that is known, a month. {@code url} may be null.
     *
     * @param id the id
     * @param publisher the publisher
     * @param title the title
     * @param date the date
     * @param url the url
     * @return a source; {@code date} may be a day or, when only that is known, a month
     */
    public static Source of(String id, String publisher, String title, TimePeriod date, String url) {
        return new Source(id, publisher, title, date, url);
    }

    /**
     * The id observations refer to.
     *
     * @return the id observations refer to
     */
    public String id() {
        return id;
    }

    /**
     * The publisher.
     *
     * @return the publisher
     */
    public String publisher() {
        return publisher;
    }

    /**
     * The title.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The publication date (a day, or a month when only that is known).
     *
     * @return the publication date (a day, or a month when only that is known)
     */
    public TimePeriod date() {
        return date;
    }

    /**
     * The address, if known.
     *
     * @return the address, if known
     */
    public Optional<String> url() {
        return Optional.ofNullable(url);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Source)) {
            return false;
        }
        Source s = (Source) o;
        return id.equals(s.id) && publisher.equals(s.publisher) && title.equals(s.title) && date.equals(s.date)
                && Objects.equals(url, s.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, publisher, title, date, url);
    }

    @Override
    public String toString() {
        return publisher + ", \"" + title + "\", " + date;
    }
}
