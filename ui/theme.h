#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace leadtrail {

/**
 * Light and dark palettes for the whole application. "system" follows the
 * desktop's colour scheme; "light" and "dark" force one. Widgets never hard-
 * code colours beyond accents; they read the palette, so both themes work.
 */
class Theme final
{
    Q_DECLARE_TR_FUNCTIONS(Theme)

public:
    enum class Mode { System, Light, Dark };

    static void apply(Mode mode);
    static Mode fromName(const QString &name);
    static QString name(Mode mode);
    /** True when the palette in use is a dark one. */
    static bool isDark();
    /** The red of error messages, readable on the palette in use. */
    static QColor errorColor();
};

} // namespace leadtrail
