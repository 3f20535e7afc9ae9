package io.tokenmetrics.cli;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.amount.Quantity.Unit;
import io.tokenmetrics.calc.Calculator;
import io.tokenmetrics.calc.ClaimCheck;
import io.tokenmetrics.calc.Comparison;
import io.tokenmetrics.calc.Growth;
import io.tokenmetrics.calc.Leader;
import io.tokenmetrics.calc.Share;
import io.tokenmetrics.calc.Verdict;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Measure;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.period.TimePeriod;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** The {@code report} briefing: every line computed from the bundled figures, naming its fact ids. */
final class Briefing {
    private final Dataset data;
    private final Calculator calc;
    private final Language lang;
    private final Doc doc = new Doc("report");
    private final Table table;
    private final StringBuilder text = new StringBuilder();
    private String section;

    Briefing(Dataset data, Calculator calc, Language lang) {
        this.data = data;
        this.calc = calc;
        this.lang = lang;
        this.table = doc.table("report", "section", "facts", "item", "value", "text");
    }

    private String t(String en, String zh) {
        return lang == Language.ZH ? zh : en;
    }

    private String q(Quantity x) {
        return x.formatRounded(lang, 2);
    }

    private String signed(Quantity x) {
        return x.formatSigned(lang, 2);
    }

    private Quantity v(String series, String period) {
        return data.series(series).require(TimePeriod.parse(period)).requireValue();
    }

    private void section(String en, String zh) {
        section = t(en, zh);
        text.append(text.length() == 0 ? "" : "\n").append(section).append('\n');
    }

    private void line(String facts, String item, Quantity value, String sentence) {
        table.row(Cell.text(section), Cell.text(facts), Cell.text(item), value == null ? Cell.text("") : Cell.text(Cell.plain(value)),
                Cell.text(sentence));
        text.append("  ").append(sentence).append("  [").append(facts).append("]\n");
    }

    /** A period as people read it in this language ("2026年第15周"); the id in English, as the data writes it. */
    private String label(String period) {
        return lang == Language.ZH ? TimePeriod.parse(period).label(lang) : period;
    }

    private String years(double y) {
        String n = BigDecimal.valueOf(y).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return lang == Language.ZH ? n + " 年" : n + (n.equals("1") ? " year" : " years");
    }

    Doc build() {
        String title = t("token-metrics briefing: the figures of two articles, recomputed and checked",
                "token-metrics 简报: 两篇报道中的数字, 重新计算并核对");
        text.append(title).append('\n').append(t("Sources: A = 科创板日报 (Feb 2026); B = 每日经济新闻, 2026-04-26 (OpenRouter data).",
                "来源: A = 科创板日报 (2026年2月); B = 每日经济新闻, 2026-04-26 (OpenRouter 数据)。")).append('\n');
        volcano();
        chinaPath();
        alibaba();
        jpMorgan();
        openRouter();
        claude();
        rankings();
        globalShare();
        seedance();
        prices();
        claims();
        doc.text = text.toString();
        return doc;
    }

    private void volcano() {
        section("Volcano Engine (火山引擎), daily token calls", "火山引擎 日均 Token 调用量");
        Growth g = calc.growth(data.series("volcano-engine-daily"), TimePeriod.parse("end-2024"), TimePeriod.parse("end-2025"));
        line("A2, A3", "growth", g.multiple().get(), t(
                "End of 2024 " + q(g.from().requireValue()) + " → end of 2025 " + q(g.to().requireValue()) + ": " + signed(g.absoluteChange())
                        + ", ×" + q(g.multiple().get()).replace("×", "") + ", " + signed(g.percentChange().get()) + " in " + years(g.elapsedYears()) + ".",
                "2024年底 " + q(g.from().requireValue()) + " → 2025年底 " + q(g.to().requireValue()) + ": 增加 " + q(g.absoluteChange())
                        + ", " + q(g.multiple().get()) + ", 增长 " + q(g.percentChange().get()) + ", 历时 " + years(g.elapsedYears()) + "。"));
    }

