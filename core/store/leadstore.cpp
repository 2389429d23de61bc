#include "store/leadstore.h"

#include "store/leadrow.h"
#include "store/leadwriter.h"
#include "store/storesupport.h"
#include "store/workspace.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariantList>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

/** A WHERE clause with its bound values, built from a filter. */
struct WhereClause
{
    QStringList conditions;
    QVariantList values;

    QString sql() const { return conditions.isEmpty() ? QString() : u" WHERE "_s + conditions.join(u" AND "_s); }
};

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

WhereClause whereFor(const LeadFilter &filter)
{
    WhereClause where;
    const QString search = filter.search.trimmed();
    if (!search.isEmpty()) {
        const QStringList columns = {u"leads.first_name"_s, u"leads.last_name"_s,
                                     u"leads.first_name || ' ' || leads.last_name"_s, u"leads.email"_s,
                                     u"leads.company"_s};
        QStringList parts;
        for (const QString &column : columns) {
            parts.append(u"(%1) LIKE ? ESCAPE '\\'"_s.arg(column));
            where.values.append(likePattern(search));
        }
        where.conditions.append(u'(' + parts.join(u" OR "_s) + u')');
    }
    if (!filter.category.isEmpty()) {
        where.conditions.append(u"leads.category = ? COLLATE NOCASE"_s);
        where.values.append(filter.category);
    }
    if (!filter.stage.isEmpty()) {
        where.conditions.append(u"leads.stage = ? COLLATE NOCASE"_s);
        where.values.append(filter.stage);
    }
    if (!filter.tag.isEmpty()) {
        where.conditions.append(u"EXISTS (SELECT 1 FROM lead_tags WHERE lead_tags.lead_id = leads.id"
                                " AND lead_tags.tag = ? COLLATE NOCASE)"_s);
        where.values.append(filter.tag);
    }
    return where;
}

QString sortExpression(LeadSortKey key)
{
    switch (key) {
    case LeadSortKey::Id:
        return u"leads.id"_s;
    case LeadSortKey::Email:
        return u"leads.email_key"_s;
    case LeadSortKey::FirstName:
        return u"leads.first_name COLLATE NOCASE"_s;
    case LeadSortKey::LastName:
        return u"leads.last_name COLLATE NOCASE"_s;
    case LeadSortKey::Company:
        return u"leads.company COLLATE NOCASE"_s;
    case LeadSortKey::Category:
        return u"leads.category COLLATE NOCASE"_s;
    case LeadSortKey::Stage:
        // Pipeline order; leads in a stage that is no longer listed go last.
        return u"coalesce((SELECT position FROM stages WHERE stages.name = leads.stage), 1000000)"_s;
    case LeadSortKey::Score:
        return u"leads.score"_s;
    case LeadSortKey::CreatedAt:
        return u"leads.created_at"_s;
    case LeadSortKey::UpdatedAt:
        return u"leads.updated_at"_s;
    }
    return u"leads.id"_s;
}


} // namespace

LeadStore::LeadStore(const Workspace &workspace)
    : m_workspace(workspace)
{
}

qint64 LeadStore::count(const LeadFilter &filter) const
{
    const WhereClause where = whereFor(filter);
    QSqlQuery query(m_workspace.database());
    if (!execPrepared(query, u"SELECT count(*) FROM leads"_s + where.sql(), where.values) || !query.next()) {
        qWarning("LeadStore::count: %s", qPrintable(query.lastError().text()));
        return 0;
    }
    return query.value(0).toLongLong();
}

