#include "campaigneditor.h"

#include "errorlabel.h"
#include "htmlhighlighter.h"
#include "campaign/mergefields.h"
#include "campaign/smtptransport.h"
#include "campaign/trackingdefaults.h"
#include "sending/audience.h"
#include "sending/campaignsender.h"
#include "sending/campaignstore.h"
#include "sending/sendcheck.h"
#include "sending/senderconfig.h"
#include "store/emailaddress.h"
#include "store/leadstore.h"
#include "store/settings.h"
#include "store/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTextBrowser>
#include <QThread>
#include <QTime>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace leadtrail {

CampaignEditor::CampaignEditor(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *form = new QFormLayout;
    const auto field = [this, form](QLineEdit *&edit, const QString &label, const QString &placeholder) {
        edit = new QLineEdit(this);
        edit->setPlaceholderText(placeholder);
        edit->setAccessibleName(label);
        form->addRow(label, edit);
        connect(edit, &QLineEdit::textEdited, this, &CampaignEditor::scheduleRefresh);
    };
    const Settings settings(workspace);
    field(m_name, tr("Name"), tr("For you, e.g. \"Spring open house\""));
    auto *sender = new QHBoxLayout;
    m_fromName = new QLineEdit(this);
    m_fromName->setPlaceholderText(settings.value(u"sender.name"_s, tr("Sender name")));
    m_fromName->setAccessibleName(tr("Sender name"));
    m_fromEmail = new QLineEdit(this);
    m_fromEmail->setPlaceholderText(settings.value(u"sender.email"_s, tr("sender@example.com")));
    m_fromEmail->setAccessibleName(tr("Sender address"));
    sender->addWidget(m_fromName, 1);
    sender->addWidget(m_fromEmail, 1);
    form->addRow(tr("From"), sender);
    field(m_replyTo, tr("Reply to"), tr("Optional"));
    field(m_subject, tr("Subject"), tr("Hello {{first_name|there}}, …"));
    layout->addLayout(form);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *bodyBox = new QWidget(splitter);
    auto *bodyLayout = new QVBoxLayout(bodyBox);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->addWidget(new QLabel(tr("HTML body"), bodyBox));
    m_html = new QPlainTextEdit(bodyBox);
    m_html->setAccessibleName(tr("HTML body"));
    m_html->setFont(QFont(u"monospace"_s));
    m_html->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    new HtmlHighlighter(m_html->document());
    bodyLayout->addWidget(m_html, 1);
    connect(m_html, &QPlainTextEdit::textChanged, this, &CampaignEditor::scheduleRefresh);

    auto *previewBox = new QWidget(splitter);
    auto *previewLayout = new QVBoxLayout(previewBox);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    auto *previewHead = new QHBoxLayout;
    previewHead->addWidget(new QLabel(tr("Preview for"), previewBox));
    m_previewLead = new QComboBox(previewBox);
    m_previewLead->setAccessibleName(tr("Preview for lead"));
    previewHead->addWidget(m_previewLead, 1);
    previewLayout->addLayout(previewHead);
    m_preview = new QTextBrowser(previewBox);
    m_preview->setAccessibleName(tr("Preview"));
    m_preview->setOpenLinks(false);
    previewLayout->addWidget(m_preview, 1);
    connect(m_previewLead, &QComboBox::currentIndexChanged, this, &CampaignEditor::updatePreview);
    splitter->addWidget(bodyBox);
    splitter->addWidget(previewBox);
    layout->addWidget(splitter, 1);

    auto *bottom = new QHBoxLayout;
    auto *audienceBox = new QGroupBox(tr("Audience"), this);
    auto *audience = new QGridLayout(audienceBox);
    const auto filter = [this](const QString &name) {
        auto *box = new QComboBox(this);
        box->setAccessibleName(name);
        connect(box, &QComboBox::activated, this, &CampaignEditor::scheduleRefresh);
        return box;
    };
    m_category = filter(tr("Audience category"));
    m_stage = filter(tr("Audience stage"));
    m_tag = filter(tr("Audience tag"));
    m_minScore = new QSpinBox(this);
    m_minScore->setRange(0, 100000);
    m_minScore->setSpecialValueText(tr("any score"));
    m_minScore->setPrefix(tr("score ≥ "));
    m_minScore->setAccessibleName(tr("Minimum score"));
    connect(m_minScore, &QSpinBox::valueChanged, this, &CampaignEditor::scheduleRefresh);
    audience->addWidget(m_category, 0, 0);
    audience->addWidget(m_stage, 0, 1);
    audience->addWidget(m_tag, 1, 0);
    audience->addWidget(m_minScore, 1, 1);
    m_audienceLabel = new QLabel(audienceBox);
    m_audienceLabel->setObjectName(u"audienceCount"_s);
    QFont bold = m_audienceLabel->font();
    bold.setBold(true);
    m_audienceLabel->setFont(bold);
    audience->addWidget(m_audienceLabel, 2, 0, 1, 2);
    bottom->addWidget(audienceBox, 1);

    auto *trackingBox = new QGroupBox(tr("Tracking"), this);
    auto *tracking = new QVBoxLayout(trackingBox);
    const auto option = [this, tracking](const QString &text, const QString &tip) {
        auto *box = new QCheckBox(text, this);
        box->setToolTip(tip);
        tracking->addWidget(box);
        return box;
    };
    m_trackOpens = option(tr("Track opens"), tr("A tiny image tells the relay when the email is shown."));
    m_trackClicks = option(tr("Track clicks"), tr("Links go through the relay, which records the click."));
    m_decoy = option(tr("Decoy link to spot scanners"), tr("A hidden link only machines follow."));
    m_utm = option(tr("Add UTM parameters"), tr("utm_source, utm_medium=email and utm_campaign on every link."));
    m_clickIds = option(tr("Click ids for conversions"), tr("The relay adds a click id so sales can be attributed."));
    bottom->addWidget(trackingBox);

    auto *checksBox = new QGroupBox(tr("Before sending"), this);
    auto *checks = new QVBoxLayout(checksBox);
    m_checks = new QListWidget(checksBox);
    m_checks->setAccessibleName(tr("Checks before sending"));
    m_checks->setWordWrap(true);
    m_checks->setSelectionMode(QAbstractItemView::NoSelection);
    checks->addWidget(m_checks);
    bottom->addWidget(checksBox, 2);
    layout->addLayout(bottom);

    m_error = new ErrorLabel(this);
    layout->addWidget(m_error);

    m_confirmBar = new QFrame(this);
    m_confirmBar->setFrameShape(QFrame::StyledPanel);
    auto *confirm = new QHBoxLayout(m_confirmBar);
    m_confirmText = new QLabel(m_confirmBar);
    m_confirmText->setWordWrap(true);
    m_confirm = new QPushButton(m_confirmBar);
    m_confirm->setIcon(QIcon(u":/icons/campaigns.svg"_s));
    auto *back = new QPushButton(tr("Not now"), m_confirmBar);
    confirm->addWidget(m_confirmText, 1);
    confirm->addWidget(back);
    confirm->addWidget(m_confirm);
    m_confirmBar->hide();
    layout->addWidget(m_confirmBar);
    connect(back, &QPushButton::clicked, m_confirmBar, &QWidget::hide);
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        m_confirmBar->hide();
        emit sendConfirmed(m_campaign.id);
    });

    auto *actions = new QHBoxLayout;
    m_testAddress = new QLineEdit(this);
    m_testAddress->setPlaceholderText(tr("Test address"));
    m_testAddress->setAccessibleName(tr("Test address"));
    m_testAddress->setText(settings.value(u"sender.email"_s, QString()));
    m_sendTest = new QPushButton(tr("Send test"), this);
    m_sendTest->setToolTip(tr("Send this campaign once to the test address, marked [Test]; it is not counted."));
    m_testResult = new QLabel(this);
    m_testResult->setWordWrap(true);
    m_save = new QPushButton(tr("Save draft"), this);
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(tr("Save the draft (%1)").arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText)));
    m_send = new QPushButton(tr("Send…"), this);
    m_send->setDefault(true);
    actions->addWidget(m_testAddress);
    actions->addWidget(m_sendTest);
    actions->addWidget(m_testResult, 1);
    m_saveState = new QLabel(this);
    m_saveState->setObjectName(u"saveState"_s);
    m_saveState->setEnabled(false); // a quiet, greyed line
    actions->addWidget(m_saveState);
    actions->addWidget(m_save);
    actions->addWidget(m_send);
    layout->addLayout(actions);
    connect(m_sendTest, &QPushButton::clicked, this, &CampaignEditor::sendTest);
    connect(m_save, &QPushButton::clicked, this, &CampaignEditor::save);
    connect(m_send, &QPushButton::clicked, this, &CampaignEditor::askToSend);
    for (QCheckBox *box : {m_trackOpens, m_trackClicks, m_decoy, m_utm, m_clickIds})
        connect(box, &QCheckBox::toggled, this, &CampaignEditor::scheduleRefresh);

    // Checks and preview follow the typing, one query per pause.
    m_refreshDelay = new QTimer(this);
    m_refreshDelay->setSingleShot(true);
    m_refreshDelay->setInterval(250);
    connect(m_refreshDelay, &QTimer::timeout, this, &CampaignEditor::refresh);
    // A draft is saved as it is written: a moment after the typing stops, and
    // before anything else is shown in its place (CampaignsPage, closing).
    m_autosave = new QTimer(this);
    m_autosave->setSingleShot(true);
    m_autosave->setInterval(1500);
    connect(m_autosave, &QTimer::timeout, this, &CampaignEditor::autosave);
}

