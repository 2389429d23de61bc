#include "settingspage.h"

#include "campaign/smtpconnectioncheck.h"
#include "campaign/trackingdefaults.h"
#include "insight/insightconfig.h"
#include "insight/relaycheck.h"
#include "insight/relaypairing.h"
#include "store/configuration.h"
#include "store/leadstore.h"
#include "store/workspace.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QAbstractSpinBox>
#include <QTextDocument>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QTabWidget>
#include <QThread>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace leadtrail {

SettingsPage::SettingsPage(const Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    layout->addWidget(m_tabs, 1);
    const auto page = [this](const QString &title) {
        auto *w = new QWidget(m_tabs);
        auto *form = new QFormLayout(w);
        form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
        m_tabs->addTab(w, title);
        return form;
    };
    // Where a Test button says what happened: wraps, and can be selected to copy the server's words.
    const auto resultLabel = [](const QString &accessibleName) {
        auto *label = new QLabel;
        label->setWordWrap(true);
        label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setAccessibleName(accessibleName);
        return label;
    };
    const auto line = [](QFormLayout *form, const QString &label, const QString &placeholder = {}) {
        auto *edit = new QLineEdit;
        edit->setAccessibleName(label);
        edit->setPlaceholderText(placeholder);
        form->addRow(label, edit);
        return edit;
    };

    QFormLayout *sending = page(tr("Sending"));
    m_senderName = line(sending, tr("Sender name"), tr("Your name or team"));
    m_senderEmail = line(sending, tr("Sender address"), tr("you@example.com"));
    m_host = line(sending, tr("SMTP server"), tr("smtp.example.com"));
    m_port = new QSpinBox;
    m_port->setRange(1, 65535);
    m_port->setAccessibleName(tr("Port"));
    sending->addRow(tr("Port"), m_port);
    m_security = new QComboBox;
    m_security->setAccessibleName(tr("Security"));
    m_security->addItem(tr("STARTTLS (port 587)"), u"starttls"_s);
    m_security->addItem(tr("TLS (port 465)"), u"tls"_s);
    m_security->addItem(tr("None (test servers only)"), u"none"_s);
    sending->addRow(tr("Security"), m_security);
    connect(m_security, &QComboBox::activated, this, [this] {
        const QString s = m_security->currentData().toString();
        m_port->setValue(s == u"tls"_s ? 465 : s == u"starttls"_s ? 587 : m_port->value());
    });
    m_user = line(sending, tr("User name"), tr("Leave empty when the server needs no login"));
    m_password = line(sending, tr("Password"), tr("Unchanged"));
    m_password->setEchoMode(QLineEdit::Password);
    m_passwordState = new QLabel;
    m_passwordState->setWordWrap(true);
    // A word-wrapped label in a form row only takes the row's width when it may grow.
    m_passwordState->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_passwordState->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    sending->addRow(QString(), m_passwordState);
    m_provider = new QComboBox;
    m_provider->setAccessibleName(tr("Rate limits"));
    m_provider->addItem(tr("Own server (no provider limits)"), u"custom"_s);
    m_provider->addItem(tr("Google Workspace limits"), u"google_workspace"_s);
    m_provider->addItem(tr("Microsoft 365 limits"), u"microsoft365"_s);
    sending->addRow(tr("Rate limits"), m_provider);
    m_smtpTest = new QPushButton(tr("&Test connection"));
    m_smtpTest->setToolTip(tr("Connect and log in with the values above, then hang up. No email is sent."));
    m_smtpTest->setAccessibleName(tr("Test SMTP connection"));
    sending->addRow(QString(), m_smtpTest);
    m_smtpResult = resultLabel(tr("SMTP test result"));
    sending->addRow(QString(), m_smtpResult);
    connect(m_smtpTest, &QPushButton::clicked, this, &SettingsPage::testSmtp);

    QFormLayout *relay = page(tr("Relay"));
    m_pairingCode = line(relay, tr("Pairing code"), tr("Paste the code the relay printed (ltpair1.…)"));
    m_pairingCode->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    auto *pairButtons = new QHBoxLayout;
    auto *pairButton = new QPushButton(tr("Pair"));
    // No mnemonic in the text: other screens find this button by its words.
    m_relayTest = new QPushButton(tr("Test"));
    m_relayTest->setShortcut(QKeySequence(Qt::ALT | Qt::Key_T));
    m_relayTest->setToolTip(tr("Check that the relay answers and accepts the API key, then fetch new events (Alt+T)"));
    m_relayTest->setAccessibleName(tr("Test relay"));
    pairButtons->addWidget(pairButton);
    pairButtons->addWidget(m_relayTest);
    pairButtons->addStretch(1);
    relay->addRow(QString(), pairButtons);
    m_relayResult = resultLabel(tr("Relay test result"));
    relay->addRow(QString(), m_relayResult);
    m_relayUrl = new QLabel;
    m_relayUrl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    relay->addRow(tr("Relay URL"), m_relayUrl);
    m_relayState = new QLabel;
    m_relayState->setWordWrap(true);
    m_relayState->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_relayState->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    relay->addRow(tr("State"), m_relayState);
    connect(pairButton, &QPushButton::clicked, this, &SettingsPage::pair);
    connect(m_relayTest, &QPushButton::clicked, this, &SettingsPage::testRelay);
    m_relayCheck = new RelayCheck(this);
    connect(m_relayCheck, &RelayCheck::finished, this, [this](const RelayCheck::Result &r) {
        m_relayTest->setEnabled(true);
        const QString where = r.url.toString();
        switch (r.outcome) {
        case RelayCheck::Outcome::Ok:
            showResult(m_relayResult, tr("Relay reachable at %1, API key accepted.").arg(where), false);
            break;
        case RelayCheck::Outcome::KeyRefused:
            showResult(m_relayResult,
                       tr("The relay at %1 refused the API key (HTTP %2). Paste a fresh pairing code from the relay.")
                           .arg(where).arg(r.status),
                       true);
            break;
        case RelayCheck::Outcome::Unreachable:
            showResult(m_relayResult, tr("The relay at %1 is unreachable: %2")
                                          .arg(where, r.networkError.isEmpty() ? r.error : r.networkError),
                       true);
            break;
        case RelayCheck::Outcome::BadAnswer:
            showResult(m_relayResult, tr("The relay at %1 did not answer as expected: %2").arg(where, r.error), true);
            break;
        }
        emit relayTestFinished(r.outcome == RelayCheck::Outcome::Ok);
        // A relay that works has events waiting, perhaps: fetch them now.
        if (r.outcome == RelayCheck::Outcome::Ok)
            emit syncRequested();
    });

    QFormLayout *tracking = page(tr("Tracking"));
    tracking->addRow(new QLabel(tr("New campaigns start with these options; each campaign can change them.")));
    const auto option = [tracking](const QString &text, const QString &tip) {
        auto *box = new QCheckBox(text);
        box->setToolTip(tip);
        box->setAccessibleName(text);
        tracking->addRow(box);
        return box;
    };
    m_trackOpens = option(tr("Track opens"), tr("A tiny image tells the relay when the email is shown."));
    m_trackClicks = option(tr("Track clicks"), tr("Links go through the relay, which records the click."));
    m_trackDecoy = option(tr("Decoy link to spot scanners"), tr("A hidden link only machines follow."));
    m_trackUtm = option(tr("Add UTM parameters"), tr("utm_source, utm_medium=email and utm_campaign on every link."));
    m_trackClickIds = option(tr("Click ids for conversions"),
                             tr("The relay adds a click id so sales can be attributed."));

    QFormLayout *scoring = page(tr("Scoring"));
    const auto number = [scoring](const QString &label, double max, int decimals, const QString &suffix) {
        auto *box = new QDoubleSpinBox;
        box->setRange(0, max);
        box->setDecimals(decimals);
        box->setSuffix(suffix);
        box->setAccessibleName(label);
        scoring->addRow(label, box);
        return box;
    };
    m_openWeight = number(tr("Points per open"), 1000, 1, QString());
    m_clickWeight = number(tr("Points per click"), 1000, 1, QString());
    m_conversionWeight = number(tr("Points per conversion"), 1000, 1, QString());
    m_halfLife = number(tr("Half-life"), 3650, 1, tr(" days"));
    m_threshold = number(tr("Hot-lead threshold"), 100000, 1, QString());
    auto *scoringNote = new QLabel(tr("A lead's score is the sum of these points for its human opens, clicks and "
                                      "conversions, halving every half-life. Machine activity never counts."));
    scoringNote->setWordWrap(true);
    scoring->addRow(scoringNote);

    QFormLayout *stages = page(tr("Stages"));
    m_stages = new QPlainTextEdit;
    m_stages->setAccessibleName(tr("Stages, one per line"));
    stages->addRow(new QLabel(tr("The pipeline, one stage per line, in order. A stage that leads are in cannot "
                                 "be removed.")));
    stages->addRow(m_stages);

    QFormLayout *appearance = page(tr("Appearance"));
    m_language = new QComboBox;
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"Deutsch"_s, u"de"_s);
    appearance->addRow(tr("Language"), m_language);
    appearance->addRow(QString(), new QLabel(tr("A new language applies the next time Leadtrail starts.")));
    m_theme = new QComboBox;
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("Follow the system"), u"system"_s);
    m_theme->addItem(tr("Light"), u"light"_s);
    m_theme->addItem(tr("Dark"), u"dark"_s);
    appearance->addRow(tr("Theme"), m_theme);
    connect(m_theme, &QComboBox::activated, this, [this] {
        QSettings().setValue(u"theme"_s, m_theme->currentData());
        emit themeChanged(m_theme->currentData().toString());
    });

    auto *bottom = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    auto *saveButton = new QPushButton(tr("Save settings"), this);
    saveButton->setShortcut(QKeySequence::Save);
    bottom->addWidget(m_message, 1);
    bottom->addWidget(saveButton);
    layout->addLayout(bottom);
    connect(saveButton, &QPushButton::clicked, this, &SettingsPage::save);
    reload();
    watchForEdits();
}

