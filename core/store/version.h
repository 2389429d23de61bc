#pragma once

#include <QString>

namespace leadtrail {

/** The application's version string, as the build knows it. */
QString applicationVersion();

} // namespace leadtrail
