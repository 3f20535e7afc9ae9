package io.tokenmetrics.cli;

/** Output formats. */
enum Format {
    TEXT, JSON, CSV
}
