#pragma once

#include <QProxyStyle>

namespace leadtrail {

/**
 * Fusion with one correction for dark palettes: Fusion outlines check boxes
 * and radio buttons in a shade of the window colour, which in a dark palette
 * is as dark as the box itself, so an unticked box disappears. This draws
 * the outline again in a colour that stands out from the background.
 */
class LeadtrailStyle final : public QProxyStyle
{
    Q_OBJECT

public:
    LeadtrailStyle();

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget = nullptr) const override;
};

} // namespace leadtrail
