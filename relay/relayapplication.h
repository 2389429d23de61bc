#pragma once

#include <string>

#include <Poco/Util/ServerApplication.h>

namespace leadtrail::relay {

/**
 * The leadtrail-relay program: options, the init / pairing-code / rotate-key
 * commands, and the server's lifecycle (runs until SIGTERM/SIGINT, then stops
 * cleanly with the write queue flushed). Daemon and pid-file options come
 * from Poco's ServerApplication.
 */
class RelayApplication final : public Poco::Util::ServerApplication
{
public:
    RelayApplication();

protected:
    void defineOptions(Poco::Util::OptionSet &options) override;
    void handleOption(const std::string &name, const std::string &value) override;
    int main(const std::vector<std::string> &args) override;

private:
    int runServer();
    int init();
    int pairingCode();
    int rotateKey();

    bool m_help = false;
    std::string m_configPath = "/etc/leadtrail-relay/relay.conf";
    std::string m_publicUrl;
    std::string m_portFile;
    std::string m_bind;
    int m_port = -1;
};

} // namespace leadtrail::relay
