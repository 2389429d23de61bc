#pragma once

#include <QLabel>

namespace leadtrail {

/**
 * Where a screen says in words what went wrong: wrapped text in the theme's
 * error red (Theme::errorColor), hidden until there is something to say.
 * The red follows a theme change made while the label exists.
 */
class ErrorLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorLabel)

public:
    explicit ErrorLabel(QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyColour();
};

} // namespace leadtrail
