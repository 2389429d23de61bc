// An error said on a screen stays readable in the theme in use, also after
// the theme changes while the screen is open.
#include "errorlabel.h"
#include "theme.h"

#include <QTest>

using namespace leadtrail;

class TestErrorLabel final : public QObject
{
    Q_OBJECT

private slots:
    void redFollowsTheTheme()
    {
        Theme::apply(Theme::Mode::Light);
        QWidget window;
        auto *label = new ErrorLabel(&window);
        QVERIFY(label->isHidden()); // nothing to say yet
        QVERIFY(label->wordWrap());
        QCOMPARE(label->palette().color(QPalette::WindowText), Theme::errorColor());
        const QColor light = Theme::errorColor();

        Theme::apply(Theme::Mode::Dark);
        QCoreApplication::processEvents();
        QVERIFY(Theme::errorColor() != light);
        QCOMPARE(label->palette().color(QPalette::WindowText), Theme::errorColor());
        // The rest of the label's palette is the dark theme's.
        QCOMPARE(label->palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));

        Theme::apply(Theme::Mode::Light);
        QCoreApplication::processEvents();
        QCOMPARE(label->palette().color(QPalette::WindowText), light);
    }
};

QTEST_MAIN(TestErrorLabel)
#include "tst_errorlabel.moc"
