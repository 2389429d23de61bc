#pragma once

#include <QFrame>

class QLabel;

namespace leadtrail {

/** One headline figure of the stats panel: a caption, a large number and a rate beneath it. */
class FigureWidget final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FigureWidget)

public:
    FigureWidget(const QString &caption, const QString &accent, QWidget *parent = nullptr);

    void setValue(qint64 value, const QString &note = {});
    QString valueText() const;
    QString noteText() const;

private:
    QLabel *m_value = nullptr;
    QLabel *m_note = nullptr;
    QString m_caption;
};

} // namespace leadtrail
