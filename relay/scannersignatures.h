#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace leadtrail::relay {

/**
 * User-agent signatures of mail scanners, link checkers and prefetchers,
 * loaded from relay/data/scanners.txt ("Name | substring" per line,
 * case-insensitive), so operators extend the list without a rebuild.
 */
class ScannerSignatures final
{
public:
    /** Adds the signatures of a file; false if it cannot be read. */
    bool loadFile(const std::string &path);
    void add(std::string name, std::string substring);
    /** The name of the first signature found in the user agent, or "" when none matches. */
    std::string_view match(std::string_view userAgent) const;
    std::size_t size() const { return m_signatures.size(); }

private:
    struct Signature
    {
        std::string name;
        std::string needle; ///< lowercase
    };
    std::vector<Signature> m_signatures;
};

} // namespace leadtrail::relay
