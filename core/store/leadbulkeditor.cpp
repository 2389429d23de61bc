#include "store/leadbulkeditor.h"

#include <QHash>

#include "store/lead.h"
#include "store/leadrow.h"
#include "store/leadwriter.h"
#include "store/storesupport.h"
#include "store/workspace.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

/** A tag as a bulk edit may set it: one tag, no list separators. */
bool checkTag(const QString &tag, QString *error)
{
    if (tag.simplified().isEmpty()) {
        setError(error, u"a tag needs a name"_s);
        return false;
    }
    if (tag.contains(u',') || tag.contains(u';')) {
        setError(error, u"a tag cannot contain ',' or ';': \"%1\""_s.arg(tag));
        return false;
    }
    return true;
}

} // namespace

LeadBulkEditor::LeadBulkEditor(const Workspace &workspace)
    : m_workspace(workspace)
{
}

int LeadBulkEditor::setStage(const QList<qint64> &leadIds, const QString &stage, QString *error)
{
    if (stage.trimmed().isEmpty()) {
        setError(error, u"a stage needs a name"_s);
        return -1;
    }
    return apply(leadIds, [&stage](Lead &lead) {
        if (lead.stage.compare(stage.trimmed(), Qt::CaseInsensitive) == 0)
            return false;
        lead.stage = stage;
        return true;
    }, error);
}

int LeadBulkEditor::addTag(const QList<qint64> &leadIds, const QString &tag, QString *error)
{
    if (!checkTag(tag, error))
        return -1;
    return apply(leadIds, [&tag](Lead &lead) {
        if (lead.tags.contains(tag.simplified(), Qt::CaseInsensitive))
            return false;
        lead.tags.append(tag);
        return true;
    }, error);
}

int LeadBulkEditor::removeTag(const QList<qint64> &leadIds, const QString &tag, QString *error)
{
    if (!checkTag(tag, error))
        return -1;
    return apply(leadIds, [&tag](Lead &lead) {
        return lead.tags.removeIf([&tag](const QString &t) {
            return t.compare(tag.simplified(), Qt::CaseInsensitive) == 0;
        }) > 0;
    }, error);
}

int LeadBulkEditor::restore(const QList<Lead> &snapshots, QString *error)
{
    QHash<qint64, const Lead *> byId;
    QList<qint64> ids;
    for (const Lead &lead : snapshots) {
        byId.insert(lead.id, &lead);
        ids.append(lead.id);
    }
    return apply(
        ids,
        [&byId](Lead &lead) {
            const QDateTime created = lead.createdAt;
            lead = *byId.value(lead.id);
            lead.createdAt = created;
            return true;
        },
        error);
}

int LeadBulkEditor::apply(const QList<qint64> &leadIds, const std::function<bool(Lead &)> &change, QString *error)
{
    QSqlDatabase db = m_workspace.database();
    if (!db.transaction()) {
        setError(error, u"cannot start the change: %1"_s.arg(db.lastError().text()));
        return -1;
    }
    const auto fail = [&db]() {
        db.rollback();
        return -1;
    };
    LeadWriter writer(db);
    QSqlQuery find(db);
    find.setForwardOnly(true);
    if (!find.prepare(u"SELECT %1 FROM leads WHERE id = ?"_s.arg(LeadRow::selectColumns()))) {
        setError(error, find.lastError().text());
        return fail();
    }
    int changed = 0;
    for (const qint64 id : leadIds) {
        find.addBindValue(id);
        if (!find.exec()) {
            setError(error, find.lastError().text());
            return fail();
        }
        if (!find.next()) {
            setError(error, u"no lead with id %1"_s.arg(id));
            return fail();
        }
        Lead lead = LeadRow::fromQuery(find);
        find.finish();
        if (!change(lead))
            continue;
        if (!writer.normalize(lead, LeadWriter::StagePolicy::RequireKnown, error) || !writer.update(lead, error))
            return fail();
        ++changed;
    }
    if (!db.commit()) {
        setError(error, u"cannot save the change: %1"_s.arg(db.lastError().text()));
        return fail();
    }
    return changed;
}

} // namespace leadtrail
