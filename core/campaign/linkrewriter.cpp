#include "campaign/linkrewriter.h"

#include <algorithm>

#include <QCoreApplication>
#include <QUrl>

#include "campaign/htmltokenizer.h"
#include "campaign/mergefields.h"
#include "campaign/trackinglinks.h"

namespace leadtrail {

namespace {

/** One change to the document: replace [begin, end) with text. */
struct Edit
{
    qsizetype begin = 0;
    qsizetype end = 0;
    QString text;
};

bool isLinkTag(const QString &name)
{
    // VML shapes (v:roundrect, v:rect, v:oval, …) are Outlook's buttons.
    return name == QLatin1String("a") || name == QLatin1String("area")
        || name.startsWith(QLatin1String("v:"));
}

/** Browsers strip leading and trailing ASCII whitespace and controls from URLs. */
QString trimUrl(const QString &url)
{
    qsizetype b = 0;
    qsizetype e = url.size();
    while (b < e && url[b].unicode() <= 0x20)
        ++b;
    while (e > b && url[e - 1].unicode() <= 0x20)
        --e;
    return url.mid(b, e - b);
}

QString queryKey(QStringView pair)
{
    const qsizetype eq = pair.indexOf(u'=');
    return QUrl::fromPercentEncoding((eq < 0 ? pair : pair.left(eq)).toUtf8()).toLower();
}

} // namespace

bool LinkRewriter::isHttpUrl(const QString &url)
{
    return url.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)
        || url.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

QString LinkRewriter::mergeUtm(const QString &url, const Options &options)
{
    QVector<QPair<QString, QString>> wanted;
    if (!options.utmSource.isEmpty())
        wanted.append({QStringLiteral("utm_source"), options.utmSource});
    wanted.append({QStringLiteral("utm_medium"), QStringLiteral("email")});
    if (!options.utmCampaign.isEmpty())
        wanted.append({QStringLiteral("utm_campaign"), options.utmCampaign});
    if (options.sequencePosition > 0)
        wanted.append({QStringLiteral("utm_content"), QStringLiteral("email-%1").arg(options.sequencePosition)});
    if (!options.leadCategory.isEmpty())
        wanted.append({QStringLiteral("utm_term"), options.leadCategory});

    const qsizetype hash = url.indexOf(u'#');
    const QString beforeFragment = hash < 0 ? url : url.left(hash);
    const QString fragment = hash < 0 ? QString() : url.mid(hash);
    const qsizetype question = beforeFragment.indexOf(u'?');
    const QString query = question < 0 ? QString() : beforeFragment.mid(question + 1);

    QStringList existing;
    for (const QStringView pair : QStringView(query).split(u'&'))
        existing.append(queryKey(pair));

    QString added;
    for (const auto &[key, value] : wanted) {
        if (existing.contains(key))
            continue; // the author's own value wins
        if (!added.isEmpty())
            added += u'&';
        added += key + u'=' + QString::fromLatin1(QUrl::toPercentEncoding(value));
    }
    if (added.isEmpty())
        return url;

    QString out = beforeFragment;
    if (question < 0)
        out += u'?';
    else if (!query.isEmpty() && !query.endsWith(u'&'))
        out += u'&';
    return out + added + fragment;
}

QString LinkRewriter::pixelMarkup(const QString &pixelUrl)
{
    return QStringLiteral("<img src=\"%1\" width=\"1\" height=\"1\" alt=\"\" style=\"display:block;border:0\">")
        .arg(MergeFields::escapeHtml(pixelUrl));
}

QString LinkRewriter::decoyMarkup(const QString &decoyUrl)
{
    // Hidden from sight (display:none, zero size, mso-hide for Outlook), from
    // the keyboard (tabindex=-1) and from screen readers (aria-hidden); no
    // text, so a human can neither see nor select it. Scanners that follow
    // every href still find it, which is the point.
    return QStringLiteral("<a href=\"%1\" tabindex=\"-1\" aria-hidden=\"true\" "
                          "style=\"display:none;font-size:0;line-height:0;max-height:0;max-width:0;"
                          "opacity:0;overflow:hidden;mso-hide:all\"></a>")
        .arg(MergeFields::escapeHtml(decoyUrl));
}

QString LinkRewriter::footerMarkup(const QString &unsubscribeUrl)
{
    const QString line = QCoreApplication::translate(
        "LinkRewriter", "If you would rather not receive these emails, you can %1unsubscribe%2.");
    return QStringLiteral("<p style=\"font-size:12px;line-height:1.5;color:#666666;text-align:center\">%1</p>")
        .arg(line.arg(QStringLiteral("<a href=\"%1\">").arg(MergeFields::escapeHtml(unsubscribeUrl)),
                      QStringLiteral("</a>")));
}

LinkRewriter::Result LinkRewriter::rewrite(const QString &html, const Options &options, TrackingLinks &links)
{
    Result result;
    QVector<Edit> edits;
    const QString unsubscribe = links.unsubscribeUrl();

    qsizetype bodyOpenEnd = -1;
    qsizetype bodyCloseBegin = -1;
    qsizetype htmlCloseBegin = -1;

    HtmlTokenizer tokenizer(html);
    HtmlTokenizer::Token token;
    while (tokenizer.next(token)) {
        if (token.type == HtmlTokenizer::TokenType::EndTag) {
            if (token.name == QLatin1String("body"))
                bodyCloseBegin = token.begin;
            else if (token.name == QLatin1String("html"))
                htmlCloseBegin = token.begin;
            continue;
        }
        if (token.type != HtmlTokenizer::TokenType::StartTag)
            continue;
        if (token.name == QLatin1String("body") && bodyOpenEnd < 0)
            bodyOpenEnd = token.end;
        if (!isLinkTag(token.name))
            continue;
        const HtmlTokenizer::Attribute *href = HtmlTokenizer::attribute(token, QLatin1String("href"));
        if (!href || !href->hasValue() || HtmlTokenizer::attribute(token, QLatin1String("data-lt-notrack")))
            continue;
        QString destination = trimUrl(HtmlTokenizer::decodeEntities(tokenizer.rawValue(*href)));
        if (!isHttpUrl(destination) || destination == unsubscribe)
            continue;
        if (options.utm)
            destination = mergeUtm(destination, options);
        if (!options.trackClicks && !options.utm)
            continue;

        Link link;
        link.index = int(result.links.size());
        link.destination = destination;
        link.href = options.trackClicks ? links.clickUrl(link.index, destination) : destination;
        if (link.href.isEmpty()) {
            // Too long to sign: the link keeps working, untracked.
            if (!options.utm)
                continue;
            link.href = destination;
        }
        edits.append({href->valueBegin, href->valueEnd, MergeFields::escapeHtml(link.href)});
        result.links.append(link);
    }

    if (options.decoyLink) {
        const qsizetype at = bodyOpenEnd >= 0 ? bodyOpenEnd : 0;
        edits.append({at, at, decoyMarkup(links.decoyUrl())});
    }
    QString closing;
    if (options.unsubscribeFooter)
        closing += footerMarkup(unsubscribe);
    if (options.trackOpens)
        closing += pixelMarkup(links.openPixelUrl());
    if (!closing.isEmpty()) {
        const qsizetype at = bodyCloseBegin >= 0 ? bodyCloseBegin
            : htmlCloseBegin >= 0                ? htmlCloseBegin
                                                 : html.size();
        edits.append({at, at, closing});
    }

    std::stable_sort(edits.begin(), edits.end(),
                     [](const Edit &a, const Edit &b) { return a.begin < b.begin; });
    QString out;
    out.reserve(html.size() + 256 * (edits.size() + 1));
    qsizetype copied = 0;
    for (const Edit &edit : std::as_const(edits)) {
        out += QStringView(html).mid(copied, edit.begin - copied);
        out += edit.text;
        copied = edit.end;
    }
    out += QStringView(html).mid(copied);
    result.html = out;
    return result;
}

} // namespace leadtrail