    private void chinaPath() {
        section("China, daily token consumption: start of 2024 → February 2026", "中国 日均 Token 消耗: 2024年初 → 2026年2月");
        Series s = data.series("china-daily");
        String[][] pairs = {{"start-2024", "mid-2025", "A8, A9"}, {"mid-2025", "2026-02", "A9, A10"}, {"start-2024", "2026-02", "A8, A10"}};
        for (String[] p : pairs) {
            Growth g = calc.growth(s, TimePeriod.parse(p[0]), TimePeriod.parse(p[1]));
            String rate = g.annualRate().map(this::q).orElse("?");
            line(p[2], p[0] + " → " + p[1], g.multiple().get(), t(
                    TimePeriod.parse(p[0]).describe() + " " + q(g.from().requireValue()) + " → " + TimePeriod.parse(p[1]).describe() + " "
                            + q(g.to().requireValue()) + ": multiple " + q(g.multiple().get()) + " in " + years(g.elapsedYears())
                            + ", " + rate + " a year.",
                    label(p[0]) + " " + q(g.from().requireValue()) + " → " + label(p[1]) + " " + q(g.to().requireValue()) + ": "
                            + q(g.multiple().get()) + ", 历时 " + years(g.elapsedYears()) + ", 年化 " + rate + "。"));
        }
        line("A9, A10", "note", null, t(
                "A9 is a lower bound (突破, more than 30T): growth to it is a lower bound, growth from it an upper bound; A10 counts mainstream LLMs combined, A8 and A9 all industry.",
                "A9 为下限 (突破30万亿): 到 A9 的增长为下限, 从 A9 起的增长为上限; A10 为主流大模型合计, A8、A9 为全行业。"));
    }

    private void alibaba() {
        section("Alibaba: targets as multiples of today", "阿里: 目标相当于现在的多少倍");
        Growth ext = calc.growth(data.series("alibaba-cloud-external-daily"), TimePeriod.parse("2025"), TimePeriod.parse("2026"));
        line("A4, A5", "external", ext.multiple().get(), t(
                "Alibaba Cloud external customers: 2026 target " + q(ext.to().requireValue()) + " a day vs 2025's " + q(ext.from().requireValue())
                        + ": " + q(ext.multiple().get()) + " (\"at least\").",
                "阿里云外部客户: 2026年目标 日均 " + q(ext.to().requireValue()) + ", 2025年 " + q(ext.from().requireValue()) + ": " + q(ext.multiple().get()) + " (至少)。"));
        Growth in = calc.growth(data.series("alibaba-internal-daily"), TimePeriod.parse("2026-02"), TimePeriod.parse("2026"));
        line("A6, A7", "internal", in.multiple().get(), t(
                "Alibaba internal business: plan " + q(in.to().requireValue()) + " a day vs " + q(in.from().requireValue()) + " now: " + q(in.multiple().get()) + ".",
                "阿里内部业务: 计划 日均 " + q(in.to().requireValue()) + ", 目前 " + q(in.from().requireValue()) + ": " + q(in.multiple().get()) + "。"));
    }

    private void jpMorgan() {
        section("J.P. Morgan forecast: China's AI inference tokens a year", "摩根大通预测: 中国 AI 推理 Token 年消耗量");
        Series s = data.series("china-inference-jpm-yearly");
        Growth g = calc.growth(s, TimePeriod.parse("2025"), TimePeriod.parse("2030"));
        line("A11, A12, A13, B16", "multiple", g.multiple().get(), t(
                "2025 " + q(g.from().requireValue()) + " → 2030 " + q(g.to().requireValue()) + ": ×" + q(g.multiple().get()).replace("×", "").replace("~", "~")
                        + " (stated ~370×), compound " + q(g.annualRate().get()) + " a year over 5 years (B16 states 330%).",
                "2025年 " + q(g.from().requireValue()) + " → 2030年 " + q(g.to().requireValue()) + ": " + q(g.multiple().get())
                        + " (报道称约370倍), 5年年复合增长 " + q(g.annualRate().get()) + " (B16 称330%)。"));
        Quantity d25 = calc.convert(g.from().requireValue(), Measure.TOKENS_PER_YEAR, TimePeriod.parse("2025"), Measure.TOKENS_PER_DAY);
        Quantity d30 = calc.convert(g.to().requireValue(), Measure.TOKENS_PER_YEAR, TimePeriod.parse("2030"), Measure.TOKENS_PER_DAY);
        line("A11, A12", "per day", d25, t(
                "Per day (÷365): " + q(d25) + " in 2025, " + q(d30) + " in 2030.",
                "折合每日 (÷365): 2025年 " + q(d25) + ", 2030年 " + q(d30) + "。"));
        Quantity a9 = v("china-daily", "mid-2025");
        Quantity a10 = v("china-daily", "2026-02");
        line("A11, A9, A10", "vs reported", d25, t(
                "Beside the reported daily figures: J.P. Morgan's 2025 average of " + q(d25) + " a day is below China's " + q(a9)
                        + " in mid 2025 (A9) and " + q(a10) + " in Feb 2026 (A10): the forecast counts inference tokens only.",
                "与报道的日均数字对比: 摩根大通 2025年日均 " + q(d25) + ", 低于 2025年中的 " + q(a9) + " (A9) 和 2026年2月的 " + q(a10)
                        + " (A10): 该预测仅计推理 Token。"));
    }