SettingsPage::~SettingsPage()
{
    // The SMTP test posts its result to this object: let it finish first.
    if (m_smtpThread)
        m_smtpThread->wait();
}

void SettingsPage::watchForEdits()
{
    // Every field the user can change marks the form as edited; what
    // reload() puts in them does not.
    const auto edited = [this] {
        if (!m_loading)
            m_modified = true;
    };
    for (QLineEdit *edit : findChildren<QLineEdit *>()) {
        if (!edit->isReadOnly() && !qobject_cast<QAbstractSpinBox *>(edit->parentWidget()))
            connect(edit, &QLineEdit::textEdited, this, edited);
    }
    for (QSpinBox *spin : findChildren<QSpinBox *>())
        connect(spin, &QSpinBox::valueChanged, this, edited);
    for (QDoubleSpinBox *spin : findChildren<QDoubleSpinBox *>())
        connect(spin, &QDoubleSpinBox::valueChanged, this, edited);
    for (QComboBox *box : findChildren<QComboBox *>())
        connect(box, &QComboBox::currentIndexChanged, this, edited);
    for (QCheckBox *box : findChildren<QCheckBox *>())
        connect(box, &QCheckBox::toggled, this, edited);
    for (QPlainTextEdit *text : findChildren<QPlainTextEdit *>()) {
        if (!text->isReadOnly())
            connect(text, &QPlainTextEdit::textChanged, this, edited);
    }
}

