#include "leadtrailstyle.h"

#include <QPainter>
#include <QStyleFactory>
#include <QStyleOption>

using namespace Qt::StringLiterals;

namespace leadtrail {

LeadtrailStyle::LeadtrailStyle()
    : QProxyStyle(QStyleFactory::create(u"Fusion"_s))
{
}

void LeadtrailStyle::drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                                   const QWidget *widget) const
{
    QProxyStyle::drawPrimitive(element, option, painter, widget);
    const bool box = element == PE_IndicatorCheckBox || element == PE_IndicatorItemViewItemCheck;
    const bool radio = element == PE_IndicatorRadioButton;
    if (!(box || radio) || option->palette.color(QPalette::Window).lightness() >= 128)
        return;

    // Disabled boxes keep a fainter outline, so they still read as disabled.
    const bool enabled = option->state & State_Enabled;
    QColor outline = option->palette.color(QPalette::Disabled, QPalette::Text);
    if (enabled)
        outline = outline.lighter(125);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, radio);
    painter->setPen(outline);
    painter->setBrush(Qt::NoBrush);
    const QRect rect = option->rect.adjusted(0, 0, -1, -1);
    if (radio)
        painter->drawEllipse(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5));
    else
        painter->drawRect(rect);
    painter->restore();
}

} // namespace leadtrail