    private void openRouter() {
        TimePeriod w16 = TimePeriod.parse("2026-W16");
        section("OpenRouter, week 2026-W16 (13-19 April 2026)", "OpenRouter " + w16.label(lang) + " (4月13日至19日)");
        String usId = "openrouter-us-weekly";
        String cnId = "openrouter-china-weekly";
        Comparison c = calc.compare(data.series(usId), data.series(cnId), w16, data.series("openrouter-total-weekly"));
        Quantity total = c.total().get();
        line("B1", "total", total, t("All models: " + q(total) + " tokens in the week.", "全部模型: 本周 " + q(total) + " Token。"));
        Observation cn = data.series("openrouter-china-weekly").require(w16);
        Observation us = data.series("openrouter-us-weekly").require(w16);
        line("B3", "china", c.secondValue(), t(
                "Chinese models: " + q(c.secondValue()) + ", " + q(cn.statedChange().get()) + " week-on-week, so " + q(c.secondPrevious().get())
                        + " the week before (" + q(c.secondValue()) + " / (1 " + changeTerm(cn.statedChange().get()) + ")).",
                "中国模型: " + q(c.secondValue()) + ", 环比 " + q(cn.statedChange().get()) + ", 推算前一周 " + q(c.secondPrevious().get()) + "。"));
        line("B4", "us", c.firstValue(), t(
                "US models: " + q(c.firstValue()) + ", +" + q(us.statedChange().get()).replace("+", "") + " week-on-week, so " + q(c.firstPrevious().get())
                        + " the week before (" + q(c.firstValue()) + " / (1 " + changeTerm(us.statedChange().get()) + ")).",
                "美国模型: " + q(c.firstValue()) + ", 环比 +" + q(us.statedChange().get()).replace("+", "") + ", 推算前一周 " + q(c.firstPrevious().get()) + "。"));
        Quantity others = total.minus(c.sum(), Unit.TOKENS);
        Quantity otherShare = calc.share(java.util.Collections.singletonList(others), total).percent();
        line("B1, B3, B4", "shares of total", c.firstShareOfTotal().get(), t(
                "Shares of the total: US " + q(c.firstShareOfTotal().get()) + ", China " + q(c.secondShareOfTotal().get())
                        + ", all other models " + q(otherShare) + " (" + q(others) + ").",
                "占总量: 美国 " + q(c.firstShareOfTotal().get()) + ", 中国 " + q(c.secondShareOfTotal().get()) + ", 其他模型 " + q(otherShare)
                        + " (" + q(others) + ")。"));
        line("B3, B4", "shares of china+us", c.firstShareOfSum().get(), t(
                "Of China + US (" + q(c.sum()) + "): US " + q(c.firstShareOfSum().get()) + ", China " + q(c.secondShareOfSum().get()) + ".",
                "中美合计 (" + q(c.sum()) + ") 中: 美国 " + q(c.firstShareOfSum().get()) + ", 中国 " + q(c.secondShareOfSum().get()) + "。"));
        Quantity prevGap = c.secondPrevious().get().minus(c.firstPrevious().get(), Unit.TOKENS);
        line("B3, B4, B5", "leader", c.difference(), t(
                "Leader now: " + side(c.leader(), usId, cnId, "US", "China", "tie") + ", by " + q(c.difference()) + "; the week before: "
                        + side(c.previousLeader(), usId, cnId, "US", "China", "tie") + ", by " + q(prevGap) + " (implied). The lead "
                        + (c.leadChanged().orElse(false) ? "changed" : "did not change") + ".",
                "本周领先: " + side(c.leader(), usId, cnId, "美国", "中国", "持平") + ", 领先 " + q(c.difference()) + "; 前一周领先: "
                        + side(c.previousLeader(), usId, cnId, "美国", "中国", "持平") + ", 领先 " + q(prevGap) + " (推算)。"
                        + (c.leadChanged().orElse(false) ? "领先易位。" : "领先未变。")));
    }