bool SettingsPage::leave()
{
    if (!m_modified)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Unsaved settings"), tr("Save your changes to the settings?"),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setDefaultButton(QMessageBox::Save);
    switch (box.exec()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        reload();
        showMessage(tr("Changes discarded."), false);
        return true;
    default:
        return false;
    }
}

void SettingsPage::reload()
{
    m_loading = true;
    Configuration configuration(m_workspace);
    const Settings &s = configuration.settings();
    m_senderName->setText(s.value(u"sender.name"_s, QString()));
    m_senderEmail->setText(s.value(u"sender.email"_s, QString()));
    m_host->setText(s.value(u"smtp.host"_s, QString()));
    const QString security = s.value(u"smtp.security"_s, u"starttls"_s);
    m_security->setCurrentIndex(qMax(0, m_security->findData(security)));
    m_port->setValue(s.value(u"smtp.port"_s, security == u"tls"_s ? u"465"_s : u"587"_s).toInt());
    m_user->setText(s.value(u"smtp.user"_s, QString()));
    m_password->clear();
    const Secrets::Lookup password = configuration.secrets().read(u"smtp.password"_s);
    m_passwordState->setText(password.value ? tr("A password is stored (%1).").arg(password.source)
                                            : tr("No password stored."));
    m_provider->setCurrentIndex(qMax(0, m_provider->findData(s.value(u"sending.provider"_s, u"custom"_s))));
    const QString url = s.value(u"relay.url"_s, QString());
    m_relayUrl->setText(url.isEmpty() ? tr("Not paired") : url);
    const TrackingDefaults tracking = TrackingDefaults::fromWorkspace(m_workspace);
    m_trackOpens->setChecked(tracking.opens);
    m_trackClicks->setChecked(tracking.clicks);
    m_trackDecoy->setChecked(tracking.decoy);
    m_trackUtm->setChecked(tracking.utm);
    m_trackClickIds->setChecked(tracking.clickIds);

    const InsightConfig insight = InsightConfig::fromWorkspace(m_workspace);
    m_openWeight->setValue(insight.openWeight);
    m_clickWeight->setValue(insight.clickWeight);
    m_conversionWeight->setValue(insight.conversionWeight);
    m_halfLife->setValue(insight.halfLifeDays);
    m_threshold->setValue(insight.hotThreshold);
    m_stages->setPlainText(LeadStore(m_workspace).stages().join(u'\n'));

    const QSettings app;
    m_language->setCurrentIndex(qMax(0, m_language->findData(app.value(u"language"_s).toString())));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(app.value(u"theme"_s, u"system"_s).toString())));
    m_loading = false;
    m_modified = false;
}

void SettingsPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: %1;"_s.arg(Theme::errorColor().name()) : QString());
}

void SettingsPage::showResult(QLabel *label, const QString &text, bool error)
{
    // Accents only: readable on both palettes.
    const QString colour = error ? Theme::errorColor().name()
                                 : (Theme::isDark() ? u"#7ddc9b"_s : u"#1e7a46"_s);
    label->setStyleSheet(u"color: %1;"_s.arg(colour));
    label->setText(text);
}

QString SettingsPage::smtpTestText() const
{
    return m_smtpResult->text();
}

QString SettingsPage::relayTestText() const
{
    return m_relayResult->text();
}

bool SettingsPage::isRelayTestRunning() const
{
    return m_relayCheck->isRunning();
}

void SettingsPage::testSmtp()
{
    if (m_smtpThread)
        return;
    SmtpConnectionCheck::Form form;
    form.host = m_host->text();
    form.port = quint16(m_port->value());
    form.security = m_security->currentData().toString();
    form.user = m_user->text();
    form.password = m_password->text();
    QString error;
    // Settings and secrets are read here, on the workspace's thread; only the network waits in the worker.
    const std::optional<SmtpSettings> settings = SmtpConnectionCheck::settingsFor(m_workspace, form, &error);
    if (!settings) {
        showResult(m_smtpResult, tr("Not tested: %1").arg(error), true);
        emit smtpTestFinished(false);
        return;
    }
    m_smtpTest->setEnabled(false);
    showResult(m_smtpResult, tr("Connecting to %1:%2…").arg(settings->host).arg(settings->port), false);
    m_smtpThread = QThread::create([this, smtp = *settings] {
        const SmtpConnectionCheck::Result r = SmtpConnectionCheck::run(smtp);
        QMetaObject::invokeMethod(this, [this, r] {
            m_smtpThread->wait();
            m_smtpThread->deleteLater();
            m_smtpThread = nullptr;
            m_smtpTest->setEnabled(true);
            QString how;
            switch (r.security) {
            case SmtpSettings::Security::StartTls: how = tr("with STARTTLS"); break;
            case SmtpSettings::Security::ImplicitTls: how = tr("with TLS"); break;
            case SmtpSettings::Security::None: how = tr("without encryption"); break;
            }
            if (!r.ok)
                showResult(m_smtpResult, tr("Not connected: %1").arg(r.error), true);
            else if (r.user.isEmpty())
                showResult(m_smtpResult, tr("Connected to %1:%2 %3; the server asked for no login.").arg(r.host).arg(r.port).arg(how), false);
            else
                showResult(m_smtpResult, tr("Connected to %1:%2 %3, authenticated as %4.").arg(r.host).arg(r.port).arg(how, r.user), false);
            emit smtpTestFinished(r.ok);
        }, Qt::QueuedConnection);
    });
    m_smtpThread->start();
}