CampaignEditor::~CampaignEditor()
{
    // The test send uses this workspace and posts its result to this object.
    if (m_testThread)
        m_testThread->wait();
}

void CampaignEditor::fillChoices()
{
    const LeadStore leads(m_workspace);
    const auto refill = [](QComboBox *box, const QString &all, const QStringList &values) {
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(all, QString());
        for (const QString &value : values)
            box->addItem(value, value);
    };
    refill(m_category, tr("Every category"), leads.categories());
    refill(m_stage, tr("Every stage"), leads.stages());
    refill(m_tag, tr("Any tag"), leads.tags());
}

void CampaignEditor::edit(const Campaign &campaign)
{
    m_campaign = campaign;
    m_modified = false;
    m_autosave->stop();
    m_saveState->clear();
    fillChoices();
    const Settings settings(m_workspace);
    const bool fresh = campaign.id == 0;
    const QSignalBlocker b1(m_html);
    m_name->setText(campaign.name);
    m_fromName->setText(campaign.fromName);
    m_fromEmail->setText(campaign.fromEmail);
    m_replyTo->setText(campaign.replyTo);
    m_subject->setText(campaign.subject);
    m_html->setPlainText(fresh && campaign.html.isEmpty()
                             ? tr("<p>Hello {{first_name|there}},</p>\n\n<p>…</p>\n\n"
                                  "<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>\n")
                             : campaign.html);
    QString error;
    if (const std::optional<Audience> audience = Audience::parse(campaign.audience, &error)) {
        const LeadFilter filter = audience->leadFilter();
        const auto select = [](QComboBox *box, const QString &value) {
            const int index = box->findData(value, Qt::UserRole, Qt::MatchFixedString);
            box->setCurrentIndex(index < 0 ? 0 : index);
        };
        select(m_category, filter.category);
        select(m_stage, filter.stage);
        select(m_tag, filter.tag);
        const QSignalBlocker b2(m_minScore);
        m_minScore->setValue(audience->minScore().value_or(0));
        // A copy for the leads a cancelled campaign did not reach: that set, not a filter to edit.
        for (QWidget *w : std::initializer_list<QWidget *>{m_category, m_stage, m_tag, m_minScore})
            w->setEnabled(!audience->unreachedBy());
    }
    // A new campaign starts from the workspace's tracking defaults (Settings → Tracking).
    Campaign tracked = campaign;
    if (fresh)
        TrackingDefaults::fromWorkspace(m_workspace).applyTo(tracked);
    for (auto [box, value] : {std::pair{m_trackOpens, tracked.trackOpens}, std::pair{m_trackClicks, tracked.trackClicks},
                              std::pair{m_decoy, tracked.decoyLink}, std::pair{m_utm, tracked.utm},
                              std::pair{m_clickIds, tracked.clickIds}}) {
        const QSignalBlocker blocker(box);
        box->setChecked(value);
    }
    m_error->hide();
    m_confirmBar->hide();
    m_testResult->clear();
    const bool draft = campaign.state == CampaignState::Draft;
    for (QWidget *w : std::initializer_list<QWidget *>{m_save, m_send, m_name, m_subject, m_fromName, m_fromEmail,
                                                        m_replyTo})
        w->setEnabled(draft);
    m_html->setReadOnly(!draft);
    refresh();
    m_name->setFocus();
}

