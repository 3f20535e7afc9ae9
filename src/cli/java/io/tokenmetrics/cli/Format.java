package io.tokenmetrics.cli;

/** Output formats: for people (text, a self-contained HTML page) and for programs (JSON, CSV). */
enum Format {
    TEXT, JSON, CSV, HTML
}
