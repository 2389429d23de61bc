#include "relayapplication.h"

#include "relayconfig.h"
#include "relayserver.h"
#include "relayversion.h"

#include "protocol/pairing.h"

#include <fstream>
#include <iostream>

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

namespace leadtrail::relay {

RelayApplication::RelayApplication()
{
    setUnixOptions(true);
}

void RelayApplication::defineOptions(Poco::Util::OptionSet &options)
{
    ServerApplication::defineOptions(options);
    using Poco::Util::Option;
    options.addOption(Option("help", "h", "show this help and exit"));
    options.addOption(Option("version", "", "print the version and exit"));
    options.addOption(Option("config", "c", "the config file (default /etc/leadtrail-relay/relay.conf)")
                          .argument("FILE"));
    options.addOption(Option("port", "p", "listen on this port instead of the config's (0: any free port)")
                          .argument("PORT"));
    options.addOption(Option("bind", "b", "listen on this address instead of the config's").argument("ADDRESS"));
    options.addOption(Option("port-file", "", "write the bound port to FILE once listening").argument("FILE"));
    options.addOption(Option("public-url", "", "init: the URL the relay is reachable at").argument("URL"));
}

void RelayApplication::handleOption(const std::string &name, const std::string &value)
{
    ServerApplication::handleOption(name, value);
    if (name == "help" || name == "version") {
        m_help = true;
        if (name == "version")
            std::cout << "leadtrail-relay " << version() << std::endl;
        else {
            Poco::Util::HelpFormatter help(options());
            help.setUnixStyle(true);
            help.setCommand(commandName());
            help.setUsage("[options] [init | pairing-code | rotate-key]");
            help.setHeader("The Leadtrail tracking relay: pixel, click redirects, unsubscribes, conversions and "
                           "the events API.\n"
                           "  init --public-url URL   write a config with fresh keys and print the pairing code\n"
                           "  pairing-code            print the pairing code for the desktop\n"
                           "  rotate-key              add a new signing key and make it current\n"
                           "  (no command)            run the relay");
            help.format(std::cout);
        }
        stopOptionsProcessing();
    } else if (name == "config") {
        m_configPath = value;
    } else if (name == "port") {
        int port = 0;
        if (!Poco::NumberParser::tryParse(value, port) || port < 0 || port > 65535)
            throw Poco::InvalidArgumentException("--port must be a number from 0 to 65535");
        m_port = port;
    } else if (name == "bind") {
        m_bind = value;
    } else if (name == "port-file") {
        m_portFile = value;
    } else if (name == "public-url") {
        m_publicUrl = value;
    }
}

int RelayApplication::main(const std::vector<std::string> &args)
{
    if (m_help)
        return EXIT_OK;
    try {
        if (args.empty())
            return runServer();
        if (args.size() == 1 && args[0] == "init")
            return init();
        if (args.size() == 1 && args[0] == "pairing-code")
            return pairingCode();
        if (args.size() == 1 && args[0] == "rotate-key")
            return rotateKey();
        std::cerr << "leadtrail-relay: unknown command '" << args[0] << "' (see --help)" << std::endl;
        return EXIT_USAGE;
    } catch (const Poco::Exception &e) {
        std::cerr << "leadtrail-relay: " << e.displayText() << std::endl;
        return EXIT_CONFIG;
    } catch (const std::exception &e) {
        std::cerr << "leadtrail-relay: " << e.what() << std::endl;
        return EXIT_SOFTWARE;
    }
}

int RelayApplication::init()
{
    if (m_publicUrl.empty()) {
        std::cerr << "leadtrail-relay init: --public-url URL is required" << std::endl;
        return EXIT_USAGE;
    }
    RelayConfig::writeNew(m_configPath, m_publicUrl);
    std::cerr << "wrote " << m_configPath << " (mode 0600). Paste this pairing code into Leadtrail:" << std::endl;
    return pairingCode();
}

int RelayApplication::pairingCode()
{
    const RelayConfig config = RelayConfig::load(m_configPath);
    const std::string code = protocol::formatPairingCode(
        protocol::PairingInfo{config.publicUrl, *config.keyring.current(), config.apiKey});
    std::cout << code << std::endl;
    return EXIT_OK;
}

int RelayApplication::rotateKey()
{
    const std::uint32_t id = RelayConfig::rotateKey(m_configPath);
    std::cerr << "signing key " << id << " is now current; older keys still verify. Restart the relay and "
                 "pair the desktop again (pairing-code)." << std::endl;
    return EXIT_OK;
}

int RelayApplication::runServer()
{
    RelayConfig config = RelayConfig::load(m_configPath);
    if (m_port >= 0)
        config.port = static_cast<std::uint16_t>(m_port);
    if (!m_bind.empty())
        config.bindAddress = m_bind;
    const std::string bind = config.bindAddress;
    RelayServer server(std::move(config));
    server.start();
    const std::string host = bind.find(':') != std::string::npos ? "[" + bind + "]" : bind;
    std::cout << "listening on http://" << host << ":" << server.port() << std::endl;
    if (!m_portFile.empty()) {
        const std::string tmp = m_portFile + ".tmp";
        std::ofstream(tmp) << server.port() << '\n';
        std::rename(tmp.c_str(), m_portFile.c_str());
    }
    waitForTerminationRequest();
    logger().information("stopping: finishing requests in flight and flushing the event queue");
    server.stop();
    return EXIT_OK;
}

} // namespace leadtrail::relay