QString CampaignEditor::audienceExpression() const
{
    if (const std::optional<Audience> kept = Audience::parse(m_campaign.audience, nullptr); kept && kept->unreachedBy())
        return kept->toString();
    QStringList parts;
    if (const QString v = m_category->currentData().toString(); !v.isEmpty())
        parts << u"category="_s + v;
    if (const QString v = m_stage->currentData().toString(); !v.isEmpty())
        parts << u"stage="_s + v;
    if (const QString v = m_tag->currentData().toString(); !v.isEmpty())
        parts << u"tag="_s + v;
    if (m_minScore->value() > 0)
        parts << u"score>=%1"_s.arg(m_minScore->value());
    return parts.isEmpty() ? u"all"_s : parts.join(u','); 
}

Campaign CampaignEditor::campaign() const
{
    Campaign c = m_campaign;
    c.name = m_name->text().trimmed();
    c.fromName = m_fromName->text().trimmed();
    c.fromEmail = m_fromEmail->text().trimmed();
    c.replyTo = m_replyTo->text().trimmed();
    c.subject = m_subject->text();
    c.html = m_html->toPlainText();
    c.audience = audienceExpression();
    c.trackOpens = m_trackOpens->isChecked();
    c.trackClicks = m_trackClicks->isChecked();
    c.decoyLink = m_decoy->isChecked();
    c.utm = m_utm->isChecked();
    c.clickIds = m_clickIds->isChecked();
    return c;
}

