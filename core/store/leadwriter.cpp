#include "store/leadwriter.h"

#include "store/emailaddress.h"
#include "store/leadrow.h"
#include "store/storesupport.h"

#include <QSqlError>

using namespace Qt::StringLiterals;

namespace leadtrail {

LeadWriter::LeadWriter(const QSqlDatabase &db)
    : m_db(db)
    , m_find(db)
    , m_insert(db)
    , m_update(db)
    , m_deleteTags(db)
    , m_insertTag(db)
{
}

bool LeadWriter::prepare(QSqlQuery &query, const QString &sql, QString *error)
{
    if (query.lastQuery() == sql)
        return true;
    if (!query.prepare(sql)) {
        setError(error, u"Cannot prepare statement: %1"_s.arg(query.lastError().text()));
        return false;
    }
    return true;
}

QStringList LeadWriter::stages()
{
    if (!m_stages) {
        QStringList list;
        QSqlQuery query(m_db);
        if (query.exec(u"SELECT name FROM stages ORDER BY position, name"_s)) {
            while (query.next())
                list.append(query.value(0).toString());
        }
        m_stages = list;
    }
    return *m_stages;
}

bool LeadWriter::normalize(Lead &lead, StagePolicy policy, QString *error, QString *newStage)
{
    lead.email = EmailAddress::normalized(lead.email);
    if (lead.email.isEmpty()) {
        setError(error, u"missing email"_s);
        return false;
    }
    if (!EmailAddress::isValid(lead.email)) {
        setError(error, u"invalid email \"%1\""_s.arg(lead.email));
        return false;
    }
    for (QString *text : {&lead.firstName, &lead.lastName, &lead.company, &lead.phone, &lead.category,
                          &lead.owner, &lead.stage}) {
        // Null strings would bind as SQL NULL; the columns hold '' for "not given".
        *text = text->isNull() ? u""_s : text->trimmed();
    }
    lead.tags = LeadRow::normalizedTags(lead.tags);

    const QStringList known = stages();
    if (lead.stage.isEmpty()) {
        lead.stage = known.value(0);
        return true;
    }
    for (const QString &stage : known) {
        if (stage.compare(lead.stage, Qt::CaseInsensitive) == 0) {
            lead.stage = stage;
            return true;
        }
    }
    if (policy == StagePolicy::RequireKnown) {
        setError(error, u"unknown stage \"%1\" (the stages are: %2)"_s.arg(lead.stage, known.join(u", "_s)));
        return false;
    }
    QSqlQuery add(m_db);
    add.prepare(u"INSERT INTO stages (name, position) VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM stages))"_s);
    add.addBindValue(lead.stage);
    if (!add.exec()) {
        setError(error, u"cannot add stage \"%1\": %2"_s.arg(lead.stage, add.lastError().text()));
        return false;
    }
    m_stages->append(lead.stage);
    if (newStage)
        *newStage = lead.stage;
    return true;
}

std::optional<Lead> LeadWriter::findByEmail(const QString &email, QString *error)
{
    m_find.setForwardOnly(true); // one row read once: no client-side row cache
    if (!prepare(m_find, u"SELECT %1 FROM leads WHERE email_key = ?"_s.arg(LeadRow::selectColumns()), error))
        return std::nullopt;
    m_find.addBindValue(EmailAddress::key(email));
    if (!m_find.exec()) {
        setError(error, m_find.lastError().text());
        return std::nullopt;
    }
    std::optional<Lead> lead;
    if (m_find.next())
        lead = LeadRow::fromQuery(m_find);
    m_find.finish();
    return lead;
}

bool LeadWriter::execSave(QSqlQuery &query, const Lead &lead, QString *error)
{
    if (query.exec())
        return true;
    const QString text = query.lastError().text();
    // The only UNIQUE constraint on leads is the email key.
    setError(error, text.contains(u"UNIQUE"_s) ? u"a lead with the email %1 already exists"_s.arg(lead.email)
                                               : u"cannot save lead %1: %2"_s.arg(lead.email, text));
    return false;
}

void LeadWriter::bindData(QSqlQuery &query, const Lead &lead)
{
    query.bindValue(u":email"_s, lead.email);
    query.bindValue(u":email_key"_s, EmailAddress::key(lead.email));
    query.bindValue(u":first_name"_s, lead.firstName);
    query.bindValue(u":last_name"_s, lead.lastName);
    query.bindValue(u":company"_s, lead.company);
    query.bindValue(u":phone"_s, lead.phone);
    query.bindValue(u":category"_s, lead.category);
    query.bindValue(u":stage"_s, lead.stage);
    query.bindValue(u":owner"_s, lead.owner);
    query.bindValue(u":custom_fields"_s, LeadRow::encodeCustomFields(lead.customFields));
    query.bindValue(u":score"_s, lead.score);
    query.bindValue(u":bounced"_s, lead.bounced ? 1 : 0);
    query.bindValue(u":unsubscribed_at"_s, LeadRow::encodeTime(lead.unsubscribedAt));
    query.bindValue(u":updated_at"_s, LeadRow::encodeTime(lead.updatedAt));
}

bool LeadWriter::insert(Lead &lead, QString *error)
{
    static const QString sql = u"INSERT INTO leads (email, email_key, first_name, last_name, company, phone,"
                               " category, stage, owner, custom_fields, score, bounced, unsubscribed_at,"
                               " created_at, updated_at)"
                               " VALUES (:email, :email_key, :first_name, :last_name, :company, :phone,"
                               " :category, :stage, :owner, :custom_fields, :score, :bounced,"
                               " :unsubscribed_at, :created_at, :updated_at)"_s;
    if (!prepare(m_insert, sql, error))
        return false;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    lead.createdAt = now;
    lead.updatedAt = now;
    bindData(m_insert, lead);
    m_insert.bindValue(u":created_at"_s, LeadRow::encodeTime(lead.createdAt));
    if (!execSave(m_insert, lead, error))
        return false;
    lead.id = m_insert.lastInsertId().toLongLong();
    return insertTags(lead.id, lead.tags, error);
}

bool LeadWriter::update(Lead &lead, QString *error)
{
    static const QString sql = u"UPDATE leads SET email = :email, email_key = :email_key,"
                               " first_name = :first_name, last_name = :last_name, company = :company,"
                               " phone = :phone, category = :category, stage = :stage, owner = :owner,"
                               " custom_fields = :custom_fields, score = :score, bounced = :bounced,"
                               " unsubscribed_at = :unsubscribed_at, updated_at = :updated_at"
                               " WHERE id = :id"_s;
    if (!prepare(m_update, sql, error))
        return false;
    lead.updatedAt = QDateTime::currentDateTimeUtc();
    bindData(m_update, lead);
    m_update.bindValue(u":id"_s, lead.id);
    if (!execSave(m_update, lead, error))
        return false;
    if (m_update.numRowsAffected() != 1) {
        setError(error, u"no lead with id %1"_s.arg(lead.id));
        return false;
    }
    return replaceTags(lead.id, lead.tags, error);
}

bool LeadWriter::replaceTags(qint64 leadId, const QStringList &tags, QString *error)
{
    if (!prepare(m_deleteTags, u"DELETE FROM lead_tags WHERE lead_id = ?"_s, error))
        return false;
    m_deleteTags.addBindValue(leadId);
    if (!m_deleteTags.exec()) {
        setError(error, m_deleteTags.lastError().text());
        return false;
    }
    return insertTags(leadId, tags, error);
}

bool LeadWriter::insertTags(qint64 leadId, const QStringList &tags, QString *error)
{
    if (!prepare(m_insertTag, u"INSERT OR IGNORE INTO lead_tags (lead_id, tag) VALUES (?, ?)"_s, error))
        return false;
    for (const QString &tag : tags) {
        m_insertTag.addBindValue(leadId);
        m_insertTag.addBindValue(tag);
        if (!m_insertTag.exec()) {
            setError(error, m_insertTag.lastError().text());
            return false;
        }
    }
    return true;
}

} // namespace leadtrail
