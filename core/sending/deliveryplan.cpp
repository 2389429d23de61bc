#include "sending/deliveryplan.h"

#include "campaign/htmltokenizer.h"
#include "campaign/htmltotext.h"
#include "campaign/trackinglinks.h"

#include <QHash>

#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

// Slot i is marked by the private-use character U+E000 + i; a template that
// already contains private-use characters is not planned.
constexpr char16_t sentinelBase = 0xE000;
constexpr char16_t privateUseLast = 0xF8FF;
constexpr int maxSlots = privateUseLast - sentinelBase;
// Tracked URLs must look like http(s) URLs to the rewriter and to HtmlToText.
const QString urlPrefix = u"https://"_s;

bool isPrivateUse(QChar c)
{
    return c.unicode() >= sentinelBase && c.unicode() <= privateUseLast;
}

QChar sentinel(int slot)
{
    return QChar(char16_t(sentinelBase + slot));
}

bool containsPrivateUse(QStringView text)
{
    return std::any_of(text.begin(), text.end(), isPrivateUse);
}

/** A URL that escapeHtml() and HtmlToText leave exactly as it is. */
bool isPlainUrl(const QString &url)
{
    if (!LinkRewriter::isHttpUrl(url))
        return false;
    for (const QChar c : url) {
        const char16_t u = c.unicode();
        if (u <= 0x20 || u == '&' || u == '<' || u == '>' || u == '"' || u == '\'' || c.isSpace())
            return false;
    }
    return true;
}

/**
 * A value that HtmlToText copies through unchanged wherever it stands in
 * running text: what it does to a single visible character (the sentinel)
 * it does to each character of this value.
 */
bool readsTheSameAsText(const QString &value)
{
    if (value.isEmpty() || value.front() == u' ' || value.back() == u' ')
        return false;
    QChar previous;
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (u == ' ') {
            if (previous == u' ')
                return false;
        } else if (c.isSpace() || u < 0x20 || u == 0x7f || u == 0x200b || u == 0x200c || u == 0x200d
                   || u == 0x034f || u == 0xad || u == 0xfeff) {
            return false;
        }
        previous = c;
    }
    return true;
}

/** The tracked URLs of the compile run: each one a sentinel that records its slot. */
class SentinelLinks final : public TrackingLinks
{
public:
    std::function<QString(int, const QString &)> click;
    std::function<QString()> pixel;
    std::function<QString()> unsubscribe;
    std::function<QString()> decoy;

    QString clickUrl(int linkIndex, const QString &destination) override { return click(linkIndex, destination); }
    QString openPixelUrl() override { return pixel(); }
    QString unsubscribeUrl() override { return unsubscribe(); }
    QString decoyUrl() override { return decoy(); }
};

} // namespace

std::unique_ptr<const DeliveryPlan> DeliveryPlan::compile(const QString &html, const LinkRewriter::Options &options,
                                                         const MergeFields &fields, bool deriveText)
{
    if (containsPrivateUse(html))
        return nullptr;
    std::unique_ptr<DeliveryPlan> plan(new DeliveryPlan);
    QVector<Slot> &slotTable = plan->m_slots;
    const auto urlSlot = [&](Slot slot) {
        slotTable.append(std::move(slot));
        return urlPrefix + sentinel(int(slotTable.size() - 1));
    };
    const QString unsubscribe = urlSlot({SlotKind::Unsubscribe, {}, 0, {}});

    // The template with a sentinel for every placeholder render() replaces.
    QString merged;
    merged.reserve(html.size());
    QHash<QString, int> mergeSlots; // by what the placeholder says
    qsizetype copied = 0;
    for (const MergeFields::Placeholder &p : MergeFields::placeholders(html)) {
        QString marker;
        if (p.name == QLatin1String("unsubscribe_url")) {
            marker = unsubscribe;
        } else {
            if (!fields.replacement(p, MergeFields::Context::Html))
                continue; // left as written for every recipient
            // Markup in a fallback would change the document's structure for some recipients only.
            if (p.hasFallback && (p.fallback.contains(u'<') || p.fallback.contains(u'>')))
                return nullptr;
            auto it = mergeSlots.constFind(p.inside);
            if (it == mergeSlots.constEnd()) {
                slotTable.append({SlotKind::Merge, p, 0, {}});
                it = mergeSlots.insert(p.inside, int(slotTable.size() - 1));
            }
            marker = sentinel(*it);
        }
        merged += QStringView(html).mid(copied, p.begin - copied);
        merged += marker;
        copied = p.end;
    }
    merged += QStringView(html).mid(copied);

    // A value inside a tag or comment could change how the document parses
    // (an unquoted attribute, an href): such templates render per delivery.
    // In running text a value could complete an entity begun before it
    // (`&{{x}};`): then the text part is converted per delivery.
    bool textPlannable = deriveText;
    HtmlTokenizer tokenizer(merged);
    HtmlTokenizer::Token token;
    while (tokenizer.next(token)) {
        for (qsizetype i = token.begin; i < token.end; ++i) {
            if (!isPrivateUse(merged[i]))
                continue;
            const bool isMerge = slotTable[merged[i].unicode() - sentinelBase].kind == SlotKind::Merge;
            if (token.type != HtmlTokenizer::TokenType::Text) {
                if (isMerge)
                    return nullptr;
                continue;
            }
            qsizetype b = i;
            if (!isMerge)
                b -= urlPrefix.size();
            while (b > token.begin && (merged[b - 1].isLetterOrNumber() || merged[b - 1] == u'#'))
                --b;
            if (b > token.begin && merged[b - 1] == u'&')
                textPlannable = false;
        }
    }
    if (slotTable.size() > maxSlots)
        return nullptr;

    SentinelLinks recorder;
    int pixelSlot = -1;
    int decoySlot = -1;
    recorder.unsubscribe = [&] { return unsubscribe; };
    recorder.click = [&](int index, const QString &destination) {
        return urlSlot({SlotKind::Click, {}, index, destination});
    };
    // The pixel and the decoy are one slot each, however often they are asked for.
    const auto onceSlot = [&](SlotKind kind, int &slot) {
        if (slot < 0) {
            urlSlot({kind, {}, 0, {}});
            slot = int(slotTable.size() - 1);
        }
        return urlPrefix + sentinel(slot);
    };
    recorder.pixel = [&] { return onceSlot(SlotKind::Pixel, pixelSlot); };
    recorder.decoy = [&] { return onceSlot(SlotKind::Decoy, decoySlot); };
    const LinkRewriter::Result rewritten = LinkRewriter::rewrite(merged, options, recorder);
    if (slotTable.size() > maxSlots)
        return nullptr;
    for (const LinkRewriter::Link &link : rewritten.links) {
        if (containsPrivateUse(link.destination))
            return nullptr; // a recipient's value in a destination
    }
    if (!split(rewritten.html, slotTable, &plan->m_html))
        return nullptr;
    plan->m_htmlSize = rewritten.html.size();
    if (textPlannable) {
        const QString text = HtmlToText::convert(rewritten.html);
        plan->m_hasText = split(text, slotTable, &plan->m_text);
        plan->m_textSize = text.size();
    }
    return plan;
}

