#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>

namespace leadtrail {

/**
 * One lead as the store keeps it: a plain value, copied freely.
 *
 * The email is the natural key (unique, compared case-insensitively); `id` is
 * the store's row id and is 0 for a lead that has not been saved yet.
 */
struct Lead
{
    qint64 id = 0;
    QString email;
    QString firstName;
    QString lastName;
    QString company;
    QString phone;
    QString category;               ///< free text (buyer, seller, landlord, ...)
    QString stage;                  ///< one of the workspace's stages; empty means the first one
    QStringList tags;               ///< sorted, unique; no ',' or ';' inside a tag
    QString owner;
    QMap<QString, QString> customFields; ///< columns the store has no field for
    int score = 0;
    bool bounced = false;
    QDateTime unsubscribedAt;       ///< invalid while subscribed
    QDateTime createdAt;            ///< set by the store
    QDateTime updatedAt;            ///< set by the store

    QString displayName() const;

    /** Field-by-field equality of the lead's data, ignoring id and the store's timestamps. */
    bool sameData(const Lead &other) const;
};

} // namespace leadtrail