LeadPage LeadStore::page(const LeadQuery &request) const
{
    WhereClause where = whereFor(request.filter);
    const QString sortExpr = sortExpression(request.sortKey);
    const QString direction = request.descending ? u" DESC"_s : QString();
    if (request.after) {
        const QString op = request.descending ? u"<"_s : u">"_s;
        where.conditions.append(u"(%1 %2 ? OR (%1 = ? AND leads.id %2 ?))"_s.arg(sortExpr, op));
        where.values << request.after->sortValue << request.after->sortValue << request.after->id;
    }
    QString sql = u"SELECT %1, %2 FROM leads%3 ORDER BY %2%4, leads.id%4"_s.arg(
        LeadRow::selectColumns(), sortExpr, where.sql(), direction);
    if (request.limit > 0) {
        sql += u" LIMIT ? OFFSET ?"_s;
        where.values << request.limit << (request.after ? 0 : std::max(0, request.offset));
    }

    LeadPage page;
    QSqlQuery query(m_workspace.database());
    query.setForwardOnly(true);
    if (!execPrepared(query, sql, where.values)) {
        qWarning("LeadStore::page: %s", qPrintable(query.lastError().text()));
        return page;
    }
    constexpr int SortValueColumn = 16;
    QVariant lastSortValue;
    while (query.next()) {
        page.leads.append(LeadRow::fromQuery(query));
        lastSortValue = query.value(SortValueColumn);
    }
    if (request.limit > 0 && page.leads.size() == request.limit)
        page.next = LeadCursor{lastSortValue, page.leads.last().id};
    return page;
}

std::optional<Lead> LeadStore::find(qint64 id) const
{
    QSqlQuery query(m_workspace.database());
    if (!execPrepared(query, u"SELECT %1 FROM leads WHERE id = ?"_s.arg(LeadRow::selectColumns()), {id})
        || !query.next()) {
        return std::nullopt;
    }
    return LeadRow::fromQuery(query);
}

std::optional<Lead> LeadStore::findByEmail(const QString &email) const
{
    LeadWriter writer(m_workspace.database());
    return writer.findByEmail(email);
}

bool LeadStore::add(Lead &lead, QString *error)
{
    QSqlDatabase db = m_workspace.database();
    LeadWriter writer(db);
    if (!writer.normalize(lead, LeadWriter::StagePolicy::RequireKnown, error))
        return false;
    db.transaction();
    if (!writer.insert(lead, error)) {
        db.rollback();
        lead.id = 0;
        return false;
    }
    return db.commit();
}

bool LeadStore::update(Lead &lead, QString *error)
{
    QSqlDatabase db = m_workspace.database();
    LeadWriter writer(db);
    if (!writer.normalize(lead, LeadWriter::StagePolicy::RequireKnown, error))
        return false;
    db.transaction();
    if (!writer.update(lead, error)) {
        db.rollback();
        return false;
    }
    return db.commit();
}

bool LeadStore::remove(qint64 id, QString *error)
{
    QSqlQuery query(m_workspace.database());
    if (!execPrepared(query, u"DELETE FROM leads WHERE id = ?"_s, {id})) {
        setError(error, query.lastError().text());
        return false;
    }
    if (query.numRowsAffected() != 1) {
        setError(error, u"no lead with id %1"_s.arg(id));
        return false;
    }
    return true;
}

bool LeadStore::setStage(qint64 id, const QString &stage, QString *error)
{
    // For a new lead an empty stage means "the first one"; as an edit it is a mistake.
    if (stage.trimmed().isEmpty()) {
        setError(error, u"a stage needs a name"_s);
        return false;
    }
    std::optional<Lead> lead = find(id);
    if (!lead) {
        setError(error, u"no lead with id %1"_s.arg(id));
        return false;
    }
    lead->stage = stage;
    return update(*lead, error);
}

bool LeadStore::setTags(qint64 id, const QStringList &tags, QString *error)
{
    for (const QString &tag : tags) {
        if (tag.contains(u',') || tag.contains(u';')) {
            setError(error, u"a tag cannot contain ',' or ';': \"%1\""_s.arg(tag));
            return false;
        }
    }
    std::optional<Lead> lead = find(id);
    if (!lead) {
        setError(error, u"no lead with id %1"_s.arg(id));
        return false;
    }
    lead->tags = tags;
    return update(*lead, error);
}