    /** "+ 20.62%" or "- 23.77%": the stated change as the term of the divisor, from the dataset, never written in. */
    private String changeTerm(Quantity change) {
        String s = change.formatSigned(lang, 2);
        return s.startsWith("-") ? "- " + s.substring(1) : "+ " + s.replace("+", "");
    }

    /** The leader in words: never "China" for a tie or an unknown. */
    private static String side(Leader l, String us, String cn, String usName, String cnName, String tie) {
        if (l.is(us)) {
            return usName;
        }
        if (l.is(cn)) {
            return cnName;
        }
        return l.kind() == Leader.Kind.TIE ? tie : "?";
    }

    private void claude() {
        TimePeriod w16 = TimePeriod.parse("2026-W16");
        section("Claude Sonnet 4.6 and Opus 4.6 in US models", "Claude Sonnet 4.6 与 Opus 4.6 在美国模型中的占比");
        Observation sonnet = data.series("openrouter-claude-sonnet-4-6-weekly").require(w16);
        Quantity prev = calc.impliedPrevious(sonnet.requireValue(), sonnet.statedChange().get());
        line("B6", "sonnet", sonnet.requireValue(), t(
                "Sonnet 4.6, rank 1: " + q(sonnet.requireValue()) + ", +19% week-on-week, so " + q(prev) + " the week before.",
                "Sonnet 4.6 第一: " + q(sonnet.requireValue()) + ", 环比 +19%, 推算前一周 " + q(prev) + "。"));
        Share sh = calc.share(data.series("openrouter-us-weekly"), w16,
                Arrays.asList(data.series("openrouter-claude-sonnet-4-6-weekly"), data.series("openrouter-claude-opus-4-6-weekly")));
        line("B7, B8", "share of us", sh.percent(), t(
                "Sonnet 4.6 + Opus 4.6 (rank 3, " + q(v("openrouter-claude-opus-4-6-weekly", "2026-W16")) + ") = " + q(sh.sum()) + " = "
                        + q(sh.percent()) + " of US models' " + q(sh.whole()) + ": more than half, as stated.",
                "Sonnet 4.6 + Opus 4.6 (第三, " + q(v("openrouter-claude-opus-4-6-weekly", "2026-W16")) + ") = " + q(sh.sum()) + ", 占美国模型 "
                        + q(sh.whole()) + " 的 " + q(sh.percent()) + ": 逾五成, 与报道一致。"));
    }

    private void rankings() {
        section("The ranking: who fell off", "榜单: 谁跌出了榜单");
        Quantity qwen = v("openrouter-qwen-3-6-plus-weekly", "2026-W15");
        Quantity sonnetPrev = calc.impliedPrevious(v("openrouter-claude-sonnet-4-6-weekly", "2026-W16"), Quantity.of(19, Unit.PERCENT));
        line("B9, B10", "qwen", qwen, t(
                "Qwen3.6 Plus was rank 1 in 2026-W15 with " + q(qwen) + " (above Sonnet 4.6's implied " + q(sonnetPrev)
                        + "), then off the ranking in 2026-W16.",
                "Qwen3.6 Plus 在" + label("2026-W15") + "以 " + q(qwen) + " 居榜首 (高于 Sonnet 4.6 推算的 " + q(sonnetPrev) + "), "
                        + label("2026-W16") + "跌出榜单。"));
        line("B11", "kimi, glm", null, t("Kimi K2.5 and the Zhipu GLM series: off the ranking 2026-W14 to 2026-W16, three weeks in a row.",
                "Kimi K2.5、智谱 GLM 系列: " + label("2026-W14") + "至" + label("2026-W16") + "连续三周未上榜。"));
        line("B12", "step", null, t("Step 3.5 Flash, once rank 2: off the ranking in 2026-W15 and 2026-W16.",
                "Step 3.5 Flash 曾居第二: " + label("2026-W15") + "、" + label("2026-W16") + "未上榜。"));
    }

