#include "store/filesecretstore.h"

#include "store/settings.h"
#include "store/storesupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

FileSecretStore::FileSecretStore(Settings &settings, const QString &folder)
    : m_settings(settings)
    , m_folder(folder)
{
}

QString FileSecretStore::settingKey(const QString &key)
{
    return key + u"_file"_s;
}

QString FileSecretStore::describe(const QString &key) const
{
    const auto path = m_settings.value(settingKey(key));
    if (path)
        return u"the file %1 (mode 0600, named by the setting %2)"_s.arg(*path, settingKey(key));
    return u"a mode-0600 file named by the setting %1"_s.arg(settingKey(key));
}

std::optional<QString> FileSecretStore::read(const QString &key, QString *error) const
{
    const auto path = m_settings.value(settingKey(key));
    if (!path)
        return std::nullopt;
    const QByteArray nativePath = QFile::encodeName(*path);
    struct stat info {};
    if (::stat(nativePath.constData(), &info) != 0) {
        setError(error, u"cannot read %1 (named by %2): %3"_s.arg(*path, settingKey(key), systemError()));
        return std::nullopt;
    }
    if ((info.st_mode & 077) != 0) {
        setError(error, u"refusing to read %1: others may read or write it (mode %2); run chmod 600 %1"_s.arg(
                            *path, QString::number(info.st_mode & 0777, 8).rightJustified(4, u'0')));
        return std::nullopt;
    }
    QFile file(*path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(error, u"cannot read %1: %2"_s.arg(*path, file.errorString()));
        return std::nullopt;
    }
    QString value = QString::fromUtf8(file.readAll());
    // Files written by `echo` end with a line break that is not part of the secret.
    while (value.endsWith(u'\n') || value.endsWith(u'\r'))
        value.chop(1);
    return value;
}

bool FileSecretStore::write(const QString &key, const QString &value, QString *error)
{
    if (!QDir().mkpath(m_folder)) {
        setError(error, u"cannot create %1"_s.arg(m_folder));
        return false;
    }
    ::chmod(QFile::encodeName(m_folder).constData(), 0700);
    const QString path = QDir(m_folder).absoluteFilePath(key);
    const QByteArray nativePath = QFile::encodeName(path);
    // Created with 0600 from the first byte; fchmod also tightens an existing file.
    const int fd = ::open(nativePath.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) {
        setError(error, u"cannot write %1: %2"_s.arg(path, systemError()));
        return false;
    }
    const QByteArray bytes = value.toUtf8();
    bool ok = ::fchmod(fd, 0600) == 0;
    qsizetype written = 0;
    while (ok && written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
        ok = n > 0;
        written += ok ? n : 0;
    }
    if (!ok)
        setError(error, u"cannot write %1: %2"_s.arg(path, systemError()));
    ok = (::close(fd) == 0) && ok;
    return ok && m_settings.setValue(settingKey(key), path, error);
}

bool FileSecretStore::remove(const QString &key, QString *error)
{
    const auto path = m_settings.value(settingKey(key));
    if (!path)
        return true;
    // Only delete files we wrote ourselves; a file the user named stays theirs.
    if (QFileInfo(*path).absolutePath() == QDir(m_folder).absolutePath())
        QFile::remove(*path);
    return m_settings.remove(settingKey(key), error);
}

} // namespace leadtrail
