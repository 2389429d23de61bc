#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace leadtrail::test {

/**
 * Runs the Python helpers in tests/support as real processes: the SMTP
 * server and the MIME checker. Debian's interpreter (/usr/bin/python3) comes
 * first, because that is where the python3-aiosmtpd package installs; a
 * python3 found earlier on PATH (pyenv, a venv) may not have it.
 */
class TestPython final
{
public:
    /** The interpreter to use; empty when there is none. */
    static QString interpreter();

    /** The absolute path of a script in tests/support. */
    static QString script(const QString &name);

    /**
     * Runs @p scriptName with @p arguments, feeds it @p input on stdin and
     * returns its stdout. On failure (no interpreter, crash, non-zero exit,
     * timeout) returns an empty array and describes it, with stderr, in @p error.
     */
    static QByteArray run(const QString &scriptName, const QStringList &arguments, const QByteArray &input,
                          QString *error, int timeoutMs = 30000);
};

} // namespace leadtrail::test
