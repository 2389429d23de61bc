#include "figurewidget.h"

#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace leadtrail {

FigureWidget::FigureWidget(const QString &caption, const QString &accent, QWidget *parent)
    : QFrame(parent)
    , m_caption(caption)
{
    setFrameShape(QFrame::StyledPanel);
    setObjectName(u"figure"_s);
    setStyleSheet(u"QFrame#figure { border-top: 4px solid %1; border-radius: 6px; }"_s.arg(accent));
    setAccessibleName(caption);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(0);
    auto *title = new QLabel(caption, this);
    QFont small = title->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    title->setFont(small);
    m_value = new QLabel(u"–"_s, this);
    m_value->setObjectName(u"value"_s);
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 2.3);
    big.setBold(true);
    m_value->setFont(big);
    m_note = new QLabel(this);
    m_note->setFont(small);
    layout->addWidget(title);
    layout->addWidget(m_value);
    layout->addWidget(m_note);
    setMinimumWidth(120);
}

void FigureWidget::setValue(qint64 value, const QString &note)
{
    m_value->setText(QLocale().toString(value));
    m_note->setText(note.isEmpty() ? u" "_s : note);
    setAccessibleDescription(u"%1 %2"_s.arg(m_value->text(), note));
}

QString FigureWidget::valueText() const
{
    return m_value->text();
}

QString FigureWidget::noteText() const
{
    return m_note->text();
}

} // namespace leadtrail
