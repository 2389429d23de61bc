#include "errorlabel.h"

#include "theme.h"

#include <QEvent>

namespace leadtrail {

ErrorLabel::ErrorLabel(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    applyColour();
    hide();
}

void ErrorLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColour();
}

void ErrorLabel::applyColour()
{
    const QColor red = Theme::errorColor();
    if (palette().color(QPalette::WindowText) == red)
        return; // also ends the PaletteChange that setPalette() below sends
    QPalette own = palette();
    own.setColor(QPalette::WindowText, red);
    setPalette(own);
}

} // namespace leadtrail