    private void globalShare() {
        section("Global volume implied by OpenRouter's share", "由 OpenRouter 占比推算的全球总量");
        TimePeriod w16 = TimePeriod.parse("2026-W16");
        Quantity week = v("openrouter-total-weekly", "2026-W16");
        Quantity share = v("openrouter-global-share", "2026");
        Quantity global = calc.scaleByShare(week, share);
        Quantity daily = calc.convert(global, Measure.TOKENS_PER_WEEK, w16, Measure.TOKENS_PER_DAY);
        line("B1, B13", "global weekly", global, t(
                "OpenRouter's " + q(week) + " a week at " + q(share) + " of the world implies " + q(global) + " a week worldwide, "
                        + q(daily) + " a day (÷7).",
                "OpenRouter 每周 " + q(week) + ", 占全球 " + q(share) + ", 推算全球每周 " + q(global) + ", 日均 " + q(daily) + " (÷7)。"));
        Quantity china = v("china-daily", "2026-02");
        Quantity ratio = china.dividedBy(daily, Unit.MULTIPLE);
        line("B13, A10", "vs china daily", ratio, t(
                "China alone reported " + q(china) + " a day in Feb 2026 (A10), " + q(ratio)
                        + " the implied global figure: the two sources count different things (or OpenRouter's share is smaller).",
                "中国 2026年2月 日均 " + q(china) + " (A10), 是推算全球数字的 " + q(ratio) + ": 两个来源口径不同 (或 OpenRouter 占比更小)。"));
    }

    private void seedance() {
        section("Seedance 2.0 video", "Seedance 2.0 视频");
        Quantity perVideo = data.series("seedance-2-video").observations().get(0).requireValue();
        Quantity perSecond = perVideo.dividedBy(BigDecimal.TEN);
        line("A1", "tokens per second", perSecond, t(
                q(perVideo) + " tokens for a 10-second 1080p video: " + q(perSecond) + " tokens per second of video.",
                // the figure carries its own 约 when it is approximate: no second one here
                "生成一条 10 秒 1080p 视频 " + q(perVideo) + " Token: 每秒视频 " + q(perSecond) + " Token。"));
    }

    private void prices() {
        section("Prices (not token volumes)", "价格 (非 Token 用量)");
        line("PA1", "aws", v("aws-ec2-ml-capacity-block-price", "2026"), t(
                "AWS EC2 ML capacity blocks: " + q(v("aws-ec2-ml-capacity-block-price", "2026")) + ".",
                "亚马逊云 EC2 机器学习容量块: 上调 " + q(v("aws-ec2-ml-capacity-block-price", "2026")) + "。"));
        line("PA2, PB1", "zhipu", v("zhipu-price-changes", "2026-04-08"), t(
                "Zhipu: GLM Coding Plan " + q(v("zhipu-price-changes", "2026-02-12")) + " on 2026-02-12; GLM-5.1 +"
                        + q(v("zhipu-price-changes", "2026-04-08")) + " on 2026-04-08, its third price change of 2026.",
                "智谱: " + label("2026-02-12") + " GLM Coding Plan 涨价 " + q(v("zhipu-price-changes", "2026-02-12")) + "; " + label("2026-04-08") + " GLM-5.1 再涨 "
                        + q(v("zhipu-price-changes", "2026-04-08")) + ", 年内第三次调价。"));
        Quantity claude = v("anthropic-claude-enterprise-heavy-user-cost", "2026-04");
        line("PB2", "claude enterprise", claude, t(
                "Claude Enterprise: from at most $200 per user a month to usage-based billing + $20; heavy users may pay " + q(claude) + ".",
                "Claude Enterprise: 由每月每用户最高200美元改为按量计费另加20美元; 重度用户成本或达 " + q(claude) + "。"));
    }

    private void claims() {
        section("Stated claims (details: token-metrics check)", "报道中的论断 (详见: token-metrics check)");
        List<ClaimCheck> checks = io.tokenmetrics.calc.ClaimChecker.create().checkAll(data);
        for (ClaimCheck c : checks) {
            String verdict = c.verdict() == Verdict.CONSISTENT ? t("consistent", "一致")
                    : c.verdict() == Verdict.INCONSISTENT ? t("INCONSISTENT", "不一致") : t("cannot be decided", "无法判定");
            line(c.claim().fact().orElse(c.claim().id()), c.claim().id(), c.computed().orElse(null),
                    c.claim().id() + ": " + verdict + " - " + c.claim().statement(lang) + t(".", "。"));
        }
    }
}
