#pragma once

#include <string>

namespace leadtrail::relay {

/** The relay's version string. */
std::string version();

} // namespace leadtrail::relay
