/**
 * Your own token use, read into exact totals by period and by any dimensions, in one meaning
 * whatever the source (input includes cache reads and writes, output includes reasoning): API
 * request logs and usage exports of OpenAI, Anthropic, Gemini, Bedrock, OpenTelemetry and
 * LiteLLM, OpenRouter's, and coding agents' own logs (Claude Code, Codex CLI, Gemini CLI,
 * OpenCode), as CSV, JSON Lines or JSON documents, plain or gzip, files or whole trees. Each
 * source's copies of one response count once by its vendor's rule. {@link
 * io.tokenmetrics.usage.UsageAggregator} reads files; {@link io.tokenmetrics.usage.UsageRecorder}
 * takes records one at a time; {@link io.tokenmetrics.usage.UsagePartitions} runs the same rules
 * in parts on an engine such as Spark. Streaming: memory grows with the number of groups and
 * request ids, not rows.
 *
 * <p>A null argument throws {@link java.lang.NullPointerException} naming the parameter, unless the
 * method says it may be null.
 */
package io.tokenmetrics.usage;
