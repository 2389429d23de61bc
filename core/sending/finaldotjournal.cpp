#include "sending/finaldotjournal.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtEndian>

#include <Poco/Checksum.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

/** Records preallocated at a time: 64 KiB, a few hundred messages per connection between two metadata syncs. */
constexpr qint64 growRecords = 4096;

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

QString journalFolder(const QString &workspaceFolder)
{
    return QDir(workspaceFolder).filePath(u"sending"_s);
}

QString journalPattern(qint64 campaignId)
{
    return u"campaign-%1-*.journal"_s.arg(campaignId);
}

quint32 crc32(const char *data, unsigned length)
{
    Poco::Checksum checksum(Poco::Checksum::TYPE_CRC32);
    checksum.update(data, length);
    return checksum.checksum();
}

/** fsync of a folder, so a file created or removed in it stays so after a power cut. */
bool syncFolder(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

bool writeAt(int fd, const char *data, qint64 size, qint64 offset)
{
    while (size > 0) {
        const ssize_t n = ::pwrite(fd, data, size_t(size), off_t(offset));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= n;
        offset += n;
    }
    return true;
}

} // namespace

QString FinalDotJournal::path(const QString &workspaceFolder, qint64 campaignId, int connection)
{
    return QDir(journalFolder(workspaceFolder)).filePath(u"campaign-%1-%2.journal"_s.arg(campaignId).arg(connection));
}

FinalDotJournal::~FinalDotJournal()
{
    stopSyncing();
    if (m_fd >= 0)
        ::close(m_fd);
}

void FinalDotJournal::stopSyncing()
{
    if (!m_syncer.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_syncer.join();
}

QString FinalDotJournal::failure(const QString &what) const
{
    return tr("cannot write the final-dot journal %1: %2").arg(QDir::toNativeSeparators(m_path), what);
}

bool FinalDotJournal::open(const QString &path, QString *error)
{
    const auto fail = [&](const QString &what) {
        if (error)
            *error = failure(what);
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
        return false;
    };
    stopSyncing();
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_path = path;
    m_records = 0;
    m_capacity = 0;
    m_written = 0;
    m_synced = 0;
    m_syncErrno = 0;
    m_stop = false;
    const QString folder = QFileInfo(path).absolutePath();
    if (!QFileInfo::exists(folder)) {
        if (!QDir().mkpath(folder))
            return fail(tr("cannot create its folder"));
        if (!syncFolder(QFileInfo(folder).absolutePath()))
            return fail(errnoText());
    }
    m_fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (m_fd < 0)
        return fail(errnoText());
    QString why;
    if (!grow(&why))
        return fail(why);
    // The file's entry in its folder must survive a power cut as surely as its records.
    if (!syncFolder(folder))
        return fail(errnoText());
    m_syncer = std::thread([this] { syncLoop(); });
    return true;
}

void FinalDotJournal::syncLoop()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        m_changed.wait(lock, [this] { return m_stop || (m_written > m_synced && m_syncErrno == 0); });
        if (m_stop)
            return;
        const qint64 target = m_written;
        lock.unlock();
        const int result = ::fdatasync(m_fd);
        const int savedErrno = errno;
        lock.lock();
        if (result == 0)
            m_synced = std::max(m_synced, target);
        else
            m_syncErrno = savedErrno;
        m_changed.notify_all();
    }
}

bool FinalDotJournal::grow(QString *error)
{
    // Zeros written (not fallocate'd) so that the blocks are allocated and
    // initialised now: a record's fdatasync then touches no metadata.
    static const QByteArray zeros(int(growRecords * RecordSize), '\0');
    if (!writeAt(m_fd, zeros.constData(), zeros.size(), m_capacity * RecordSize) || ::fdatasync(m_fd) != 0) {
        *error = errnoText();
        return false;
    }
    m_capacity += growRecords;
    return true;
}

QByteArray FinalDotJournal::record(qint64 rowId, int attempt)
{
    QByteArray bytes(RecordSize, '\0');
    char *data = bytes.data();
    qToLittleEndian<qint64>(rowId, data);
    qToLittleEndian<qint32>(attempt, data + 8);
    qToLittleEndian<quint32>(crc32(data, 12), data + 12);
    return bytes;
}

bool FinalDotJournal::append(qint64 rowId, int attempt, QString *error)
{
    return write(rowId, attempt, error) && waitSynced(error);
}