bool DeliveryPlan::split(const QString &rendered, const QVector<Slot> &slotTable, QVector<Piece> *pieces)
{
    pieces->clear();
    Piece piece;
    for (const QChar c : rendered) {
        if (!isPrivateUse(c)) {
            piece.literal += c;
            continue;
        }
        const int slot = c.unicode() - sentinelBase;
        if (slot >= slotTable.size())
            return false;
        if (slotTable[slot].kind != SlotKind::Merge) {
            if (!piece.literal.endsWith(urlPrefix))
                return false; // the URL was changed on the way: cannot know how
            piece.literal.chop(urlPrefix.size());
        }
        piece.slot = slot;
        pieces->append(std::move(piece));
        piece = Piece();
    }
    pieces->append(std::move(piece));
    return true;
}

QString DeliveryPlan::concat(const QVector<Piece> &pieces, const QVector<QString> &values, qsizetype reserve)
{
    QString out;
    out.reserve(reserve);
    for (const Piece &piece : pieces) {
        out += piece.literal;
        if (piece.slot >= 0)
            out += values[piece.slot];
    }
    return out;
}

bool DeliveryPlan::fill(const MergeFields &fields, const QString &unsubscribeUrl, TrackingLinks &links,
                        QString *html, QString *text) const
{
    QVector<QString> htmlValues(m_slots.size());
    QVector<QString> textValues(m_slots.size());
    bool textFits = m_hasText && text;
    qsizetype valuesSize = 0;
    for (qsizetype i = 0; i < m_slots.size(); ++i) {
        const Slot &slot = m_slots[i];
        QString url;
        switch (slot.kind) {
        case SlotKind::Merge: {
            std::optional<QString> value = fields.replacement(slot.placeholder, MergeFields::Context::Html);
            if (!value)
                return false;
            if (textFits) {
                QString plain = *fields.replacement(slot.placeholder, MergeFields::Context::Text);
                // A fallback with entities or quotes reads differently as text.
                textFits = readsTheSameAsText(plain) && MergeFields::escapeHtml(plain) == *value;
                textValues[i] = std::move(plain);
            }
            htmlValues[i] = std::move(*value);
            valuesSize += htmlValues[i].size();
            continue;
        }
        case SlotKind::Unsubscribe:
            url = unsubscribeUrl;
            break;
        case SlotKind::Click:
            url = links.clickUrl(slot.linkIndex, slot.destination);
            break;
        case SlotKind::Pixel:
            url = links.openPixelUrl();
            break;
        case SlotKind::Decoy:
            url = links.decoyUrl();
            break;
        }
        // Unsignable or unusual URLs change what the rewriter and HtmlToText do.
        if (!isPlainUrl(url))
            return false;
        valuesSize += url.size();
        htmlValues[i] = url; // escapeHtml() leaves a plain URL as it is
        textValues[i] = std::move(url);
    }
    *html = concat(m_html, htmlValues, m_htmlSize + valuesSize);
    if (text)
        *text = textFits ? concat(m_text, textValues, m_textSize + valuesSize) : HtmlToText::convert(*html);
    return true;
}

} // namespace leadtrail
