#include "testpython.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace leadtrail::test {

QString TestPython::interpreter()
{
    const QString debian = QStringLiteral("/usr/bin/python3");
    if (QFileInfo(debian).isExecutable())
        return debian;
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

QString TestPython::script(const QString &name)
{
    return QStringLiteral(LEADTRAIL_TEST_SUPPORT_DIR "/") + name;
}

QByteArray TestPython::run(const QString &scriptName, const QStringList &arguments, const QByteArray &input,
                           QString *error, int timeoutMs)
{
    const QString python = interpreter();
    if (python.isEmpty()) {
        *error = QStringLiteral("no python3 interpreter found");
        return {};
    }
    QProcess process;
    process.start(python, QStringList{script(scriptName)} + arguments);
    if (!process.waitForStarted()) {
        *error = QStringLiteral("could not start %1: %2").arg(python, process.errorString());
        return {};
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        *error = QStringLiteral("%1 did not finish in %2 ms").arg(scriptName).arg(timeoutMs);
        return {};
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("%1 failed (exit %2): %3")
                     .arg(scriptName)
                     .arg(process.exitCode())
                     .arg(QString::fromUtf8(process.readAllStandardError()));
        return {};
    }
    return process.readAllStandardOutput();
}

} // namespace leadtrail::test