void CampaignEditor::autosave()
{
    if (m_modified)
        save();
}

bool CampaignEditor::saveIfModified()
{
    m_autosave->stop();
    return !m_modified || save();
}

QString CampaignEditor::saveStateText() const
{
    return m_saveState->text();
}

void CampaignEditor::scheduleRefresh()
{
    if (m_campaign.state == CampaignState::Draft) {
        m_modified = true;
        m_saveState->setText(tr("Not saved yet"));
        m_autosave->start();
    }
    // An error about the previous text no longer applies to the new one.
    showError({});
    m_confirmBar->hide();
    m_refreshDelay->start();
}

void CampaignEditor::refresh()
{
    m_refreshDelay->stop();
    const Campaign c = campaign();
    QString error;
    const std::optional<Audience> audience = Audience::parse(c.audience, &error);
    m_audienceCount = audience ? SendCheck::audienceSize(m_workspace, *audience) : 0;
    m_audienceLabel->setText(audience && audience->unreachedBy()
                                 ? tr("%n lead(s) the cancelled campaign did not reach", nullptr,
                                      int(qMin<qint64>(m_audienceCount, INT_MAX)))
                                 : tr("%n recipient(s)", nullptr, int(qMin<qint64>(m_audienceCount, INT_MAX))));

    // The leads to preview with: the first of the audience.
    const qint64 previous = m_previewLead->currentData().toLongLong();
    {
        const QSignalBlocker blocker(m_previewLead);
        m_previewLead->clear();
        if (audience) {
            LeadQuery query;
            query.filter = audience->leadFilter();
            query.limit = 30;
            for (const Lead &lead : LeadStore(m_workspace).page(query).leads)
                m_previewLead->addItem(u"%1 <%2>"_s.arg(lead.displayName(), lead.email), lead.id);
        }
        if (m_previewLead->count() == 0)
            m_previewLead->addItem(tr("(no lead: fields left empty)"), 0);
        const int index = m_previewLead->findData(previous);
        m_previewLead->setCurrentIndex(index < 0 ? 0 : index);
    }
    updatePreview();

    m_checks->clear();
    m_checkTexts.clear();
    const QList<SendCheck::Finding> findings = SendCheck::run(m_workspace, c);
    for (const SendCheck::Finding &f : findings) {
        QString text;
        switch (f.problem) {
        case SendCheck::Problem::SmtpNotSet:
            text = tr("SMTP is not set up: open Settings → Sending.");
            if (!f.detail.isEmpty())
                text += u' ' + tr("(%1)").arg(f.detail);
            break;
        case SendCheck::Problem::RelayNotPaired:
            text = tr("No tracking relay is paired: paste the pairing code in Settings → Relay.");
            break;
        case SendCheck::Problem::UnknownMergeFields:
            text = tr("Unknown merge fields: %1").arg(u"{{"_s + f.fields.join(u"}}, {{"_s) + u"}}"_s);
            break;
        case SendCheck::Problem::BadAudience:
            text = tr("The audience is not valid: %1").arg(f.detail);
            break;
        case SendCheck::Problem::EmptyAudience:
            text = tr("The audience is empty: no lead matches it.");
            break;
        case SendCheck::Problem::NoUnsubscribeLink:
            text = tr("No unsubscribe link in the body: a footer with one will be added.");
            break;
        }
        auto *item = new QListWidgetItem(QIcon(f.blocking ? u":/icons/failed.svg"_s : u":/icons/note.svg"_s), text,
                                         m_checks);
        item->setToolTip(f.blocking ? tr("Must be fixed before sending") : tr("A warning; sending is possible"));
        m_checkTexts << text;
    }
    if (findings.isEmpty()) {
        const QString ok = tr("Ready to send.");
        new QListWidgetItem(QIcon(u":/icons/converted.svg"_s), ok, m_checks);
        m_checkTexts << ok;
    }
    m_send->setEnabled(c.state == CampaignState::Draft && !SendCheck::blocks(findings));
}