void SettingsPage::testRelay()
{
    if (m_relayCheck->isRunning())
        return;
    if (Settings(m_workspace).value(u"relay.url"_s, QString()).isEmpty()) {
        showResult(m_relayResult, tr("No relay is paired: paste the pairing code above and press Pair."), true);
        emit relayTestFinished(false);
        return;
    }
    m_relayTest->setEnabled(false);
    showResult(m_relayResult, tr("Asking the relay…"), false);
    QString error;
    if (!m_relayCheck->start(m_workspace, &error)) {
        m_relayTest->setEnabled(true);
        showResult(m_relayResult, tr("Not tested: %1").arg(error), true);
        emit relayTestFinished(false);
    }
}

QString SettingsPage::messageText() const
{
    return m_message->text();
}

void SettingsPage::setRelayState(const QString &text)
{
    m_relayState->setText(text);
}

bool SettingsPage::save()
{
    Configuration configuration(m_workspace);
    QString message;
    QString error;
    const auto set = [&](const QString &key, const QString &value) {
        if (value.isEmpty()) {
            configuration.settings().remove(key, &error);
            return error.isEmpty();
        }
        return configuration.set(key, value, &message, &error);
    };
    const bool ok = set(u"sender.name"_s, m_senderName->text().trimmed())
        && set(u"sender.email"_s, m_senderEmail->text().trimmed()) && set(u"smtp.host"_s, m_host->text().trimmed())
        && set(u"smtp.port"_s, QString::number(m_port->value()))
        && set(u"smtp.security"_s, m_security->currentData().toString())
        && set(u"smtp.user"_s, m_user->text().trimmed())
        && set(u"sending.provider"_s, m_provider->currentData().toString())
        && (m_password->text().isEmpty() || set(u"smtp.password"_s, m_password->text()))
        && set(u"insight.weight.open"_s, QString::number(m_openWeight->value()))
        && set(u"insight.weight.click"_s, QString::number(m_clickWeight->value()))
        && set(u"insight.weight.conversion"_s, QString::number(m_conversionWeight->value()))
        && set(u"insight.half_life_days"_s, QString::number(m_halfLife->value()))
        && set(u"insight.hot_threshold"_s, QString::number(m_threshold->value()));
    TrackingDefaults tracking;
    tracking.opens = m_trackOpens->isChecked();
    tracking.clicks = m_trackClicks->isChecked();
    tracking.decoy = m_trackDecoy->isChecked();
    tracking.utm = m_trackUtm->isChecked();
    tracking.clickIds = m_trackClickIds->isChecked();
    if (!ok || !tracking.save(m_workspace, &error)) {
        showMessage(tr("Not saved: %1").arg(error), true);
        return false;
    }
    QStringList stages;
    for (const QString &stage : m_stages->toPlainText().split(u'\n')) {
        if (!stage.trimmed().isEmpty())
            stages << stage.trimmed();
    }
    LeadStore leads(m_workspace);
    if (stages != leads.stages() && !leads.setStages(stages, &error)) {
        showMessage(tr("The stages were not changed: %1").arg(error), true);
        return false;
    }
    QSettings().setValue(u"language"_s, m_language->currentData());
    reload();
    showMessage(tr("Settings saved."), false);
    emit workspaceSettingsChanged();
    return true;
}

bool SettingsPage::pair()
{
    QString url;
    QString error;
    if (!RelayPairing::pair(m_workspace, m_pairingCode->text(), &url, &error)) {
        showMessage(tr("Not paired: %1").arg(error), true);
        return false;
    }
    m_pairingCode->clear();
    reload();
    showMessage(tr("Paired with the relay at %1. The keys are stored as secrets.").arg(url), false);
    emit syncRequested();
    return true;
}

} // namespace leadtrail
