#include "theme.h"

#include "leadtrailstyle.h"

#include <QApplication>
#include <QGuiApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x27, 0x29, 0x2d));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x38, 0x3d));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    p.setColor(QPalette::Link, QColor(0x6a, 0xa8, 0xff));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x7b, 0xe8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x45, 0x48, 0x4e));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3d, 0x42));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1c));
    p.setColor(QPalette::Shadow, Qt::black);
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

QPalette lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(u"Fusion"_s));
    QPalette p = fusion->standardPalette();
    p.setColor(QPalette::Window, QColor(0xf4, 0xf5, 0xf7));
    p.setColor(QPalette::AlternateBase, QColor(0xf7, 0xf8, 0xfa));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xdf));
    p.setColor(QPalette::Link, QColor(0x2f, 0x6f, 0xdf));
    return p;
}

} // namespace

void Theme::apply(Mode mode)
{
    // The desktop's own palette, as it was before we set one: Qt 6.4 has no
    // colour-scheme hint, so "system" means "as dark as the platform palette".
    static const QPalette platform = QGuiApplication::palette();
    QApplication::setStyle(new LeadtrailStyle);
    bool dark = mode == Mode::Dark;
    if (mode == Mode::System)
        dark = platform.color(QPalette::Window).lightness() < 128;
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
}

Theme::Mode Theme::fromName(const QString &name)
{
    if (name == u"light"_s)
        return Mode::Light;
    if (name == u"dark"_s)
        return Mode::Dark;
    return Mode::System;
}

QString Theme::name(Mode mode)
{
    switch (mode) {
    case Mode::Light: return u"light"_s;
    case Mode::Dark: return u"dark"_s;
    case Mode::System: break;
    }
    return u"system"_s;
}

bool Theme::isDark()
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

QColor Theme::errorColor()
{
    return isDark() ? QColor(0xff, 0x8a, 0x80) : QColor(0xc0, 0x39, 0x2b);
}

} // namespace leadtrail