bool FinalDotJournal::write(qint64 rowId, int attempt, QString *error)
{
    const auto fail = [&](const QString &what) {
        if (error)
            *error = failure(what);
        return false;
    };
    if (m_fd < 0)
        return fail(tr("it is not open"));
    QString why;
    if (m_records == m_capacity && !grow(&why))
        return fail(why);
    const QByteArray bytes = record(rowId, attempt);
    if (!writeAt(m_fd, bytes.constData(), bytes.size(), m_records * RecordSize))
        return fail(errnoText());
    ++m_records;
    {
        std::lock_guard lock(m_mutex);
        m_written = m_records;
    }
    m_changed.notify_all();
    return true;
}

bool FinalDotJournal::waitSynced(QString *error)
{
    std::unique_lock lock(m_mutex);
    const qint64 target = m_written;
    m_changed.wait(lock, [&] { return m_synced >= target || m_syncErrno != 0 || !m_syncer.joinable(); });
    if (m_synced >= target)
        return true;
    if (error)
        *error = failure(m_syncErrno ? QString::fromLocal8Bit(std::strerror(m_syncErrno)) : tr("it is not open"));
    return false;
}

std::optional<FinalDotJournal::Attempts> FinalDotJournal::parse(const QByteArray &bytes, const QString &name,
                                                                QString *error)
{
    Attempts attempts;
    qint64 endOffset = -1; // where the written records ended: zeros (unused) or a torn record
    const qint64 count = bytes.size() / RecordSize; // a partial record at the end is a torn one
    for (qint64 i = 0; i < count; ++i) {
        const char *data = bytes.constData() + i * RecordSize;
        const auto rowId = qFromLittleEndian<qint64>(data);
        const auto attempt = qFromLittleEndian<qint32>(data + 8);
        const bool valid = qFromLittleEndian<quint32>(data + 12) == crc32(data, 12) && rowId > 0 && attempt > 0;
        if (!valid) {
            if (endOffset < 0)
                endOffset = i * RecordSize;
            continue;
        }
        if (endOffset >= 0) {
            // Records are synced one by one, so only the last can be torn: a
            // good record after a bad one means the file was damaged, and
            // what the bad one said is lost. Guessing could resend a message.
            if (error)
                *error = tr("the final-dot journal %1 is damaged at byte %2, so it cannot tell which messages may "
                            "have reached the server. Check the campaign's deliveries that are still 'sending' "
                            "and remove the file to go on.")
                             .arg(QDir::toNativeSeparators(name))
                             .arg(endOffset);
            return std::nullopt;
        }
        int &highest = attempts[rowId];
        highest = std::max(highest, int(attempt));
    }
    return attempts;
}

std::optional<FinalDotJournal::Attempts> FinalDotJournal::readAll(const QString &workspaceFolder, qint64 campaignId,
                                                                  QString *error)
{
    Attempts all;
    const QDir folder(journalFolder(workspaceFolder));
    for (const QString &name : folder.entryList({journalPattern(campaignId)}, QDir::Files, QDir::Name)) {
        QFile file(folder.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            if (error)
                *error = tr("cannot read the final-dot journal %1: %2")
                             .arg(QDir::toNativeSeparators(file.fileName()), file.errorString());
            return std::nullopt;
        }
        const std::optional<Attempts> attempts = parse(file.readAll(), file.fileName(), error);
        if (!attempts)
            return std::nullopt;
        for (const auto &[rowId, attempt] : *attempts) {
            int &highest = all[rowId];
            highest = std::max(highest, attempt);
        }
    }
    return all;
}

bool FinalDotJournal::removeAll(const QString &workspaceFolder, qint64 campaignId, QString *error)
{
    QDir folder(journalFolder(workspaceFolder));
    const QStringList names = folder.entryList({journalPattern(campaignId)}, QDir::Files);
    if (names.isEmpty())
        return true;
    for (const QString &name : names) {
        if (!folder.remove(name)) {
            if (error)
                *error = tr("cannot remove the final-dot journal %1")
                             .arg(QDir::toNativeSeparators(folder.filePath(name)));
            return false;
        }
    }
    // Durably gone, so that a later run's recovery never reads them again.
    if (!syncFolder(folder.path())) {
        if (error)
            *error = tr("cannot sync the folder %1: %2").arg(QDir::toNativeSeparators(folder.path()), errnoText());
        return false;
    }
    return true;
}

} // namespace leadtrail