QStringList LeadStore::categories() const
{
    QStringList list;
    QSqlQuery query(m_workspace.database());
    if (query.exec(u"SELECT min(category) FROM leads WHERE category <> ''"
                   " GROUP BY category COLLATE NOCASE ORDER BY 1 COLLATE NOCASE"_s)) {
        while (query.next())
            list.append(query.value(0).toString());
    }
    return list;
}

QStringList LeadStore::tags() const
{
    QStringList list;
    QSqlQuery query(m_workspace.database());
    if (query.exec(u"SELECT min(tag) FROM lead_tags GROUP BY tag COLLATE NOCASE ORDER BY 1 COLLATE NOCASE"_s)) {
        while (query.next())
            list.append(query.value(0).toString());
    }
    return list;
}

QStringList LeadStore::stages() const
{
    LeadWriter writer(m_workspace.database());
    return writer.stages();
}

bool LeadStore::setStages(const QStringList &stages, QString *error)
{
    QStringList cleaned;
    QSet<QString> seen;
    for (const QString &stage : stages) {
        const QString name = stage.trimmed();
        if (name.isEmpty()) {
            setError(error, u"a stage needs a name"_s);
            return false;
        }
        if (seen.contains(name.toCaseFolded())) {
            setError(error, u"the stage \"%1\" is listed twice"_s.arg(name));
            return false;
        }
        seen.insert(name.toCaseFolded());
        cleaned.append(name);
    }
    if (cleaned.isEmpty()) {
        setError(error, u"the stage list cannot be empty"_s);
        return false;
    }
    QSqlDatabase db = m_workspace.database();
    QSqlQuery query(db);
    if (!query.exec(u"SELECT DISTINCT stage FROM leads"_s)) {
        setError(error, query.lastError().text());
        return false;
    }
    while (query.next()) {
        const QString used = query.value(0).toString();
        if (!seen.contains(used.toCaseFolded())) {
            setError(error, u"leads are still in the stage \"%1\"; move them first"_s.arg(used));
            return false;
        }
    }
    db.transaction();
    bool ok = query.exec(u"DELETE FROM stages"_s);
    for (int i = 0; ok && i < cleaned.size(); ++i)
        ok = execPrepared(query, u"INSERT INTO stages (name, position) VALUES (?, ?)"_s, {cleaned.at(i), i});
    if (!ok) {
        setError(error, query.lastError().text());
        db.rollback();
        return false;
    }
    return db.commit();
}

std::optional<Note> LeadStore::addNote(qint64 leadId, const QString &text, QString *error)
{
    Note note;
    note.leadId = leadId;
    note.text = text.trimmed();
    note.createdAt = QDateTime::currentDateTimeUtc();
    if (note.text.isEmpty()) {
        setError(error, u"a note needs some text"_s);
        return std::nullopt;
    }
    if (!find(leadId)) {
        setError(error, u"no lead with id %1"_s.arg(leadId));
        return std::nullopt;
    }
    QSqlQuery query(m_workspace.database());
    if (!execPrepared(query, u"INSERT INTO notes (lead_id, body, created_at) VALUES (?, ?, ?)"_s,
                  {leadId, note.text, LeadRow::encodeTime(note.createdAt)})) {
        setError(error, query.lastError().text());
        return std::nullopt;
    }
    note.id = query.lastInsertId().toLongLong();
    return note;
}

bool LeadStore::removeNote(qint64 noteId, QString *error)
{
    QSqlQuery query(m_workspace.database());
    if (!execPrepared(query, u"DELETE FROM notes WHERE id = ?"_s, {noteId})) {
        setError(error, query.lastError().text());
        return false;
    }
    return true;
}

QList<Note> LeadStore::notes(qint64 leadId) const
{
    QList<Note> list;
    QSqlQuery query(m_workspace.database());
    if (!execPrepared(query, u"SELECT id, lead_id, body, created_at FROM notes WHERE lead_id = ? ORDER BY created_at, id"_s,
                  {leadId})) {
        return list;
    }
    while (query.next())
        list.append(Note{query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString(),
                         LeadRow::decodeTime(query.value(3))});
    return list;
}

} // namespace leadtrail
