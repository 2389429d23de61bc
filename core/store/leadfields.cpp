#include "store/leadfields.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace leadtrail {

namespace {

struct FieldName
{
    LeadField field;
    const char16_t *name;
};

constexpr FieldName FieldNames[] = {
    {LeadField::Email, u"email"},
    {LeadField::FirstName, u"first_name"},
    {LeadField::LastName, u"last_name"},
    {LeadField::FullName, u"name"},
    {LeadField::Company, u"company"},
    {LeadField::Phone, u"phone"},
    {LeadField::Category, u"category"},
    {LeadField::Stage, u"stage"},
    {LeadField::Tags, u"tags"},
    {LeadField::Owner, u"owner"},
    {LeadField::Score, u"score"},
    {LeadField::Bounced, u"bounced"},
    {LeadField::UnsubscribedAt, u"unsubscribed_at"},
};

/** "E-mail Address" → "emailaddress": letters and digits only, lower case. */
QString headerKey(const QString &header)
{
    QString key;
    for (const QChar c : header.toCaseFolded()) {
        if (c.isLetterOrNumber())
            key += c;
    }
    return key;
}

const QHash<QString, LeadField> &aliases()
{
    // Header spellings of spreadsheets and of the exports of common CRMs and
    // mailing tools (Salesforce, HubSpot, Pipedrive, Zoho, Mailchimp, Google
    // and Outlook contacts), reduced by headerKey().
    static const QHash<QString, LeadField> table = [] {
        QHash<QString, LeadField> t;
        const auto add = [&t](LeadField field, std::initializer_list<const char16_t *> names) {
            for (const char16_t *name : names)
                t.insert(QString::fromUtf16(name), field);
        };
        add(LeadField::Email, {u"email", u"emailaddress", u"mail", u"emailaddr", u"primaryemail", u"workemail",
                               u"businessemail", u"email1", u"email1value", u"emailaddress1", u"personemail",
                               u"contactemail", u"courriel", u"emailadresse"});
        add(LeadField::FirstName, {u"firstname", u"first", u"givenname", u"forename", u"fname", u"prenom",
                                   u"vorname", u"contactfirstname"});
        add(LeadField::LastName, {u"lastname", u"last", u"surname", u"familyname", u"lname", u"nom",
                                  u"nachname", u"contactlastname"});
        add(LeadField::FullName, {u"name", u"fullname", u"contactname", u"personname", u"displayname",
                                  u"contact"});
        add(LeadField::Company, {u"company", u"companyname", u"organization", u"organisation",
                                 u"organizationname", u"organisationname", u"organization1name", u"account",
                                 u"accountname", u"business", u"businessname", u"employer", u"firma"});
        add(LeadField::Phone, {u"phone", u"phonenumber", u"telephone", u"tel", u"mobile", u"mobilephone",
                               u"mobilenumber", u"cellphone", u"workphone", u"businessphone", u"phone1value",
                               u"personphone", u"telefon"});
        add(LeadField::Category, {u"category", u"type", u"leadtype", u"contacttype", u"customertype",
                                  u"segment"});
        add(LeadField::Stage, {u"stage", u"status", u"leadstatus", u"lifecyclestage", u"pipelinestage",
                               u"dealstage", u"contactstatus"});
        add(LeadField::Tags, {u"tags", u"tag", u"labels", u"label", u"groupmembership", u"categories"});
        add(LeadField::Owner, {u"owner", u"leadowner", u"contactowner", u"accountowner", u"assignedto",
                               u"salesrep", u"salesperson"});
        add(LeadField::Score, {u"score", u"leadscore", u"hubspotscore", u"rating"});
        add(LeadField::Bounced, {u"bounced", u"hardbounced", u"emailbounced"});
        add(LeadField::UnsubscribedAt, {u"unsubscribedat", u"unsubscribetime", u"unsubscribedate",
                                        u"optouttime", u"optoutdate"});
        return t;
    }();
    return table;
}

} // namespace

QString LeadFields::name(LeadField field)
{
    for (const FieldName &entry : FieldNames) {
        if (entry.field == field)
            return QString::fromUtf16(entry.name);
    }
    return QString();
}

std::optional<LeadField> LeadFields::fromName(const QString &name)
{
    for (const FieldName &entry : FieldNames) {
        if (name.compare(QString::fromUtf16(entry.name), Qt::CaseInsensitive) == 0)
            return entry.field;
    }
    return std::nullopt;
}

std::optional<LeadField> LeadFields::fromHeader(const QString &header)
{
    const auto it = aliases().constFind(headerKey(header));
    if (it == aliases().cend())
        return std::nullopt;
    return *it;
}

QStringList LeadFields::names()
{
    QStringList list;
    for (const FieldName &entry : FieldNames)
        list.append(QString::fromUtf16(entry.name));
    return list;
}

QList<LeadField> LeadFields::exportFields()
{
    return {LeadField::Email, LeadField::FirstName, LeadField::LastName, LeadField::Company,
            LeadField::Phone, LeadField::Category, LeadField::Stage, LeadField::Tags,
            LeadField::Owner, LeadField::Score, LeadField::Bounced, LeadField::UnsubscribedAt};
}

} // namespace leadtrail
