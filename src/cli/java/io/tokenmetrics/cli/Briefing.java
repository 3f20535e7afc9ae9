package io.tokenmetrics.cli;

import io.tokenmetrics.amount.Language;
import io.tokenmetrics.amount.Quantity;
import io.tokenmetrics.amount.Quantity.Unit;
import io.tokenmetrics.calc.Calculator;
import io.tokenmetrics.calc.ClaimCheck;
import io.tokenmetrics.calc.ClaimChecker;
import io.tokenmetrics.calc.Comparison;
import io.tokenmetrics.calc.CompoundedChange;
import io.tokenmetrics.calc.Growth;
import io.tokenmetrics.calc.Leader;
import io.tokenmetrics.cost.PlanComparison;
import io.tokenmetrics.calc.Share;
import io.tokenmetrics.data.Claim;
import io.tokenmetrics.data.Dataset;
import io.tokenmetrics.data.Measure;
import io.tokenmetrics.data.Observation;
import io.tokenmetrics.data.Series;
import io.tokenmetrics.internal.Messages;
import io.tokenmetrics.period.TimePeriod;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The {@code report} briefing: every line computed from the bundled figures, naming its fact ids.
 * The words come from the message bundles ({@code report.*}); every figure, rank and stated
 * change comes from the dataset, none is written into the text.
 */
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

    private String m(String key, Object... args) {
        return Messages.get(lang, key, args);
    }

    private String q(Quantity x) {
        return x.formatRounded(lang, 2);
    }

    private String signed(Quantity x) {
        return x.formatSigned(lang, 2);
    }

    /** A multiple's number alone ("31.5"), for sentences that put the × or 倍 themselves. */
    private String times(Quantity x) {
        return q(x).replace("×", "").replace("倍", "");
    }

    private Quantity v(String series, String period) {
        return data.series(series).require(TimePeriod.parse(period)).requireValue();
    }

    /** A period as people read it in this language ("2026年第15周"); the id in English, as the data writes it. */
    private String label(String period) {
        return lang == Language.ZH ? TimePeriod.parse(period).label(lang) : period;
    }

    private String years(double y) {
        String n = BigDecimal.valueOf(y).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return m(n.equals("1") ? "report.year" : "report.years", n);
    }

    private void section(String key, Object... args) {
        section = m(key, args);
        text.append(text.length() == 0 ? "" : "\n").append(section).append('\n');
    }

    private void line(String facts, String item, Quantity value, String sentence) {
        table.row(Cell.text(section), Cell.text(facts), Cell.text(item), value == null ? Cell.text("") : Cell.text(Cell.plain(value)),
                Cell.text(sentence));
        text.append("  ").append(sentence).append("  [").append(facts).append("]\n");
    }

    Doc build() {
        text.append(m("report.title")).append('\n').append(m("report.sources")).append('\n');
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
        section("report.volcano");
        Growth g = calc.growth(data.series("volcano-engine-daily"), TimePeriod.parse("end-2024"), TimePeriod.parse("end-2025"));
        line("A2, A3", "growth", g.multiple().get(), m("report.volcano.growth", q(g.from().requireValue()), q(g.to().requireValue()),
                signed(g.absoluteChange()), times(g.multiple().get()), signed(g.percentChange().get()), years(g.elapsedYears()),
                q(g.absoluteChange()), q(g.percentChange().get())));
    }

    private void chinaPath() {
        section("report.china");
        Series s = data.series("china-daily");
        String[][] pairs = {{"start-2024", "mid-2025", "A8, A9"}, {"mid-2025", "2026-02", "A9, A10"}, {"start-2024", "2026-02", "A8, A10"}};
        for (String[] p : pairs) {
            TimePeriod from = TimePeriod.parse(p[0]);
            TimePeriod to = TimePeriod.parse(p[1]);
            Growth g = calc.growth(s, from, to);
            String rate = g.annualRate().map(this::q).orElse("?");
            line(p[2], p[0] + " → " + p[1], g.multiple().get(), m("report.china.growth", lang == Language.ZH ? from.label(lang) : from.describe(),
                    q(g.from().requireValue()), lang == Language.ZH ? to.label(lang) : to.describe(), q(g.to().requireValue()),
                    q(g.multiple().get()), years(g.elapsedYears()), rate));
        }
        line("A9, A10", "note", null, m("report.china.note"));
    }

    private void alibaba() {
        section("report.alibaba");
        Growth ext = calc.growth(data.series("alibaba-cloud-external-daily"), TimePeriod.parse("2025"), TimePeriod.parse("2026"));
        line("A4, A5", "external", ext.multiple().get(), m("report.alibaba.external", q(ext.to().requireValue()),
                q(ext.from().requireValue()), q(ext.multiple().get())));
        Growth in = calc.growth(data.series("alibaba-internal-daily"), TimePeriod.parse("2026-02"), TimePeriod.parse("2026"));
        line("A6, A7", "internal", in.multiple().get(), m("report.alibaba.internal", q(in.to().requireValue()), q(in.from().requireValue()),
                q(in.multiple().get())));
    }

    private void jpMorgan() {
        section("report.jpm");
        Series s = data.series("china-inference-jpm-yearly");
        Growth g = calc.growth(s, TimePeriod.parse("2025"), TimePeriod.parse("2030"));
        // what the articles state, from the claims that record it
        Quantity statedMultiple = claim("A13").stated().get();
        Quantity statedRate = claim("B16-cagr").stated().get();
        line("A11, A12, A13, B16", "multiple", g.multiple().get(), m("report.jpm.multiple", q(g.from().requireValue()), q(g.to().requireValue()),
                times(g.multiple().get()), q(statedMultiple), q(g.annualRate().get()), q(statedRate)));
        Quantity d25 = calc.convert(g.from().requireValue(), Measure.TOKENS_PER_YEAR, TimePeriod.parse("2025"), Measure.TOKENS_PER_DAY);
        Quantity d30 = calc.convert(g.to().requireValue(), Measure.TOKENS_PER_YEAR, TimePeriod.parse("2030"), Measure.TOKENS_PER_DAY);
        line("A11, A12", "per day", d25, m("report.jpm.perday", q(d25), q(d30)));
        line("A11, A9, A10", "vs reported", d25, m("report.jpm.vs", q(d25), q(v("china-daily", "mid-2025")), q(v("china-daily", "2026-02"))));
    }

    private Claim claim(String id) {
        return data.claim(id).orElseThrow(() -> new IllegalStateException("the bundled dataset has no claim " + id));
    }

    private void openRouter() {
        TimePeriod w16 = TimePeriod.parse("2026-W16");
        section("report.openrouter", lang == Language.ZH ? w16.label(lang) : w16.toString());
        String usId = "openrouter-us-weekly";
        String cnId = "openrouter-china-weekly";
        Comparison c = calc.compare(data.series(usId), data.series(cnId), w16, data.series("openrouter-total-weekly"));
        Quantity total = c.total().get();
        line("B1", "total", total, m("report.or.total", q(total)));
        // one cadence before any comparison with the daily figures: a week's total over its 7 days
        Quantity perDay = calc.convert(total, io.tokenmetrics.data.Measure.TOKENS_PER_WEEK, w16, io.tokenmetrics.data.Measure.TOKENS_PER_DAY);
        line("B1, A10", "cadence", perDay, m("report.or.cadence", q(total), q(perDay), q(v("china-daily", "2026-02"))));
        Observation cn = data.series(cnId).require(w16);
        Observation us = data.series(usId).require(w16);
        line("B3", "china", c.secondValue(), m("report.or.region", m("report.china.models"), q(c.secondValue()), signed(cn.statedChange().get()),
                q(c.secondPrevious().get()), changeTerm(cn.statedChange().get())));
        line("B4", "us", c.firstValue(), m("report.or.region", m("report.us.models"), q(c.firstValue()), signed(us.statedChange().get()),
                q(c.firstPrevious().get()), changeTerm(us.statedChange().get())));
        Quantity others = total.minus(c.sum(), Unit.TOKENS);
        Quantity otherShare = calc.share(Arrays.asList(others), total).percent();
        line("B1, B3, B4", "shares of total", c.firstShareOfTotal().get(), m("report.or.shares", q(c.firstShareOfTotal().get()),
                q(c.secondShareOfTotal().get()), q(otherShare), q(others)));
        line("B3, B4", "shares of china+us", c.firstShareOfSum().get(), m("report.or.sum", q(c.sum()), q(c.firstShareOfSum().get()),
                q(c.secondShareOfSum().get())));
        Quantity prevGap = c.secondPrevious().get().minus(c.firstPrevious().get(), Unit.TOKENS);
        line("B3, B4, B5", "leader", c.difference(), m("report.or.leader", side(c.leader(), usId, cnId), q(c.difference()),
                side(c.previousLeader(), usId, cnId), q(prevGap), m(c.leadChanged().orElse(false) ? "report.or.changed" : "report.or.same")));
    }

    /** "+ 20.62%" or "- 23.77%": the stated change as the term of the divisor, from the dataset. */
    private String changeTerm(Quantity change) {
        String s = change.formatSigned(lang, 2);
        return s.startsWith("-") ? "- " + s.substring(1) : "+ " + s.replace("+", "");
    }

    /** The leader in words: US, China, a tie, or unknown; never China for a tie. */
    private String side(Leader l, String us, String cn) {
        if (l.is(us)) {
            return m("report.us.name");
        }
        if (l.is(cn)) {
            return m("report.china.name");
        }
        return m(l.kind() == Leader.Kind.TIE ? "report.tie" : "report.unknown");
    }

    private void claude() {
        TimePeriod w16 = TimePeriod.parse("2026-W16");
        section("report.claude");
        Observation sonnet = data.series("openrouter-claude-sonnet-4-6-weekly").require(w16);
        Observation opus = data.series("openrouter-claude-opus-4-6-weekly").require(w16);
        Quantity prev = calc.impliedPrevious(sonnet.requireValue(), sonnet.statedChange().get());
        line("B6", "sonnet", sonnet.requireValue(), m("report.claude.sonnet", rank(sonnet), q(sonnet.requireValue()),
                signed(sonnet.statedChange().get()), q(prev)));
        Share sh = calc.share(data.series("openrouter-us-weekly"), w16, data.series("openrouter-claude-sonnet-4-6-weekly"),
                data.series("openrouter-claude-opus-4-6-weekly"));
        Quantity threshold = claim("B8").stated().get();
        // whether this agrees with the article is the claim check's to say, not the sentence's
        boolean agrees = ClaimChecker.create().check(claim("B8"), data).verdict() == io.tokenmetrics.calc.Verdict.CONSISTENT;
        line("B7, B8", "share of us", sh.percent(), m("report.claude.share", rank(opus), q(opus.requireValue()), q(sh.sum()), q(sh.percent()),
                q(sh.whole()), m(agrees ? "report.claude.above" : "report.claude.notabove", q(threshold))));
    }

    private String rank(Observation o) {
        if (!o.rank().isPresent()) {
            return "?";
        }
        int r = o.rank().getAsInt();
        // Chinese writes small ranks in words: 第一, 第三
        String n = lang == Language.ZH && r >= 1 && r <= 10 ? "一二三四五六七八九十".substring(r - 1, r) : Integer.toString(r);
        return m("report.rank", n);
    }

    private void rankings() {
        section("report.rankings");
        Observation qwen = data.series("openrouter-qwen-3-6-plus-weekly").require(TimePeriod.parse("2026-W15"));
        Observation sonnet = data.series("openrouter-claude-sonnet-4-6-weekly").require(TimePeriod.parse("2026-W16"));
        Quantity sonnetPrev = calc.impliedPrevious(sonnet.requireValue(), sonnet.statedChange().get());
        line("B9, B10", "qwen", qwen.requireValue(), m("report.rank.qwen", rank(qwen), label("2026-W15"), q(qwen.requireValue()), q(sonnetPrev),
                label("2026-W16")));
        line("B11", "kimi, glm", null, m("report.rank.kimi", label("2026-W14"), label("2026-W16")));
        line("B12", "step", null, m("report.rank.step", label("2026-W15"), label("2026-W16")));
    }

    private void globalShare() {
        section("report.global");
        TimePeriod w16 = TimePeriod.parse("2026-W16");
        Quantity week = v("openrouter-total-weekly", "2026-W16");
        Quantity share = v("openrouter-global-share", "2026");
        Quantity global = calc.scaleByShare(week, share);
        Quantity daily = calc.convert(global, Measure.TOKENS_PER_WEEK, w16, Measure.TOKENS_PER_DAY);
        line("B1, B13", "global weekly", global, m("report.global.weekly", q(week), q(share), q(global), q(daily)));
        Quantity china = v("china-daily", "2026-02");
        Quantity ratio = china.dividedBy(daily, Unit.MULTIPLE);
        line("B13, A10", "vs china daily", ratio, m("report.global.china", q(china), q(ratio)));
    }

    private void seedance() {
        section("report.seedance");
        Quantity perVideo = data.series("seedance-2-video").observations().get(0).requireValue();
        Quantity perSecond = perVideo.dividedBy(BigDecimal.TEN);
        // the figures carry their own 约 or ~ when approximate: the sentence adds none
        line("A1", "tokens per second", perSecond, m("report.seedance.line", q(perVideo), q(perSecond)));
    }

    private void prices() {
        section("report.prices");
        line("PA1", "aws", v("aws-ec2-ml-capacity-block-price", "2026"), m("report.prices.aws", q(v("aws-ec2-ml-capacity-block-price", "2026"))));
        line("PA2, PB1", "zhipu", v("zhipu-price-changes", "2026-04-08"), m("report.prices.zhipu", q(v("zhipu-price-changes", "2026-02-12")),
                label("2026-02-12"), q(v("zhipu-price-changes", "2026-04-08")), label("2026-04-08")));
        // the two stated rises compounded; the year's second change has no stated size and is not guessed
        CompoundedChange zhipu = calc.compound(java.util.Arrays.asList(data.series("zhipu-price-changes").observations().get(0).value(),
                java.util.Optional.<Quantity>empty(), data.series("zhipu-price-changes").observations().get(1).value()));
        line("PA2, PB1", "zhipu compounded", zhipu.multiple(), m("report.prices.zhipu.compound", q(zhipu.multiple()), q(zhipu.percent())));
        Quantity claude = v("anthropic-claude-enterprise-heavy-user-cost", "2026-04");
        line("PB2", "claude enterprise", claude, m("report.prices.claude", q(claude)));
        // at the seat's ceiling of $200: usage billing costs more above $180 of usage; 2× to 3× the seat is $400 to $600, $380 to $580 of usage
        Quantity seat = Quantity.of(200, Unit.USD);
        Quantity fee = Quantity.of(20, Unit.USD);
        PlanComparison even = PlanComparison.of(seat, fee, Quantity.of(0, Unit.USD));
        Quantity heavyUsage = claude.withUnit(Unit.NUMBER).times(seat.value()).withUnit(Unit.USD).minus(fee, Unit.USD);
        line("PB2", "claude break-even", even.breakEven(), m("report.prices.claude.breakeven", q(even.breakEven()), q(heavyUsage)));
    }

    private void claims() {
        section("report.claims");
        for (ClaimCheck c : ClaimChecker.create().checkAll(data)) {
            line(c.claim().fact().orElse(c.claim().id()), c.claim().id(), c.computed().orElse(null), m("report.claims.line", c.claim().id(),
                    m("report.verdict." + c.verdict().name().toLowerCase(java.util.Locale.ROOT)), c.claim().statement(lang)));
        }
    }
}
