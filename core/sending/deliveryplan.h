#pragma once

#include "campaign/linkrewriter.h"
#include "campaign/mergefields.h"

#include <QString>
#include <QVector>

#include <memory>

namespace leadtrail {

class TrackingLinks;

/**
 * A campaign's HTML (and derived text part) compiled once into literal spans
 * and slots, so that a delivery is a concatenation instead of a merge, a
 * tokenization, a link rewrite and an HTML→text conversion.
 *
 * Compiling runs the very same MergeFields, LinkRewriter and HtmlToText on
 * the template with a sentinel in place of every per-delivery value
 * (merge-field values, tracked URLs); the sentinels' positions in their
 * output are the slots. Filling puts each delivery's values there, escaped
 * as the renderer would have escaped them, so the result is byte for byte
 * what the per-delivery path produces.
 *
 * compile() refuses (nullptr) a template whose structure could depend on a
 * recipient: a merge field inside a tag or comment (e.g. in an href), a
 * fallback with markup, a value landing in a link's destination. fill()
 * refuses a delivery whose values could change the outcome (a URL that
 * cannot be signed); the caller then renders it the per-delivery way. A text
 * part is filled only when every value reads the same after HTML→text
 * (non-empty, no whitespace runs or invisible characters), and converted the
 * per-delivery way otherwise.
 */
class DeliveryPlan final
{
public:
    /**
     * @p fields: any recipient's fields (only which names are known matters);
     * @p deriveText: also plan the text part derived from the HTML.
     */
    static std::unique_ptr<const DeliveryPlan> compile(const QString &html, const LinkRewriter::Options &options,
                                                       const MergeFields &fields, bool deriveText);

    /**
     * One delivery's tracked HTML and, when planned, its derived text. False
     * when this delivery must be rendered the per-delivery way.
     */
    bool fill(const MergeFields &fields, const QString &unsubscribeUrl, TrackingLinks &links, QString *html,
              QString *text) const;

private:
    enum class SlotKind { Merge, Click, Unsubscribe, Pixel, Decoy };

    struct Slot
    {
        SlotKind kind = SlotKind::Merge;
        MergeFields::Placeholder placeholder; ///< Merge
        int linkIndex = 0;                    ///< Click
        QString destination;                  ///< Click
    };

    /** Literal text, then the value of a slot (-1 after the last literal). */
    struct Piece
    {
        QString literal;
        int slot = -1;
    };

    DeliveryPlan() = default;
    static bool split(const QString &rendered, const QVector<Slot> &slotTable, QVector<Piece> *pieces);
    static QString concat(const QVector<Piece> &pieces, const QVector<QString> &values, qsizetype reserve);

    QVector<Slot> m_slots;
    QVector<Piece> m_html;
    QVector<Piece> m_text;
    bool m_hasText = false;
    qsizetype m_htmlSize = 0;
    qsizetype m_textSize = 0;
};

} // namespace leadtrail