void CampaignEditor::updatePreview()
{
    const Campaign c = campaign();
    MergeFields fields;
    const qint64 leadId = m_previewLead->currentData().toLongLong();
    const std::optional<Lead> lead = leadId > 0 ? LeadStore(m_workspace).find(leadId) : std::nullopt;
    if (lead) {
        fields.setFirstName(lead->firstName);
        fields.setLastName(lead->lastName);
        fields.setCompany(lead->company);
        fields.setEmail(lead->email);
        for (auto it = lead->customFields.cbegin(); it != lead->customFields.cend(); ++it)
            fields.setCustomField(it.key(), it.value());
    }
    fields.setUnsubscribeUrl(u"#unsubscribe"_s);
    const QString subject = fields.render(c.subject, MergeFields::Context::Header);
    m_preview->setHtml(u"<p style=\"color:gray\">%1</p><h3>%2</h3><hr/>"_s.arg(
                           tr("Subject").toHtmlEscaped(), subject.toHtmlEscaped())
                       + fields.render(c.html, MergeFields::Context::Html));
}

QStringList CampaignEditor::checkTexts() const
{
    return m_checkTexts;
}

QString CampaignEditor::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

QString CampaignEditor::testResultText() const
{
    return m_testResult->text();
}

void CampaignEditor::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

bool CampaignEditor::save()
{
    Campaign c = campaign();
    if (c.state != CampaignState::Draft)
        return true;
    QString error;
    CampaignStore store(m_workspace);
    const bool ok = c.id == 0 ? store.create(c, &error) : store.update(c, &error);
    if (!ok) {
        showError(tr("The campaign was not saved: %1").arg(error));
        return false;
    }
    showError({});
    m_campaign = c;
    m_modified = false;
    m_autosave->stop();
    m_saveState->setText(tr("Draft saved at %1").arg(QLocale().toString(QTime::currentTime(), QLocale::ShortFormat)));
    emit saved(c.id);
    return true;
}

void CampaignEditor::askToSend()
{
    refresh();
    if (!save())
        return;
    m_confirmText->setText(tr("Send \"%1\" now? Total: %n recipient(s). This cannot be undone.", nullptr,
                              int(qMin<qint64>(m_audienceCount, INT_MAX)))
                               .arg(m_campaign.name));
    m_confirm->setText(tr("Send to %n recipient(s)", nullptr, int(qMin<qint64>(m_audienceCount, INT_MAX))));
    m_confirmBar->show();
    m_confirm->setFocus();
}

void CampaignEditor::sendTest()
{
    if (m_testThread)
        return;
    if (m_campaign.state == CampaignState::Draft && !save())
        return;
    const QString to = m_testAddress->text().trimmed();
    if (!EmailAddress::isValid(to)) {
        m_testResult->setText(tr("Enter a valid address to send the test to."));
        return;
    }
    QString error;
    const std::optional<SenderConfig> config = SenderConfig::fromWorkspace(m_workspace, &error);
    if (!config) {
        m_testResult->setText(tr("The test cannot be sent: %1").arg(error));
        return;
    }
    const qint64 leadId = m_previewLead->currentData().toLongLong();
    const std::optional<Lead> lead = leadId > 0 ? LeadStore(m_workspace).find(leadId) : std::nullopt;
    const qint64 campaignId = m_campaign.id;
    const Workspace *workspace = &m_workspace;
    m_sendTest->setEnabled(false);
    m_testResult->setText(tr("Sending a test to %1…").arg(to));
    // SMTP blocks; the window must not. The destructor waits for this thread,
    // so `this` outlives it and the queued result lands or is dropped with it.
    m_testThread = QThread::create([this, workspace, cfg = *config, campaignId, to, lead] {
        SmtpTransport transport(cfg.smtp);
        QString sendError;
        const MailTransport::Result result =
            CampaignSender::sendTest(*workspace, cfg, transport, campaignId, to, lead, &sendError);
        transport.close();
        workspace->releaseThreadConnection();
        const bool ok = result.outcome == MailTransport::Outcome::Sent;
        const QString text = ok ? tr("Test sent to %1 (server: %2 %3)").arg(to).arg(result.code).arg(result.reply)
                                : tr("The test was not sent: %1").arg(sendError.isEmpty() ? result.reply : sendError);
        QMetaObject::invokeMethod(this, [this, ok, text] {
            m_testThread->wait();
            m_testThread->deleteLater();
            m_testThread = nullptr;
            m_sendTest->setEnabled(true);
            m_testResult->setText(text);
            emit testFinished(ok);
        }, Qt::QueuedConnection);
    });
    m_testThread->start();
}

} // namespace leadtrail
